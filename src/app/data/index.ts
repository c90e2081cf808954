import type { Article, Channel, ChannelDirectory } from '../../shared/feed/types';
import type { StoreDb } from '../../shared/store/index';
import {
  getArticle as getStoredArticle,
  getChannelArticles,
  storedChannelIds,
} from '../../shared/store/index';
import { isStale } from '../lib/freshness';
import { DIRECTORY_URL, articleDocumentUrlOf } from './api';
import type { ChannelPage } from './cache';
import {
  cachedArticle,
  cachedArticles,
  cachedChain,
  cachedDirectory,
  cachedPage,
  rememberArticle,
  storeDirectory,
  storePage,
} from './cache';
import { NotDownloadedError, UnknownChannelError, isNetworkFailure, missingOr } from './errors';
import { refreshDirectoryInBackground, refreshPageInBackground } from './live';
import { localStore } from './local';
import { fetchArticleNow, fetchDirectoryNow, fetchPageNow } from './network';
import { readDirectory, readPage } from './reads';
import { refreshArticle, refreshDirectory, refreshPage } from './refresh';
import { dedupe, raceAbort } from './requests';
import { matchArticles } from './search';

/**
 * The page's data layer: the only code in src/app that reads feeds.
 * Components ask domain questions ("the directory", "page 2 of 济南",
 * "article X") and get validated data back.
 *
 * Every answer comes from IndexedDB first, so a route renders at once, online
 * or not; when the stored copy is missing it is fetched (by the service worker,
 * or the in-page sync before one controls the page) and then read back (an
 * article from its own document, else by reading the channels), and
 * when it is older than a few minutes it is refreshed behind the reader's back
 * (live.ts re-renders what changed). Without IndexedDB everything is read from
 * the network and held in memory for the visit.
 */

export type { ChannelPage } from './cache';
export type { ChannelChange } from './live';
export { NotDownloadedError, UnknownChannelError } from './errors';
export {
  directoryVersion,
  onChannelChange,
  refreshErrors,
  retryRefresh,
  watchChannel,
  watchDirectory,
} from './live';
export { isNetworkFailure } from './errors';
export { STORAGE_UNAVAILABLE_MESSAGE, storageStatus } from './local';
export { offline } from './connectivity';
export type { ArticleMark } from './marks';
export { markArticleRead, markOf, marksVersion } from './marks';

/** Options every loader accepts. */
export interface LoadOptions {
  /** Abandons the wait (a shared request stops once nobody waits for it). */
  readonly signal?: AbortSignal;
}

/** Which page of a channel: its index in the `nextUrl` chain and its URL. */
export interface PageRef {
  readonly pageIndex: number;
  readonly url: string;
}

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

/** One search result. */
export interface SearchHit {
  readonly article: Article;
  readonly channel: Channel;
}

/** The results of {@link searchLoaded}. */
export interface SearchOutcome {
  readonly hits: readonly SearchHit[];
  /** Channels that could not be read at all, so the results may be incomplete. */
  readonly failedChannels: readonly Channel[];
}

/** Pages a cold article lookup may read at most before it gives up. */
const MAX_SCAN_PAGES = 60;
/** Feed pages an article lookup reads at the same time. */
const SCAN_CONCURRENCY = 6;

// ---------------------------------------------------------------------------
// The channel directory

async function loadDirectory(signal: AbortSignal): Promise<ChannelDirectory> {
  const db = await localStore();
  if (!db) {
    const directory = await fetchDirectoryNow(DIRECTORY_URL, signal);
    storeDirectory({ directory, fetchedAt: Date.now() });
    return directory;
  }
  const stored = await readDirectory(db);
  if (stored) {
    storeDirectory(stored);
    if (isStale(stored.fetchedAt, Date.now())) refreshDirectoryInBackground(db);
    return stored.directory;
  }
  try {
    await raceAbort(refreshDirectory(db, DIRECTORY_URL, { cold: true }), signal);
  } catch (error) {
    signal.throwIfAborted();
    throw missingOr(error, 'directory');
  }
  const fresh = await readDirectory(db);
  if (!fresh) throw new Error('channels.json was synced but is not stored');
  storeDirectory(fresh);
  return fresh.directory;
}

/** The channel directory (channels.json). */
export function getDirectory(opts: LoadOptions = {}): Promise<ChannelDirectory> {
  const known = cachedDirectory();
  if (known) return Promise.resolve(known.directory);
  return dedupe('read:directory', loadDirectory, opts.signal);
}

/** The directory if it has been read already (for rendering without a loading state). */
export function peekDirectory(): ChannelDirectory | undefined {
  return cachedDirectory()?.directory;
}

/** The channel `id` of `directory`, if it has one. */
export function findChannel(directory: ChannelDirectory, id: string): Channel | undefined {
  return directory.channels.find((channel) => channel.id === id);
}

async function requireChannel(channelId: string, opts: LoadOptions): Promise<Channel> {
  const channel = findChannel(await getDirectory(opts), channelId);
  if (!channel) throw new UnknownChannelError(`No channel "${channelId}" in channels.json`);
  return channel;
}

// ---------------------------------------------------------------------------
// Channel pages

interface PageOptions extends LoadOptions {
  /**
   * Wait for a refresh of a stale stored page instead of answering with it at
   * once (an article lookup wants the newest list; a view wants speed).
   */
  readonly preferFresh?: boolean;
}

async function loadStoredPage(
  db: StoreDb,
  channel: Channel,
  ref: PageRef,
  opts: PageOptions,
): Promise<ChannelPage> {
  const stored = await readPage(db, channel.id, ref.pageIndex);
  const usable = stored && stored.page.url === ref.url ? stored : undefined;
  const stale = !usable || usable.incomplete || isStale(usable.page.fetchedAt, Date.now());
  if (usable && (!stale || !opts.preferFresh)) {
    storePage(usable.page);
    if (stale) refreshPageInBackground(db, channel.id, ref.pageIndex, ref.url);
    return usable.page;
  }
  try {
    await raceAbort(
      refreshPage(db, channel.id, ref.pageIndex, ref.url, { cold: !stored }),
      opts.signal,
    );
  } catch (error) {
    opts.signal?.throwIfAborted();
    // Offline with an old copy (or one from before the feed re-paged): better than nothing.
    const fallback = usable ?? stored;
    if (fallback) {
      storePage(fallback.page);
      return fallback.page;
    }
    throw missingOr(error, ref.pageIndex === 0 ? 'channel' : 'page');
  }
  const fresh = await readPage(db, channel.id, ref.pageIndex);
  if (!fresh)
    throw new Error(`Page ${ref.pageIndex} of ${channel.id} was synced but is not stored`);
  storePage(fresh.page);
  return fresh.page;
}

async function loadPage(channel: Channel, ref: PageRef, opts: PageOptions): Promise<ChannelPage> {
  const known = cachedPage(channel.id, ref.pageIndex);
  if (known && known.url === ref.url && !opts.preferFresh) return known;
  const db = await localStore();
  if (!db) {
    if (known && known.url === ref.url) return known;
    const page = await fetchPageNow(channel, ref.pageIndex, ref.url, opts.signal);
    storePage(page);
    return page;
  }
  return loadStoredPage(db, channel, ref, opts);
}

/**
 * A page of a channel: its first page, or `at` (the `nextUrl` of an earlier
 * page, for 「+更多」). Throws {@link UnknownChannelError} for an id that is
 * not in the directory, {@link NotDownloadedError} when it was never stored
 * and the network is unreachable, and a FeedError when the feed is broken.
 */
export async function getChannelPage(
  channelId: string,
  at?: PageRef,
  opts: LoadOptions = {},
): Promise<ChannelPage> {
  const channel = await requireChannel(channelId, opts);
  return loadPage(channel, at ?? { pageIndex: 0, url: channel.feedUrl }, opts);
}

/**
 * The pages of a channel already read this visit, first page first, so that
 * coming back to a channel shows everything the reader had opened (at once).
 */
export function peekChannelPages(channelId: string): readonly ChannelPage[] {
  return cachedChain(channelId);
}

/** The channels of `directory` that can be read offline (their first page is stored). */
export async function storedChannels(directory: ChannelDirectory): Promise<Channel[]> {
  const db = await localStore();
  if (!db) return [];
  const ids = new Set(await storedChannelIds(db));
  return directory.channels.filter((channel) => ids.has(channel.id));
}

// ---------------------------------------------------------------------------
// Articles

/** An article already read this visit, if any (for instant in-app navigation). */
export function peekArticle(id: string): FoundArticle | undefined {
  const cached = cachedArticle(id);
  return cached ? { article: cached.article, channelId: cached.channelIds[0] ?? '' } : undefined;
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
  let frontier = scanOrder(directory).map((channel) => ({
    channel,
    ref: { pageIndex: 0, url: channel.feedUrl },
  }));
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
      const found = peekArticle(id);
      if (found) return found;
      results.forEach((result, index) => {
        const task = batch[index];
        if (result.status === 'fulfilled') {
          readAny = true;
          const nextUrl = result.value.nextUrl;
          if (task && nextUrl) {
            next.push({
              channel: task.channel,
              ref: { pageIndex: task.ref.pageIndex + 1, url: nextUrl },
            });
          }
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
 * `found`, with the channel of its city when no stored page lists it (read
 * from its own document, or kept only because it was saved) and the directory
 * has that channel: so the article view offers the same 相关新闻 every time,
 * whether or not the header has read the directory by then.
 */
async function withChannel(found: FoundArticle, opts: LoadOptions): Promise<FoundArticle> {
  const city = found.article.city;
  if (found.channelId !== '' || city === undefined) return found;
  try {
    const channel = findChannel(await getDirectory(opts), city);
    return channel ? { ...found, channelId: channel.id } : found;
  } catch {
    // Related articles are a bonus; the article itself is there.
    return found;
  }
}

/**
 * The article `id` from its own document (docs/feed-format.md, "One document
 * per article"): one small request where {@link scanFor} may read dozens of
 * pages. It is fetched and stored like a feed page (the worker, or the in-page
 * sync before one controls the page), so it reads offline and is searchable
 * afterwards. Resolves `undefined` when the document is of no use — not
 * published (404), invalid, without the article, or unreachable — for the
 * caller to read the channels instead; only the caller's abort rejects.
 */
async function fromOwnDocument(
  id: string,
  db: StoreDb | undefined,
  opts: LoadOptions,
): Promise<FoundArticle | undefined> {
  const url = articleDocumentUrlOf(id);
  try {
    let found: FoundArticle | undefined;
    if (!db) {
      const article = await fetchArticleNow(id, url, opts.signal);
      rememberArticle(article, []);
      found = { article, channelId: '' };
    } else {
      // Nothing is stored for it (the caller looked): the request may start before the sync code loads.
      await raceAbort(refreshArticle(db, id, url, { cold: true }), opts.signal);
      const stored = await getStoredArticle(db, id);
      if (!stored) return undefined;
      rememberArticle(stored.article, stored.channelIds);
      found = { article: stored.article, channelId: stored.channelIds[0] ?? '' };
    }
    return await withChannel(found, opts);
  } catch (error) {
    opts.signal?.throwIfAborted();
    // Expected from producers that do not publish article documents: not a failure to show.
    console.info(`No usable document for article "${id}"; reading the channels`, error);
    return undefined;
  }
}

/**
 * The article `id`: from memory, else from IndexedDB, else (online) from its
 * own document, else by reading the channels until it turns up. Resolves
 * `undefined` when it is not there; rejects with {@link NotDownloadedError}
 * when it was never stored and the network is unreachable, or with the reason
 * nothing could be read.
 */
export async function getArticle(
  id: string,
  opts: LoadOptions = {},
): Promise<FoundArticle | undefined> {
  const known = peekArticle(id);
  if (known) return known;
  const db = await localStore();
  if (db) {
    const stored = await getStoredArticle(db, id);
    opts.signal?.throwIfAborted();
    if (stored) {
      rememberArticle(stored.article, stored.channelIds);
      return withChannel({ article: stored.article, channelId: stored.channelIds[0] ?? '' }, opts);
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

function relatedFrom(page: ChannelPage | undefined, articleId: string, limit: number): Article[] {
  return (page?.items ?? []).filter((item) => item.id !== articleId).slice(0, limit);
}

/** Related articles from memory, if the channel's first page was read (instant re-render). */
export function peekRelated(
  articleId: string,
  channelId: string,
  limit = 6,
): readonly Article[] | undefined {
  const page = cachedPage(channelId, 0);
  return page ? relatedFrom(page, articleId, limit) : undefined;
}

/**
 * Up to `limit` other articles from `channelId`'s first page, for 相关新闻.
 * Quietly empty when the channel cannot be read: related links are a bonus.
 */
export async function getRelated(
  articleId: string,
  channelId: string,
  limit = 6,
  opts: LoadOptions = {},
): Promise<readonly Article[]> {
  try {
    return relatedFrom(await getChannelPage(channelId, undefined, opts), articleId, limit);
  } catch (error) {
    opts.signal?.throwIfAborted();
    console.warn('Related articles unavailable', error);
    return [];
  }
}

// ---------------------------------------------------------------------------
// Search

/**
 * Searches what the app can reach now: the first page of every channel
 * (fetched if it was never stored and the network allows), plus every page
 * stored or read, matching title, summary and text by substring. Throws only
 * when the directory itself cannot be read.
 */
export async function searchLoaded(query: string, opts: LoadOptions = {}): Promise<SearchOutcome> {
  const directory = await getDirectory(opts);
  const results = await Promise.allSettled(
    directory.channels.map((channel) =>
      loadPage(channel, { pageIndex: 0, url: channel.feedUrl }, opts),
    ),
  );
  opts.signal?.throwIfAborted();
  const failedChannels = directory.channels.filter(
    (_, index) => results[index]?.status === 'rejected',
  );

  const channelOf = new Map<string, Channel>();
  const articles: Article[] = [];
  const add = (article: Article, channel: Channel | undefined) => {
    if (!channel || channelOf.has(article.id)) return;
    channelOf.set(article.id, channel);
    articles.push(article);
  };
  const db = await localStore();
  if (db) {
    const stored = await Promise.all(
      directory.channels.map((channel) => getChannelArticles(db, channel.id)),
    );
    opts.signal?.throwIfAborted();
    directory.channels.forEach((channel, index) => {
      for (const article of stored[index] ?? []) add(article, channel);
    });
  }
  for (const { article, channelIds } of cachedArticles()) {
    add(
      article,
      channelIds
        .map((channelId) => findChannel(directory, channelId))
        .find((candidate) => candidate !== undefined),
    );
  }
  const hits = matchArticles(articles, query).flatMap((article) => {
    const channel = channelOf.get(article.id);
    return channel ? [{ article, channel }] : [];
  });
  return { hits, failedChannels };
}
