import * as v from 'valibot';
import { LIMITS } from './limits';

/**
 * The raw shapes of the feed contract's documents (DESIGN.md,
 * docs/feed-format.md) as valibot schemas. They check types, required fields
 * and LIMITS, trim strings and drop unknown fields; they do not resolve URLs
 * (that needs the document's URL, see parse.ts). Feed items are not checked
 * here but read leniently, field by field, by article.ts.
 *
 * Optional fields may also be `null`: some producers write `"next_url": null`
 * for "no next page", and treating that as absent costs nothing.
 */

/** The JSON Feed version this contract is written against. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * JSON Feed 1.0, which many feeds in the wild still declare (micro.blog, static-site
 * generators). The 1.1 spec asks readers to accept it; its one difference that matters
 * here, the single `author`, is read as `authors` (article.ts).
 */
export const JSON_FEED_VERSION_1 = 'https://jsonfeed.org/version/1';

/** A channel id: lower-case letters, digits, `-` and `_`, starting with a letter or digit. */
export const CHANNEL_ID = /^[a-z0-9][a-z0-9_-]*$/;

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

/**
 * A JSON Feed 1.1 (or 1.0) document; its items are read one by one by
 * article.ts, so one broken item cannot take the page down with it.
 */
export const FeedDocumentSchema = v.object({
  version: v.picklist(
    [JSON_FEED_VERSION, JSON_FEED_VERSION_1],
    `version must be "${JSON_FEED_VERSION}" (or "${JSON_FEED_VERSION_1}")`,
  ),
  title: requiredText(LIMITS.documentTitleLength),
  next_url: v.nullish(text(LIMITS.urlLength)),
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
