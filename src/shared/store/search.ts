/**
 * The search index's storage, for src/shared/search: the records it computes
 * and reads, the writes of a new segment (search-segments.ts), the upkeep's
 * reads and writes (search-maintenance.ts) and a query's read transaction
 * (search-query.ts). src/shared/search computes (terms, postings, ranking,
 * merges) and reaches IndexedDB only through these.
 *
 * Kept apart from store/index.ts on purpose: the page's first load imports
 * that module and every module it names, and only lazily loaded code (the
 * search route's chunk and the service worker) needs these. Only
 * src/shared/search may import this module (eslint.config.js).
 */
export type {
  BuiltSegment,
  PostingsKey,
  PostingsRecord,
  SearchDocRecord,
  SearchStateRecord,
  SegmentPostings,
  SegmentRecord,
} from './search-records';
export type { SearchIndexer } from './search-index';
export type { SegmentBuilder } from './search-segments';
export { segmentIndexer } from './search-segments';
export type { IndexCoverage, IndexSegments, IndexStatus, QueuedBatch } from './search-maintenance';
export {
  countQueuedArticles,
  getSearchState,
  indexQueuedBatch,
  indexStatus,
  readIndexCoverage,
  readQueuedBatch,
  readSegmentPostings,
  readSegments,
  rebuildSearchIndex,
  repairSearchIndex,
  replaceSegments,
} from './search-maintenance';
export type { QuerySegments, SearchSnapshot } from './search-query';
export { openSearchSnapshot } from './search-query';
