import { detectJsonFeed } from 'feedsmith';
import { IngestError } from '../errors';
import type { IngestItem, ReadDocument } from '../model';
import { parseFeedDate } from './dates';
import { collectItems, finishItem, httpUrl, isHttpUrl, text, uniqueStrings } from './feed-common';
import { absolutizeHtml } from './feed-html';

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
 *
 * Mapped here from `JSON.parse` output rather than through feedsmith's
 * parseJsonFeed: feedsmith drops extension objects (our `_news`) and drops
 * items it finds empty, so its items could not be matched back to the raw
 * ones. Detection is still feedsmith's (detectJsonFeed).
 *
 * Types are checked leniently, field by field: a wrong-typed optional field is
 * dropped, never the item. As the 1.1 spec asks of readers, a 1.0 `author`
 * counts as `authors`, and an `id` that is a number is read as a string.
 */

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An id: a string, or a number written as one (JSON Feed 1.1). */
function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return text(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? uniqueStrings(value.map(text)) : [];
}

/** `authors` (1.1), else `author` (1.0): names of author objects (a bare string is taken as a name). */
function authorNames(container: Raw): string[] {
  const names = (value: unknown): string[] => {
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return uniqueStrings(list.map((a) => (isRaw(a) ? text(a.name) : text(a))));
  };
  const authors = names(container.authors);
  return authors.length > 0 ? authors : names(container.author);
}

function date(value: unknown): string | undefined {
  const raw = text(value);
  return raw === undefined ? undefined : parseFeedDate(raw);
}

function readItem(value: unknown, docUrl: string | undefined): IngestItem {
  if (!isRaw(value)) return {};
  const news = isRaw(value._news) ? value._news : {};
  const guid = idText(value.id);
  const html = text(value.content_html);
  const modified = date(value.date_modified);
  const subtitles = strings(news.subtitles);
  return finishItem({
    guid,
    guidIsUrl: guid === undefined ? undefined : isHttpUrl(guid),
    url: httpUrl(text(value.url), docUrl),
    // Micro-posts have no title: left out, the pipeline derives one.
    title: text(value.title),
    datePublished: date(value.date_published) ?? modified,
    dateModified: modified,
    contentHtml: html && absolutizeHtml(html, docUrl),
    contentText: text(value.content_text),
    summary: text(value.summary),
    image: httpUrl(text(value.image), docUrl) ?? httpUrl(text(value.banner_image), docUrl),
    imageAlt: text(news.image_alt),
    authors: authorNames(value),
    tags: strings(value.tags),
    language: text(value.language),
    kicker: text(news.kicker),
    // A single string where an array belongs is one line, not a dropped field.
    subtitles: subtitles.length > 0 ? subtitles : uniqueStrings([text(news.subtitles)]),
    source: text(news.source),
    editor: text(news.editor),
    credit: text(news.credit),
    city: text(news.city),
  });
}

/** Parses `text` as JSON, or undefined. */
export function parseJson(source: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a parsed JSON value is a JSON Feed (feedsmith's detection: a jsonfeed.org version, or title + items). */
export function isJsonFeed(value: unknown): value is Raw {
  return isRaw(value) && detectJsonFeed(value);
}

/** Reads a JSON Feed document. */
export function readJsonFeed(source: string, docUrl: string | undefined): ReadDocument {
  let value: unknown;
  try {
    value = JSON.parse(source) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new IngestError('not-a-feed', `not valid JSON: ${detail}`);
  }
  if (!isJsonFeed(value)) {
    throw new IngestError(
      'not-a-feed',
      'JSON that is not a JSON Feed (no "version" naming jsonfeed.org, nor a title with items)',
    );
  }
  const items = Array.isArray(value.items) ? value.items : [];
  return {
    kind: 'json-feed',
    title: text(value.title),
    ...collectItems(
      items,
      (item) => readItem(item, docUrl),
      { authors: authorNames(value), language: text(value.language) },
      'item',
    ),
  };
}
