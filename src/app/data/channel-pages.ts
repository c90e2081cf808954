import { PageTrail } from '../../shared/feed/paging';
import type { Channel, ChannelDirectory } from '../../shared/feed/types';
import type { SyncResult } from '../../shared/messages';
import type { StoreDb } from '../../shared/store/index';
import { isStale } from '../lib/freshness';
import type { ChannelPage } from './cache';
import { cachePage, cachedChain, cachedPage } from './cache';
import { localDatabase } from './database';
import { requireChannel } from './directory';
import { missingOr } from './errors';
import { pageAfterRefresh, refreshPageInBackground } from './live';
import { fetchPageNow } from './network';
import { readPage, readStoredChannelIds } from './reads';
import { refreshPage } from './refresh';
import type { LoadOptions } from './requests';
import { raceAbort } from './requests';

/**
 * Channel pages: a channel's first page and the pages its `nextUrl`s lead to
 * (「+更多」), from memory, else IndexedDB (refreshed behind the reader's back
 * when stale), else fetched and stored.
 */

/** Which page of a channel: its index in the `nextUrl` chain and its URL. */
export interface PageRef {
  readonly pageIndex: number;
  readonly url: string;
}

/** Options of {@link loadPage}. */
export interface PageOptions extends LoadOptions {
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
    cachePage(usable.page);
    if (stale) refreshPageInBackground(db, channel.id, ref.pageIndex, ref.url);
    return usable.page;
  }
  let result: SyncResult | undefined;
  try {
    result = await raceAbort(
      refreshPage(db, channel.id, ref.pageIndex, ref.url, { cold: !stored }),
      opts.signal,
    );
  } catch (error) {
    opts.signal?.throwIfAborted();
    // Offline with an old copy (or one from before the feed re-paged): better than nothing.
    const fallback = usable ?? stored;
    if (fallback) {
      cachePage(fallback.page);
      return fallback.page;
    }
    throw missingOr(error, ref.pageIndex === 0 ? 'channel' : 'page');
  }
  // Read only if memory does not hold the copy the refresh stored (and into memory).
  const fresh = await pageAfterRefresh(channel.id, ref.pageIndex, result);
  if (!fresh)
    throw new Error(`Page ${ref.pageIndex} of ${channel.id} was synced but is not stored`);
  return fresh;
}

/**
 * Page `ref` of `channel`: from memory (unless `preferFresh`), else IndexedDB,
 * else fetched and stored; without IndexedDB, from the network into memory.
 */
export async function loadPage(
  channel: Channel,
  ref: PageRef,
  opts: PageOptions,
): Promise<ChannelPage> {
  const known = cachedPage(channel.id, ref.pageIndex);
  if (known && known.url === ref.url && !opts.preferFresh) return known;
  const db = await localDatabase();
  if (!db) {
    if (known && known.url === ref.url) return known;
    const page = await fetchPageNow(channel, ref.pageIndex, ref.url, opts.signal);
    cachePage(page);
    return page;
  }
  return loadStoredPage(db, channel, ref, opts);
}

/** Problems already logged, so a list re-rendering does not repeat them. */
const loggedProblems = new Set<string>();

/**
 * Where a walk down a channel's pages goes after `page` (read at `ref`), as
 * `trail` allows: the next page, or `undefined` at the end of the channel, also
 * when its `next_url` loops back or leaves the feed's origin (logged once for
 * developers; the reader sees the pages so far).
 */
export function followNextUrl(
  trail: PageTrail,
  ref: PageRef,
  page: ChannelPage,
): PageRef | undefined {
  trail.visit(ref.url, page.url);
  const next = trail.next(page.nextUrl);
  if (next.kind === 'refused' && !loggedProblems.has(next.problem)) {
    loggedProblems.add(next.problem);
    console.warn(`Channel ${page.channelId}, page ${ref.pageIndex}: ${next.problem}`);
  }
  return next.kind === 'follow' ? { pageIndex: ref.pageIndex + 1, url: next.url } : undefined;
}

/**
 * The page 「+更多」 opens after `pages` (a chain from the first page of
 * `channel`, as {@link peekChannelPages} gives it), if there is one to open.
 */
export function nextPageOf(channel: Channel, pages: readonly ChannelPage[]): PageRef | undefined {
  const trail = new PageTrail(channel.feedUrl);
  let next: PageRef | undefined;
  for (const page of pages) {
    next = followNextUrl(trail, { pageIndex: page.pageIndex, url: page.url }, page);
  }
  return next;
}

/** The first page of `channel`. */
export function firstPageOf(channel: Channel): PageRef {
  return { pageIndex: 0, url: channel.feedUrl };
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
  return loadPage(channel, at ?? firstPageOf(channel), opts);
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
  const db = await localDatabase();
  if (!db) return [];
  const ids = new Set(await readStoredChannelIds(db));
  return directory.channels.filter((channel) => ids.has(channel.id));
}
