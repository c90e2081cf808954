import type { StoredVersion, SyncResult, WorkerNews } from '../../shared/messages';
import { KeyedQueue } from '../../shared/single-flight';
import type { StoreDb } from '../../shared/store/index';
import { isStale } from '../lib/freshness';
import { createObservable } from '../lib/observable';
import { DIRECTORY_URL } from './api';
import type { ChannelPage } from './cache';
import {
  cacheDirectory,
  cachePage,
  cachedChain,
  cachedDirectory,
  cachedPage,
  isOutlinePage,
} from './cache';
import { holdsVersion, sameDirectory, samePage, withFetchTime } from './copies';
import { noteSyncFailure, noteSyncSuccess, onReconnect } from './connectivity';
import { localDatabase } from './database';
import { onNews } from './news';
import { readDirectory, readPage } from './reads';
import { refreshDirectory, refreshPage } from './refresh';

/**
 * Keeping what is on screen current. Routes "watch" the channels they show;
 * whenever the stored copy of something the page has read changes (news from
 * the worker or the in-page sync), it is re-read from IndexedDB into memory,
 * unless the news names the copy memory holds already (its revision), and the
 * watchers re-render from memory, in place. Stale data is refreshed
 * when a route opens, when the tab becomes visible again and when the browser
 * reconnects.
 */

/** A stored channel page changed and memory now holds the new copy. */
export interface ChannelChange {
  readonly channelId: string;
  readonly pageIndex: number;
  /** Articles added or changed (0 when only the fetch time moved). */
  readonly count: number;
}

/** Bumped whenever the in-memory directory is replaced by a changed stored copy. */
export const directoryVersion = createObservable(0);

const channelListeners = new Set<(change: ChannelChange) => void>();

/** Calls `listener` after each change of a channel page held in memory. */
export function onChannelChange(listener: (change: ChannelChange) => void): () => void {
  startListening();
  channelListeners.add(listener);
  return () => channelListeners.delete(listener);
}

/**
 * Re-reads run one at a time per page (and for the directory), so that the
 * reply to a refresh and the news of the same write, whichever comes first,
 * cost one read: the second finds memory holding the copy it names.
 */
const rereads = new KeyedQueue();

function notifyChannel(change: ChannelChange): void {
  for (const listener of [...channelListeners]) listener(change);
}

/** How a page is to be brought up to date with what is stored. */
interface PageSettle {
  /** Articles the write added or changed, for the listeners' count. */
  readonly reported: number;
  /** The copy the news or reply says is stored now, if it has a revision. */
  readonly stored?: StoredVersion;
  /** Read the page even when memory does not hold it (the caller wants it). */
  readonly load?: boolean;
}

/**
 * Brings page `pageIndex` of `channelId` in memory up to the stored copy:
 * nothing is read when memory holds the copy `stored` names (only a later
 * fetch time is taken over); otherwise the page is read, and listeners are
 * told when it differs. Resolves the page in memory afterwards.
 */
function settlePage(
  channelId: string,
  pageIndex: number,
  { reported, stored, load = false }: PageSettle,
): Promise<ChannelPage | undefined> {
  return rereads.run(`page:${channelId}:${pageIndex}`, async () => {
    const before = cachedPage(channelId, pageIndex);
    // Nothing on screen was built from it; it will be read when needed.
    if (!before && !load) return undefined;
    if (before && stored && holdsVersion(before, stored)) {
      const moved = withFetchTime(before, stored);
      if (moved === before) return before;
      cachePage(moved);
      notifyChannel({ channelId, pageIndex, count: 0 });
      return moved;
    }
    const db = await localDatabase();
    if (!db) return before;
    const read = await readPage(db, channelId, pageIndex);
    if (!read) return undefined;
    const current = cachedPage(channelId, pageIndex);
    // Forgotten meanwhile (cleared in settings): only a caller that asked keeps it.
    if (!current && !load) return undefined;
    cachePage(read.page);
    if (!current) return read.page;
    const changed = !samePage(current, read.page);
    if (changed || current.fetchedAt !== read.page.fetchedAt) {
      notifyChannel({ channelId, pageIndex, count: changed ? reported : 0 });
    }
    return read.page;
  });
}

/**
 * Page `pageIndex` of `channelId` after a refresh that returned `result`,
 * read from IndexedDB only when memory does not hold that copy already.
 */
export function pageAfterRefresh(
  channelId: string,
  pageIndex: number,
  result: SyncResult | undefined,
): Promise<ChannelPage | undefined> {
  const reported = result ? result.outcome.added + result.outcome.changed : 0;
  return settlePage(channelId, pageIndex, { reported, stored: result?.stored, load: true });
}

/**
 * Re-reads every page of `channelId` held in memory (after a download wrote
 * many pages at once without page-by-page news); changes re-render quietly.
 */
export async function rereadChannel(channelId: string): Promise<void> {
  const pages = cachedChain(channelId);
  await Promise.all(pages.map((page) => settlePage(channelId, page.pageIndex, { reported: 0 })));
}

/** Like {@link settlePage}, for the directory in memory (never read here when there is none). */
function settleDirectory(stored: StoredVersion | undefined): Promise<void> {
  return rereads.run('directory', async () => {
    const before = cachedDirectory();
    if (!before) return;
    if (stored && holdsVersion(before, stored)) {
      const moved = withFetchTime(before, stored);
      if (moved === before) return;
      cacheDirectory(moved);
      directoryVersion.set(directoryVersion.get() + 1);
      return;
    }
    const db = await localDatabase();
    if (!db) return;
    const read = await readDirectory(db);
    if (!read) return;
    const current = cachedDirectory() ?? before;
    cacheDirectory(read);
    if (sameDirectory(current, read) && read.fetchedAt === current.fetchedAt) return;
    directoryVersion.set(directoryVersion.get() + 1);
  });
}

/**
 * The last failed background refresh of each channel's first page, while the
 * stored copy stays on screen: a broken feed (500, timeout, bad JSON) must be
 * said, not hidden behind old news. Cleared by the next success.
 */
export const refreshErrors = createObservable<ReadonlyMap<string, unknown>>(new Map());

function setRefreshError(channelId: string, error: unknown): void {
  const current = refreshErrors.get();
  if (error === undefined && !current.has(channelId)) return;
  const next = new Map(current);
  if (error === undefined) next.delete(channelId);
  else next.set(channelId, error);
  refreshErrors.set(next);
}

function handleNews(news: WorkerNews): void {
  switch (news.type) {
    case 'directory-updated':
      noteSyncSuccess();
      void settleDirectory(news.stored);
      return;
    case 'channel-updated':
      noteSyncSuccess();
      if (news.pageIndex === 0) setRefreshError(news.channelId, undefined);
      void settlePage(news.channelId, news.pageIndex, {
        reported: news.outcome.added + news.outcome.changed,
        stored: news.stored,
      });
      return;
    case 'sync-failed':
      noteSyncFailure(news.failure);
      return;
    default:
      // Downloads and eviction have their own listeners (download.ts, settings).
      return;
  }
}

let listening = false;

function startListening(): void {
  if (listening) return;
  listening = true;
  onNews(handleNews);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refreshWatched();
  });
  onReconnect(refreshWatched);
}

/** Background refreshes are not retried sooner than this after an attempt (offline tabs stay quiet). */
const RETRY_AFTER_MS = 30 * 1000;
const lastAttempt = new Map<string, number>();

function mayTry(key: string, now: number): boolean {
  // Known offline: the reconnect listener refreshes once there is a network again.
  if (navigator.onLine === false) return false;
  const last = lastAttempt.get(key);
  if (last !== undefined && now - last < RETRY_AFTER_MS) return false;
  lastAttempt.set(key, now);
  return true;
}

function quietly(promise: Promise<unknown>): void {
  // Failures are already news (the offline indicator); the stored copy stays on screen.
  promise.catch((error: unknown) => console.warn('Background refresh failed', error));
}

/** Refreshes the stored directory behind the one on screen, unless tried very recently. */
export function refreshDirectoryInBackground(db: StoreDb): void {
  if (!mayTry('directory', Date.now())) return;
  startListening();
  // The worker says nothing after a 304, so the reply moves the in-memory fetch time; after
  // a change the news and the reply name the same copy, which is read once.
  quietly(refreshDirectory(db, DIRECTORY_URL).then((result) => settleDirectory(result?.stored)));
}

/** Refreshes a stored page behind the one on screen, unless tried very recently. */
export function refreshPageInBackground(
  db: StoreDb,
  channelId: string,
  pageIndex: number,
  url: string,
): void {
  if (!mayTry(`page:${channelId}:${pageIndex}`, Date.now())) return;
  startListening();
  const refresh = refreshPage(db, channelId, pageIndex, url);
  if (pageIndex === 0) {
    refresh.then(
      () => setRefreshError(channelId, undefined),
      (error: unknown) => setRefreshError(channelId, error),
    );
  }
  quietly(refresh);
}

/** 「重试」 after a failed refresh of `channelId`: asks again at once, whatever the throttle says. */
export async function retryRefresh(channelId: string): Promise<void> {
  const db = await localDatabase();
  const first = cachedPage(channelId, 0);
  if (!db || !first) return;
  try {
    await refreshPage(db, channelId, 0, first.url);
    setRefreshError(channelId, undefined);
  } catch (error) {
    setRefreshError(channelId, error);
  }
}

const watched = new Map<string, number>();
let directoryWatchers = 0;

async function refreshIfStale(channelId: string | undefined): Promise<void> {
  const db = await localDatabase();
  if (!db) return;
  const now = Date.now();
  if (channelId === undefined) {
    const directory = cachedDirectory();
    if (directory && isStale(directory.fetchedAt, now)) refreshDirectoryInBackground(db);
    return;
  }
  const first = cachedPage(channelId, 0);
  // A prerendered outline is refreshed by the worker (prerendered.ts), not by the page.
  if (first && isStale(first.fetchedAt, now) && !isOutlinePage(first)) {
    refreshPageInBackground(db, channelId, 0, first.url);
  }
}

function refreshWatched(): void {
  if (directoryWatchers > 0) void refreshIfStale(undefined);
  for (const channelId of watched.keys()) void refreshIfStale(channelId);
}

/**
 * A route shows `channelId`: keep it fresh while it is on screen (refreshed now
 * if stale, and again on visibility or reconnection). Returns the unwatch function.
 */
export function watchChannel(channelId: string): () => void {
  startListening();
  watched.set(channelId, (watched.get(channelId) ?? 0) + 1);
  void refreshIfStale(channelId);
  return () => {
    const count = (watched.get(channelId) ?? 1) - 1;
    if (count > 0) watched.set(channelId, count);
    else watched.delete(channelId);
  };
}

/** Like {@link watchChannel}, for the channel directory (header and home). */
export function watchDirectory(): () => void {
  startListening();
  directoryWatchers += 1;
  void refreshIfStale(undefined);
  return () => {
    directoryWatchers -= 1;
  };
}
