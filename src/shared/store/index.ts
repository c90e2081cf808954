/**
 * The IndexedDB store: the one place that knows object stores exist. The page
 * and the service worker call these domain functions with the handle from
 * openStore; nothing else touches raw stores (eslint.config.js forbids naming
 * one, or importing idb, outside src/shared/store).
 *
 * This module imports no feed-parsing code (types only), so the page can load
 * it without the HTML parser. The page's first load imports the store
 * through `reads.ts` (opening the database and the reads the first screen
 * renders from, all re-exported here), so this module's writes stay in lazy
 * chunks; what only lazily loaded code needs has its own entry too:
 * `search.ts` (the search index, for src/shared/search) and
 * `article-document.ts` (an article read from its own document, for
 * src/shared/sync). Nothing outside src/shared/store imports any other module
 * of it (eslint.config.js), tests aside.
 */
// What the page's first screen reads (and opening the database): see ./reads.ts.
export * from './reads';
export type {
  ChannelPageRecord,
  DirectoryRecord,
  FeedMetaRecord,
  StoredArticle,
  UserArticleRecord,
} from './records';
export type { QiluSchema, StoreDb } from './schema';
export type { DocumentMeta } from './feeds';
export { markFetched, putDirectory, putFeedPage, recordFeedError } from './feeds';
export type { SavedChange, UserArticleEntry } from './user';
export {
  clearHistory,
  listHistory,
  listSaved,
  markRead,
  markReadKeeping,
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
