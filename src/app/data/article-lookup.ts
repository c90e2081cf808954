import { PageTrail } from '../../shared/feed/paging';
import type { Article, Channel, ChannelDirectory } from '../../shared/feed/types';
import type { StoreDb } from '../../shared/store/index';
import { articleDocumentUrlOf } from './api';
import type { CachedArticle } from './cache';
import { cacheArticle, cachedArticle } from './cache';
import type { PageRef } from './channel-pages';
import { firstPageOf, followNextUrl, loadPage } from './channel-pages';
import { localDatabase } from './database';
import { findChannel, getDirectory, warmStoredDirectory } from './directory';
import { NotDownloadedError, isNetworkFailure, missingOr } from './errors';
import { fetchArticleNow } from './network';
import { readArticle } from './reads';
import { refreshArticle } from './refresh';
import type { LoadOptions } from './requests';
import { raceAbort } from './requests';

/**
 * Finding an article by id: from memory, else IndexedDB, else (online) its
 * own document, one request, and only when the producer publishes none, by
 * reading the channels until it turns up.
 */

/** An article with the channel it was found in. */
export interface FoundArticle {
  readonly article: Article;
  /**
   * A channel whose pages list the article; for one no stored page lists (read
   * from its own document, or kept because it was saved), the channel of its
   * city (`city`) when the directory has one; '' when none is known.
   */
  readonly channelId: string;
}

/** Pages a cold article lookup may read at most before it gives up. */
const MAX_SCAN_PAGES = 60;
/** Feed pages an article lookup reads at the same time. */
const SCAN_CONCURRENCY = 6;

function found({ article, channelIds }: CachedArticle): FoundArticle {
  return { article, channelId: channelIds[0] ?? '' };
}

/** An article already read this visit, if any (for instant in-app navigation). */
export function peekArticle(id: string): FoundArticle | undefined {
  const cached = cachedArticle(id);
  return cached && found(cached);
}

/** Sections first (热点, 滚动 …), then cities, each in directory order. */
function scanOrder(directory: ChannelDirectory): Channel[] {
  return [
    ...directory.channels.filter((channel) => channel.kind === 'section'),
    ...directory.channels.filter((channel) => channel.kind !== 'section'),
  ];
}

/**
 * Reads the channels' first pages (sections first, a few at a time), then
 * follows their `nextUrl`s breadth-first, until the article turns up or
 * {@link MAX_SCAN_PAGES} pages have been read. Pages read are stored, so an
 * article found this way is readable offline afterwards.
 */
async function scanFor(
  id: string,
  stored: boolean,
  opts: LoadOptions,
): Promise<FoundArticle | undefined> {
  const directory = await getDirectory(opts);
  // One trail per channel: its walk never loops or leaves the feed's origin.
  let frontier: { channel: Channel; ref: PageRef; trail: PageTrail }[] = scanOrder(directory).map(
    (channel) => ({ channel, ref: firstPageOf(channel), trail: new PageTrail(channel.feedUrl) }),
  );
  let budget = MAX_SCAN_PAGES;
  let readAny = false;
  let firstError: unknown;
  /** Some page could not be checked for lack of a network (server stopped, offline). */
  let unreachable = false;

  while (frontier.length > 0 && budget > 0) {
    const next: typeof frontier = [];
    for (let i = 0; i < frontier.length && budget > 0; i += SCAN_CONCURRENCY) {
      const batch = frontier.slice(i, i + Math.min(SCAN_CONCURRENCY, budget));
      budget -= batch.length;
      const results = await Promise.allSettled(
        batch.map(({ channel, ref }) => loadPage(channel, ref, { ...opts, preferFresh: true })),
      );
      opts.signal?.throwIfAborted();
      const hit = peekArticle(id);
      if (hit) return hit;
      results.forEach((result, index) => {
        const task = batch[index];
        if (result.status === 'fulfilled') {
          readAny = true;
          const ref = task && followNextUrl(task.trail, task.ref, result.value);
          if (task && ref) next.push({ ...task, ref });
        } else {
          firstError ??= result.reason;
          if (result.reason instanceof NotDownloadedError || isNetworkFailure(result.reason)) {
            unreachable = true;
          }
        }
      });
    }
    frontier = next;
  }
  if (!readAny && firstError !== undefined) throw firstError;
  // Not in what could be read, but the rest was out of reach: "not found" would be a guess.
  if (unreachable && stored) throw new NotDownloadedError('article');
  return undefined;
}

/**
 * `article`, with the channel of its city when no stored page lists it (read
 * from its own document, or kept only because it was saved) and the directory
 * has that channel: so the article view offers the same 相关新闻 every time,
 * whether or not the header has read the directory by then.
 */
async function withChannel(article: FoundArticle, opts: LoadOptions): Promise<FoundArticle> {
  const city = article.article.city;
  if (article.channelId !== '' || city === undefined) return article;
  try {
    const channel = findChannel(await getDirectory(opts), city);
    return channel ? { ...article, channelId: channel.id } : article;
  } catch {
    // Related articles are a bonus; the article itself is there.
    return article;
  }
}

/**
 * The article `id` from its own document (docs/feed-format.md, "One document
 * per article"): one small request where {@link scanFor} may read dozens of
 * pages. It is fetched and stored like a feed page (the worker, or the in-page
 * sync before one controls the page), so it reads offline and is searchable
 * afterwards. Resolves `undefined` when the document is of no use — not
 * published (404), invalid, without the article — for the caller to read the
 * channels instead.
 * @throws {NotDownloadedError} when the request got no answer at all and
 *   IndexedDB is there (see the catch); else only the caller's abort rejects.
 */
async function fromOwnDocument(
  id: string,
  db: StoreDb | undefined,
  opts: LoadOptions,
): Promise<FoundArticle | undefined> {
  const url = articleDocumentUrlOf(id);
  try {
    let result: FoundArticle | undefined;
    if (!db) {
      const article = await fetchArticleNow(id, url, opts.signal);
      cacheArticle(article, []);
      result = { article, channelId: '' };
    } else {
      // Nothing is stored for it (the caller looked): the request may start before the sync code loads.
      await raceAbort(refreshArticle(db, id, url, { cold: true }), opts.signal);
      const stored = await readArticle(db, id);
      if (!stored) return undefined;
      cacheArticle(stored.article, stored.channelIds);
      result = found(stored);
    }
    return await withChannel(result, opts);
  } catch (error) {
    opts.signal?.throwIfAborted();
    // No answer at all, though navigator.onLine said online (a captive or dead Wi-Fi, a
    // phone between cells: "lie-fi"): every channel page would fail the same way, one after
    // another through the worker, while the reader waits on 「正在加载文章…」. Say at once that
    // it was never downloaded, as offline. A 404 or a broken document is an answer: the
    // producer publishes no usable document, and the channels may still list the article.
    // Without IndexedDB nothing can have been downloaded; the caller reports the failure.
    if (db && isNetworkFailure(error)) throw new NotDownloadedError('article', { cause: error });
    // Expected from producers that do not publish article documents: not a failure to show.
    console.info(`No usable document for article "${id}"; reading the channels`, error);
    return undefined;
  }
}

/**
 * The article `id`: from memory, else from IndexedDB, else (online) from its
 * own document, else (when the producer publishes none) by reading the
 * channels until it turns up. Resolves `undefined` when it is not there;
 * rejects with {@link NotDownloadedError} when it was never stored and the
 * network is unreachable (the browser says offline, or its own document got
 * no answer), or with the reason nothing could be read.
 */
export async function getArticle(
  id: string,
  opts: LoadOptions = {},
): Promise<FoundArticle | undefined> {
  const known = peekArticle(id);
  if (known) return known;
  // The article view reads the story's city channel from the directory in memory
  // (peekDirectory): have the stored one there, read alongside the article, so the
  // view offers the same 相关新闻 every time, whether or not the header has read it.
  const directory = warmStoredDirectory();
  const result = await lookUp(id, opts);
  await directory;
  return result;
}

async function lookUp(id: string, opts: LoadOptions): Promise<FoundArticle | undefined> {
  const db = await localDatabase();
  if (db) {
    const stored = await readArticle(db, id);
    opts.signal?.throwIfAborted();
    if (stored) {
      cacheArticle(stored.article, stored.channelIds);
      return withChannel(found(stored), opts);
    }
    if (navigator.onLine === false) throw new NotDownloadedError('article');
  }
  const own = await fromOwnDocument(id, db, opts);
  if (own) return own;
  try {
    return await scanFor(id, db !== undefined, opts);
  } catch (error) {
    opts.signal?.throwIfAborted();
    throw db ? missingOr(error, 'article') : error;
  }
}
