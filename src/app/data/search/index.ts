/**
 * Search's public entry in the data layer (see ../index.ts): loaded with the
 * search route, never with the first paint. The offline index's code itself
 * (src/shared/search) arrives later still, on first need.
 */
export type { IndexRevision } from './index-revision';
export { FIRST_INDEX_REVISION, followSearchIndex } from './index-revision';
export type { PageSearch } from './run-search';
export { runSearch } from './run-search';
export { loadSearch } from './search-module';
