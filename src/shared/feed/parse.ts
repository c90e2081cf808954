import * as v from 'valibot';
import { readItem } from './article';
import { FeedError } from './errors';
import { LIMITS } from './limits';
import { ChannelDirectorySchema, describeIssues, FeedDocumentSchema, isJsonObject } from './schema';
import type { Article, Channel, ChannelDirectory, FeedPage } from './types';
import { absoluteUrl, resolveHttpUrl } from './urls';

/**
 * Validated documents from parsed JSON. Document-level problems throw
 * FeedError('schema') with a developer-facing message naming the URL and
 * field; an item with an unusable required field is skipped
 * (FeedPage.skipped/problems), any other item problem is repaired and counted
 * (FeedPage.repaired/repairs).
 */

function schemaError(docUrl: string, detail: string): FeedError {
  return new FeedError('schema', `${docUrl}: ${detail}`);
}

/**
 * Validates channels.json. `docUrl` is the URL it was read from (absolute,
 * or relative to the current location in a browser); feed URLs resolve
 * against it.
 * @throws FeedError('schema') when anything is wrong: the directory is small
 *   and hand-written, so a half-valid one is a mistake to fix, not to guess at.
 */
export function parseChannelDirectory(json: unknown, docUrl: string): ChannelDirectory {
  const url = absoluteUrl(docUrl);
  if (!isJsonObject(json)) throw schemaError(url, 'channels.json must be a JSON object');
  const result = v.safeParse(ChannelDirectorySchema, json);
  if (!result.success) throw schemaError(url, describeIssues(result.issues));
  const seen = new Set<string>();
  const channels = result.output.channels.map((channel, index): Channel => {
    if (seen.has(channel.id)) {
      throw schemaError(url, `channels.${index}.id: duplicate id "${channel.id}"`);
    }
    seen.add(channel.id);
    const feedUrl = resolveHttpUrl(channel.feed_url, url);
    if (feedUrl === undefined) {
      throw schemaError(url, `channels.${index}.feed_url: not a usable http(s) URL`);
    }
    return { id: channel.id, title: channel.title, kind: channel.kind, feedUrl };
  });
  return { version: 1, title: result.output.title, channels };
}

/**
 * Validates one JSON Feed 1.1 (or 1.0) page. `docUrl` is the URL it was read
 * from; every URL in it resolves against that. Items with an unusable
 * required field, duplicates of an earlier id and items past
 * LIMITS.itemsPerPage are skipped and counted; repairs to kept items are counted too.
 * @throws FeedError('schema') when the document itself is invalid.
 */
export function parseFeedPage(json: unknown, docUrl: string): FeedPage {
  const url = absoluteUrl(docUrl);
  if (!isJsonObject(json)) throw schemaError(url, 'a feed must be a JSON object');
  const result = v.safeParse(FeedDocumentSchema, json);
  if (!result.success) throw schemaError(url, describeIssues(result.issues));
  const feed = result.output;

  let nextUrl: string | undefined;
  if (feed.next_url) {
    nextUrl = resolveHttpUrl(feed.next_url, url);
    if (nextUrl === undefined) throw schemaError(url, 'next_url: not a usable http(s) URL');
    // A page that names itself as the next one would have the app page forever.
    if (nextUrl === url) nextUrl = undefined;
  }

  const items: Article[] = [];
  const problems: string[] = [];
  const repairs: string[] = [];
  let skipped = 0;
  let repaired = 0;
  const seen = new Set<string>();
  const readable = feed.items.slice(0, LIMITS.itemsPerPage);
  for (const [index, raw] of readable.entries()) {
    const where = `items.${index}${idHint(raw)}`;
    const outcome = addItem(raw, url, seen, items);
    if (typeof outcome === 'string') {
      skipped++;
      if (problems.length < LIMITS.problems) problems.push(`${where}: ${outcome}`);
      continue;
    }
    repaired += outcome.length;
    for (const repair of outcome) {
      if (repairs.length < LIMITS.problems) repairs.push(`${where}: ${repair}`);
    }
  }
  const excess = feed.items.length - LIMITS.itemsPerPage;
  if (excess > 0) {
    skipped += excess;
    if (problems.length < LIMITS.problems) {
      problems.push(`items: ${excess} items past the first ${LIMITS.itemsPerPage} were ignored`);
    }
  }

  const page: FeedPage = { url, title: feed.title, items, skipped, problems, repaired, repairs };
  return nextUrl === undefined ? page : { ...page, nextUrl };
}

/**
 * Validates an article's own document (docs/feed-format.md, "One document per
 * article"), a feed page like any other, and returns its item `id`. Other
 * items, if the document has any, are ignored.
 * @throws FeedError('schema') when the document is invalid, or holds no
 *   usable item `id` (absent, or skipped as invalid: the reasons are in the message).
 */
export function parseArticleDocument(json: unknown, docUrl: string, id: string): Article {
  const page = parseFeedPage(json, docUrl);
  const article = page.items.find((item) => item.id === id);
  if (article) return article;
  const why = page.problems.length > 0 ? ` (${page.problems.join('; ')})` : '';
  throw schemaError(page.url, `no usable item with id ${JSON.stringify(id)}${why}`);
}

/**
 * Reads one raw item, appending it to `items` (and its id to `seen`) with the
 * repairs it needed; returns why it was skipped instead, if it was.
 */
function addItem(
  raw: unknown,
  url: string,
  seen: Set<string>,
  items: Article[],
): string | readonly string[] {
  if (!isJsonObject(raw)) return 'not a JSON object';
  const reading = readItem(raw, url);
  if (!reading.ok) return reading.reason;
  const { article } = reading;
  if (seen.has(article.id)) return 'duplicate id, the first one is kept';
  seen.add(article.id);
  items.push(article);
  return reading.repairs;
}

/** ` (id "…")` for messages, when the raw item has a usable-looking id. */
function idHint(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return '';
  const { id } = raw;
  if (typeof id !== 'string' && typeof id !== 'number') return '';
  return ` (id ${JSON.stringify(String(id).slice(0, 80))})`;
}
