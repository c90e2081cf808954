/**
 * The page's data layer: the only code in src/app that reads feeds or
 * IndexedDB. Components ask domain questions ("the directory", "page 2 of
 * 济南", "article X") and get validated data back.
 *
 * Every answer comes from IndexedDB first, so a route renders at once, online
 * or not; when the stored copy is missing it is fetched and then read (an
 * article from its own document, else by reading the channels), and when it
 * is older than a few minutes it is refreshed behind the reader's back
 * (live.ts re-renders what changed). Without IndexedDB everything is read from
 * the network and held in memory for the visit.
 *
 * Public entries, and nothing else, may be imported from outside this folder
 * (eslint.config.js enforces it):
 * - this module, for everything the first load needs;
 * - the features loaded only with the routes that use them, each its own
 *   entry so that it stays out of the first-load chunk (every module this one
 *   imports lands there, tools/first-load-chunk.ts): `saved.ts` (收藏, 最近阅读,
 *   reading position), `download.ts` (下载离线), `storage.ts` (设置 → 离线与存储),
 *   `read-count.ts` (how many articles were read, for the install offer)
 *   and `search/` (the search page's index, upkeep and fallback).
 *
 * Inside, one module per part: `directory.ts`, `channel-pages.ts`,
 * `article-lookup.ts` (own document first, channel scan as fallback),
 * `related.ts`; `cache.ts` (memory), `reads.ts` (IndexedDB's feed data),
 * `database.ts` (the handle), `refresh.ts` (asking for fresh data),
 * `writer.ts` (who writes it: the worker, or the page before one controls it),
 * `network.ts` (no IndexedDB), `live.ts` and `live-hooks.ts` (keeping the
 * screen current), `copies.ts` (is memory's copy the stored one), `news.ts`,
 * `connectivity.ts`, `marks.ts`; `evicted.ts` (what the header says when
 * the browser cleared the site's storage), `launch-check.ts` (noticing it at
 * launch, loaded after the first paint) and `restore.ts` (downloading the
 * reader's choices again then, loaded only in that case).
 */

export type { FoundArticle } from './article-lookup';
export { getArticle, peekArticle } from './article-lookup';
export type { ChannelPage } from './cache';
export type { PageRef } from './channel-pages';
export { getChannelPage, nextPageOf, peekChannelPages, storedChannels } from './channel-pages';
export { offline } from './connectivity';
export type { EvictionNotice } from './evicted';
export { checkStorageAtLaunch, evictionMessage, evictionNotice } from './evicted';
export { STORAGE_BLOCKED_MESSAGE, STORAGE_UNAVAILABLE_MESSAGE, storageStatus } from './database';
export { findChannel, getDirectory, peekDirectory } from './directory';
export { NotDownloadedError, UnknownChannelError, isNetworkFailure } from './errors';
export type { ChannelChange } from './live';
export {
  directoryVersion,
  onChannelChange,
  refreshErrors,
  retryRefresh,
  watchChannel,
  watchDirectory,
} from './live';
export { useChannelVersion, useDirectoryVersion } from './live-hooks';
export type { ArticleMark } from './marks';
export { markArticleRead, markOf, marksVersion } from './marks';
export type { PrerenderedData } from './prerendered';
export {
  catchUpPrerendered,
  forgetPrerendered,
  readPrerendered,
  seedPrerendered,
} from './prerendered';
export { getRelated, peekRelated } from './related';
export type { LoadOptions } from './requests';
