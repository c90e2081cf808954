/**
 * Offline full-text search over the stored articles (docs/search.md): a
 * Lucene-style index of immutable segments in IndexedDB, kept in step with
 * the articles by the store's write path, and a query engine over it.
 *
 * Only lazily loaded code imports this module (the search route's chunk and
 * the service worker): the tokenizer and the folding tables never weigh on a
 * page's first load. It reaches IndexedDB only through src/shared/store/search.ts;
 * the store's first-load half, which keeps the index in step with article
 * writes, is src/shared/store/search-index.ts.
 */
export type { SearchHit, SearchRequest, SearchResponse } from './protocol';
export { RESULTS_PER_PAGE } from './protocol';
export type { TextPart } from './snippet';
export type { IndexStatus, MaintenanceOptions, MaintenanceReport } from './maintain';
export {
  ensureIndexVersion,
  indexPending,
  maintainSearchIndex,
  mergeOnce,
  pendingCount,
  reconcile,
} from './maintain';
export { SearchEngine } from './engine';
export { searchIndexer } from './indexer';
export { INDEX_VERSION } from './version';
export type { ParsedQuery, QueryPhrase } from './terms';
export { parseQuery } from './terms';
export { foldString } from './normalize';
export { excerpt, highlight } from './snippet';
