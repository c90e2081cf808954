import * as v from 'valibot';
import { LIMITS } from './limits';
import { isRfc3339DateTime } from './rfc3339';

/**
 * The raw shapes of the feed contract (DESIGN.md, docs/feed-format.md) as
 * valibot schemas. They check types, required fields and LIMITS, trim strings
 * and drop unknown fields; they do not resolve URLs (that needs the document's
 * URL, see parse.ts). Items are validated one by one with `FeedItemSchema`, so
 * one broken item cannot take the page down with it.
 *
 * Optional fields may also be `null`: some producers write `"image": null` for
 * "no image", and treating that as absent costs nothing.
 */

/** The only JSON Feed version accepted. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** A channel id: lower-case letters, digits, `-` and `_`, starting with a letter or digit. */
export const CHANNEL_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** Control characters have no business in an id that ends up in routes and storage keys. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** A trimmed string of at most `max` code units. */
function text(max: number) {
  return v.pipe(v.string(), v.trim(), v.maxLength(max, `longer than ${max} characters`));
}

/** A trimmed, non-empty string of at most `max` code units. */
function requiredText(max: number) {
  return v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `longer than ${max} characters`),
  );
}

/** An optional trimmed string; empty means absent (decided by the caller). */
function optionalText(max: number) {
  return v.nullish(text(max));
}

/** A list of at most `count` entries. */
function list<TItem extends v.GenericSchema>(item: TItem, count: number) {
  return v.nullish(v.pipe(v.array(item), v.maxLength(count, `more than ${count} entries`)));
}

const dateTime = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    isRfc3339DateTime,
    'not an RFC 3339 date-time with offset (e.g. 2023-05-06T10:30:13+08:00)',
  ),
  v.transform((value) => value.toUpperCase()),
);

/** JSON Feed 1.1: "If an id is presented as a number … a reader must coerce it to a string." */
const itemId = v.union(
  [
    v.pipe(
      requiredText(LIMITS.idLength),
      v.check((id) => !CONTROL_CHARACTERS.test(id), 'contains control characters'),
    ),
    v.pipe(v.number(), v.finite(), v.transform(String)),
  ],
  'must be a string',
);

const NewsExtensionSchema = v.object({
  kicker: optionalText(LIMITS.kickerLength),
  subtitles: list(text(LIMITS.subtitleLength), LIMITS.subtitles),
  source: optionalText(LIMITS.sourceLength),
  editor: optionalText(LIMITS.sourceLength),
  credit: optionalText(LIMITS.creditLength),
  image_alt: optionalText(LIMITS.imageAltLength),
  city: v.nullish(
    v.pipe(
      text(LIMITS.channelIdLength),
      v.check((city) => city === '' || CHANNEL_ID.test(city), 'not a channel id'),
    ),
  ),
});

const AuthorSchema = v.object({ name: optionalText(LIMITS.authorNameLength) });

/** One JSON Feed 1.1 item with the `_news` extension. */
export const FeedItemSchema = v.pipe(
  v.object({
    id: itemId,
    title: requiredText(LIMITS.titleLength),
    date_published: dateTime,
    date_modified: v.nullish(dateTime),
    content_html: optionalText(LIMITS.contentHtmlLength),
    content_text: optionalText(LIMITS.contentTextLength),
    summary: optionalText(LIMITS.summaryLength),
    url: optionalText(LIMITS.urlLength),
    image: optionalText(LIMITS.urlLength),
    tags: list(text(LIMITS.tagLength), LIMITS.tags),
    language: optionalText(LIMITS.languageLength),
    authors: list(AuthorSchema, LIMITS.authors),
    _news: v.nullish(NewsExtensionSchema),
  }),
  v.check(
    (item) => Boolean(item.content_html || item.content_text || item.summary),
    'needs content_html, content_text or summary',
  ),
);

/** A validated raw item, before conversion to an Article. */
export type FeedItem = v.InferOutput<typeof FeedItemSchema>;

/** A JSON Feed 1.1 document; its items are checked separately. */
export const FeedDocumentSchema = v.object({
  version: v.literal(JSON_FEED_VERSION, `version must be "${JSON_FEED_VERSION}"`),
  title: requiredText(LIMITS.documentTitleLength),
  next_url: optionalText(LIMITS.urlLength),
  items: v.array(v.unknown(), 'items must be an array'),
});

/** One entry of channels.json, before its feed_url is resolved. */
export const ChannelSchema = v.object({
  id: v.pipe(
    v.string(),
    v.maxLength(LIMITS.channelIdLength, `longer than ${LIMITS.channelIdLength} characters`),
    v.regex(CHANNEL_ID, 'not a slug (a-z, 0-9, "-", "_")'),
  ),
  title: requiredText(LIMITS.channelTitleLength),
  kind: v.picklist(['section', 'city'], 'kind must be "section" or "city"'),
  feed_url: requiredText(LIMITS.urlLength),
});

/** channels.json, version 1. */
export const ChannelDirectorySchema = v.object({
  version: v.literal(1, 'version must be 1'),
  title: requiredText(LIMITS.documentTitleLength),
  channels: v.pipe(
    v.array(ChannelSchema, 'channels must be an array'),
    v.maxLength(LIMITS.channels, `more than ${LIMITS.channels} channels`),
  ),
});

/** Whether `value` is a JSON object (valibot's `object` would also take an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A short, developer-facing account of what failed: the first few issues with
 * their paths, e.g. `items.3.title: must not be empty`.
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], max = 3): string {
  const parts = issues.slice(0, max).map((issue) => {
    const path = v.getDotPath(issue);
    // valibot reports a missing field as an invalid key or an invalid type.
    const message = issue.received === 'undefined' ? 'is missing' : issue.message;
    return path ? `${path}: ${message}` : message;
  });
  if (issues.length > max) parts.push(`and ${issues.length - max} more`);
  return parts.join('; ');
}
