import type { StoredArticle } from './records';
import type { SearchIndexer, SearchStores } from './search-index';
import type { BuiltSegment, SearchStateRecord } from './search-records';
import type { PendingWrites } from './transaction';

/**
 * Writing a new segment of the search index. src/shared/search builds the
 * segment (terms, postings); the writes are the store's. Lazily loaded code
 * only (the service worker and the search route's chunk): the first-load
 * write path reaches these through the SearchIndexer the connection was
 * opened with.
 */

/**
 * Builds `articles` as segment `id`, their documents numbered `firstDoc`,
 * `firstDoc + 1`, … (undefined for none). Synchronous: it runs inside a write
 * transaction, which would commit early across an await.
 */
export type SegmentBuilder = (
  articles: readonly StoredArticle[],
  id: number,
  firstDoc: number,
) => BuiltSegment | undefined;

/**
 * Issues (into `writes`) every write that adds `built` to the index as a new
 * segment numbered from `state`, and returns the state after them for the
 * caller to put; `state` itself when there is nothing to add.
 */
export function putSegment(
  stores: SearchStores,
  state: SearchStateRecord,
  built: BuiltSegment | undefined,
  writes: PendingWrites,
): SearchStateRecord {
  if (!built) return state;
  const { segment, postings } = built;
  writes.add(stores.segments.put(segment));
  for (const [key, record] of postings) writes.add(stores.postings.put(record, key));
  segment.docs.forEach((doc, local) => {
    writes.add(stores.docs.put({ doc, articleId: segment.articleIds[local] ?? '' }));
  });
  return {
    ...state,
    generation: state.generation + 1,
    nextDoc: state.nextDoc + segment.docs.length,
    nextSegment: state.nextSegment + 1,
  };
}

/**
 * The indexer to open the store with (OpenStoreOptions.indexer): new and
 * changed articles become one segment, built by `build` for an index of
 * `version`, written in the same transaction as the articles.
 */
export function segmentIndexer(version: number, build: SegmentBuilder): SearchIndexer {
  return {
    version,
    add: (stores, state, articles, writes) =>
      putSegment(stores, state, build(articles, state.nextSegment, state.nextDoc), writes),
  };
}
