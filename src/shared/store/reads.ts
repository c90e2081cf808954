/**
 * The store's entry for the page's first screen: opening the database and the
 * reads a list or an article renders from. The page's first-load chunk holds
 * every module its start-up imports (tools/first-load-chunk.ts), and every
 * export of those that lazily loaded code uses; so the first load imports the
 * store through this entry, which names no module that writes feed pages,
 * the reader's data, eviction or downloads (the one write is the database's
 * generation, which the launch check after the first paint makes once: not
 * worth a chunk of the writes for). Everything here is also exported by
 * ./index.ts, the entry for everyone else, and so are the record types
 * (a type import loads nothing).
 */
export { STORE_VERSION } from './schema';
export type { UnavailableReason } from './errors';
export { StoreError, StoreQuotaError, StoreUnavailableError, isQuotaError } from './errors';
export type { OpenStoreOptions } from './open';
export { DEFAULT_OPEN_TIMEOUT_MS, openStore } from './open';
export type { StoreConnection, StoreConnectionOptions } from './connection';
export { storeConnection } from './connection';
export { getDirectoryRecord, getFeedMeta } from './feed-reads';
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
export { countRead, getUserArticle, getUserArticles, listSavedIds } from './user-reads';
export type { GenerationRecord } from './generation';
export { ensureGeneration } from './generation';
