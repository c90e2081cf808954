import type { Article, Channel, ChannelDirectory, FeedPage } from '../../shared/feed/types';
import {
  cachedArticle,
  cachedArticles,
  cachedChain,
  cachedDirectory,
  cachedPage,
  storeDirectory,
  storePage,
} from './cache';
import { withFeedModule } from './feed-module';
import { dedupe } from './requests';
import { matchArticles } from './search';

/**
 * The page's data layer: the only code in src/app that reads feeds. Components
 * ask domain questions ("the directory", "page 2 of 济南", "article X") and get
 * validated data back; where it comes from (memory today, IndexedDB and the
 * service worker next, see cache.ts) is this module's business.
 */

/** Options every loader accepts. */
export interface LoadOptions {
  /** Abandons the wait (the shared request stops once nobody waits for it). */
  readonly signal?: AbortSignal;
}

/** An article with the channel it was found in. */
export interface FoundArticle {
  readonly article: Article;
  /** The first channel whose loaded pages contain the article. */
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
  /** Channels whose first page could not be read, so the results may be incomplete. */
  readonly failedChannels: readonly Channel[];
}

/** Thrown by {@link getChannelPage} for an id that is not in the directory. */
export class UnknownChannelError extends Error {
  override readonly name = 'UnknownChannelError';
}

/** Pages a cold article lookup may read at most before it gives up. */
const MAX_SCAN_PAGES = 60;
/** Feed pages an article lookup reads at the same time. */
const SCAN_CONCURRENCY = 4;

const feedBase = new URL(import.meta.env.FEED_BASE, location.href);
const directoryUrl = new URL('channels.json', feedBase).href;

/** The channel directory (channels.json), cached once read. */
export function getDirectory(opts: LoadOptions = {}): Promise<ChannelDirectory> {
  const known = cachedDirectory();
  if (known) return Promise.resolve(known);
  return dedupe(
    directoryUrl,
    (signal) =>
      withFeedModule(directoryUrl, signal, (mod, fetchOpts) =>
        mod.fetchChannelDirectory(directoryUrl, fetchOpts),
      ).then((directory) => {
        storeDirectory(directory);
        return directory;
      }),
    opts.signal,
  );
}

/** The directory if it has been read already (for rendering without a loading state). */
export function peekDirectory(): ChannelDirectory | undefined {
  return cachedDirectory();
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

function loadPage(channel: Channel, url: string, opts: LoadOptions): Promise<FeedPage> {
  const known = cachedPage(url);
  if (known) return Promise.resolve(known);
  return dedupe(
    url,
    (signal) =>
      withFeedModule(url, signal, (mod, fetchOpts) => mod.fetchFeedPage(url, fetchOpts)).then(
        (page) => {
          storePage(channel.id, page, url === channel.feedUrl);
          return page;
        },
      ),
    opts.signal,
  );
}

/**
 * A page of a channel's feed: its first page, or `pageUrl` (a `nextUrl` of an
 * earlier page, for 「+更多」). Throws {@link UnknownChannelError} for an id that is
 * not in the directory and a FeedError when the page cannot be read.
 */
export async function getChannelPage(
  channelId: string,
  pageUrl?: string,
  opts: LoadOptions = {},
): Promise<FeedPage> {
  const channel = await requireChannel(channelId, opts);
  return loadPage(channel, pageUrl ?? channel.feedUrl, opts);
}

/**
 * The pages of a channel already loaded this visit, first page first, so that
 * coming back to a channel shows everything the reader had opened (and at once).
 */
export function peekChannelPages(channelId: string): readonly FeedPage[] {
  return cachedChain(channelId);
}

/** An article already loaded this visit, if any (for instant in-app navigation). */
export function peekArticle(id: string): FoundArticle | undefined {
  const cached = cachedArticle(id);
  const channelId = cached?.channelIds[0];
  return cached && channelId !== undefined ? { article: cached.article, channelId } : undefined;
}

/** Sections first (热点, 滚动 …), then cities, each in directory order. */
function scanOrder(directory: ChannelDirectory): Channel[] {
  return [
    ...directory.channels.filter((channel) => channel.kind === 'section'),
    ...directory.channels.filter((channel) => channel.kind !== 'section'),
  ];
}

/**
 * The article `id`. In-app navigation finds it in memory. A cold deep link
 * reads the channels' first pages (sections first, a few at a time), then
 * follows their `nextUrl`s breadth-first, until the article turns up or
 * {@link MAX_SCAN_PAGES} pages have been read. Resolves `undefined` when it is
 * not there; rejects when nothing at all could be read (e.g. offline), so the
 * reader sees the reason rather than "not found".
 */
export async function getArticle(
  id: string,
  opts: LoadOptions = {},
): Promise<FoundArticle | undefined> {
  const known = peekArticle(id);
  if (known) return known;
  const directory = await getDirectory(opts);

  let frontier = scanOrder(directory).map((channel) => ({ channel, url: channel.feedUrl }));
  let budget = MAX_SCAN_PAGES;
  let readAny = false;
  let firstError: unknown;

  while (frontier.length > 0 && budget > 0) {
    const next: typeof frontier = [];
    for (let i = 0; i < frontier.length && budget > 0; i += SCAN_CONCURRENCY) {
      const batch = frontier.slice(i, i + Math.min(SCAN_CONCURRENCY, budget));
      budget -= batch.length;
      const results = await Promise.allSettled(
        batch.map(({ channel, url }) => loadPage(channel, url, opts)),
      );
      opts.signal?.throwIfAborted();
      const found = peekArticle(id);
      if (found) return found;
      results.forEach((result, index) => {
        const task = batch[index];
        if (result.status === 'fulfilled') {
          readAny = true;
          if (task && result.value.nextUrl) {
            next.push({ channel: task.channel, url: result.value.nextUrl });
          }
        } else {
          firstError ??= result.reason;
        }
      });
    }
    frontier = next;
  }
  if (!readAny && firstError !== undefined) throw firstError;
  return undefined;
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
    const page = await getChannelPage(channelId, undefined, opts);
    return page.items.filter((item) => item.id !== articleId).slice(0, limit);
  } catch (error) {
    opts.signal?.throwIfAborted();
    console.warn('Related articles unavailable', error);
    return [];
  }
}

/**
 * Searches what the app can reach now: it makes sure the first page of every
 * channel is loaded (plus whatever else was read this visit) and matches
 * title, summary and text by substring. Throws only when the directory itself
 * cannot be read.
 */
export async function searchLoaded(query: string, opts: LoadOptions = {}): Promise<SearchOutcome> {
  const directory = await getDirectory(opts);
  const results = await Promise.allSettled(
    directory.channels.map((channel) => loadPage(channel, channel.feedUrl, opts)),
  );
  opts.signal?.throwIfAborted();
  const failedChannels = directory.channels.filter(
    (_, index) => results[index]?.status === 'rejected',
  );

  const channelOf = new Map<string, Channel>();
  const articles: Article[] = [];
  for (const { article, channelIds } of cachedArticles()) {
    const channel = channelIds
      .map((channelId) => findChannel(directory, channelId))
      .find((candidate) => candidate !== undefined);
    if (!channel) continue;
    channelOf.set(article.id, channel);
    articles.push(article);
  }
  const hits = matchArticles(articles, query).flatMap((article) => {
    const channel = channelOf.get(article.id);
    return channel ? [{ article, channel }] : [];
  });
  return { hits, failedChannels };
}
