/**
 * The IndexedDB store: the one place that knows object stores exist. The page
 * and the service worker call these domain functions with the handle from
 * openStore; nothing else touches raw stores (eslint.config.js forbids naming
 * one, or importing idb, outside src/shared/store).
 *
 * This module imports no feed-parsing code (types only), so the page can load
 * it without the HTML parser. The page's first load imports it and every
 * module it names, so what only lazily loaded code needs has its own entry:
 * `search.ts` (the search index, for src/shared/search) and
 * `article-document.ts` (an article read from its own document, for
 * src/shared/sync). Nothing outside src/shared/store imports any other module
 * of it (eslint.config.js), tests aside.
 */
export type {
  ChannelPageRecord,
  DirectoryRecord,
  FeedMetaRecord,
  StoredArticle,
  UserArticleRecord,
} from './records';
export type { QiluSchema, StoreDb } from './schema';
export { STORE_VERSION } from './schema';
export type { UnavailableReason } from './errors';
export { StoreError, StoreQuotaError, StoreUnavailableError, isQuotaError } from './errors';
export type { OpenStoreOptions } from './open';
export { DEFAULT_OPEN_TIMEOUT_MS, openStore } from './open';
export type { StoreConnection, StoreConnectionOptions } from './connection';
export { storeConnection } from './connection';
export type { DocumentMeta } from './feeds';
export {
  getDirectoryRecord,
  getFeedMeta,
  markFetched,
  putDirectory,
  putFeedPage,
  recordFeedError,
} from './feeds';
export type { ChannelSlice } from './articles';
export {
  getArticleRecord,
  getArticleRecords,
  getChannelArticles,
  getChannelPageRecord,
  getChannelPages,
  storedChannelIds,
  visitArticles,
} from './articles';
export type { SavedChange, UserArticleEntry } from './user';
export {
  clearHistory,
  getUserArticle,
  getUserArticles,
  listHistory,
  listSaved,
  listSavedIds,
  markRead,
  saveArticle,
  setPosition,
  setSaved,
  setSavedMany,
} from './user';
export type { ChannelUsage, ClearAllOptions, StoredTotals } from './usage';
export { clearAll, clearChannel, storedTotals, usageByChannel } from './usage';
export { evict } from './eviction';
export type { DownloadPageDone, DownloadRecord } from './downloads';
export {
  deleteDownload,
  getDownload,
  getDownloads,
  putDownload,
  recordDownloadPage,
} from './downloads';
export type { GenerationRecord } from './generation';
export { ensureGeneration } from './generation';
