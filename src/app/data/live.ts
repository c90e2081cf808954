import type { WorkerNews } from '../../shared/messages';
import type { StoreDb } from '../../shared/store/index';
import { isStale } from '../lib/freshness';
import { createObservable } from '../lib/observable';
import { DIRECTORY_URL } from './api';
import type { ChannelPage } from './cache';
import { cacheDirectory, cachePage, cachedChain, cachedDirectory, cachedPage } from './cache';
import { noteSyncFailure, noteSyncSuccess, onReconnect } from './connectivity';
import { localDatabase } from './database';
import { onNews } from './news';
import { readDirectory, readPage } from './reads';
import { refreshDirectory, refreshPage } from './refresh';

/**
 * Keeping what is on screen current. Routes "watch" the channels they show;
 * whenever the stored copy of something the page has read changes (news from
 * the worker or the in-page sync), it is re-read from IndexedDB into memory
 * and the watchers re-render from memory, in place. Stale data is refreshed
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

/** What makes two copies of a page look different to a reader (not its fetch time). */
function pageSignature(page: ChannelPage): string {
  return JSON.stringify([page.url, page.nextUrl, page.items]);
}

async function rereadPage(channelId: string, pageIndex: number, reported: number): Promise<void> {
  const before = cachedPage(channelId, pageIndex);
  if (!before) return; // Nothing on screen was built from it; it will be read when needed.
  const db = await localDatabase();
  if (!db) return;
  const stored = await readPage(db, channelId, pageIndex);
  if (!stored) return;
  const current = cachedPage(channelId, pageIndex);
  if (!current) return; // Forgotten meanwhile (cleared in settings).
  const changed = pageSignature(current) !== pageSignature(stored.page);
  if (!changed && current.fetchedAt === stored.page.fetchedAt) return;
  cachePage(stored.page);
  const change: ChannelChange = { channelId, pageIndex, count: changed ? reported : 0 };
  for (const listener of [...channelListeners]) listener(change);
}

/**
 * Re-reads every page of `channelId` held in memory (after a download wrote
 * many pages at once without page-by-page news); changes re-render quietly.
 */
export async function rereadChannel(channelId: string): Promise<void> {
  const pages = cachedChain(channelId);
  await Promise.all(pages.map((page) => rereadPage(channelId, page.pageIndex, 0)));
}

async function rereadDirectory(): Promise<void> {
  const before = cachedDirectory();
  if (!before) return;
  const db = await localDatabase();
  if (!db) return;
  const stored = await readDirectory(db);
  if (!stored) return;
  const changed = JSON.stringify(stored.directory) !== JSON.stringify(before.directory);
  if (!changed && stored.fetchedAt === before.fetchedAt) return;
  cacheDirectory(stored);
  directoryVersion.set(directoryVersion.get() + 1);
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
      void rereadDirectory();
      return;
    case 'channel-updated':
      noteSyncSuccess();
      if (news.pageIndex === 0) setRefreshError(news.channelId, undefined);
      void rereadPage(news.channelId, news.pageIndex, news.outcome.added + news.outcome.changed);
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
  // The worker says nothing after a 304; re-reading moves the in-memory fetch time anyway.
  quietly(refreshDirectory(db, DIRECTORY_URL).then(rereadDirectory));
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
  if (first && isStale(first.fetchedAt, now)) {
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
