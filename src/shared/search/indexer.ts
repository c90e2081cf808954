import type { StoredArticle } from '../store/records';
import type { SearchIndexer, SearchStores } from '../store/search-index';
import type { SearchStateRecord } from '../store/search-records';
import type { PendingWrites } from '../store/transaction';
import type { AnalyzedDoc } from './segment';
import { analyzeArticle, buildSegment } from './segment';
import { INDEX_VERSION } from './version';

/**
 * Adds analysed articles to the index as one new segment: issues the writes
 * into the caller's transaction and returns the state to put after them. The
 * caller has already deleted the articles' older documents and queue entries.
 */
export function addSegment(
  stores: SearchStores,
  state: SearchStateRecord,
  docs: readonly AnalyzedDoc[],
  writes: PendingWrites,
): SearchStateRecord {
  if (docs.length === 0) return state;
  const { segment, postings } = buildSegment(state.nextSegment, state.nextDoc, docs);
  writes.add(stores.segments.put(segment));
  for (const [key, record] of postings) writes.add(stores.postings.put(record, key));
  segment.docs.forEach((doc, local) => {
    writes.add(stores.docs.put({ doc, articleId: segment.articleIds[local] ?? '' }));
  });
  return {
    ...state,
    generation: state.generation + 1,
    nextDoc: state.nextDoc + docs.length,
    nextSegment: state.nextSegment + 1,
  };
}

/**
 * The indexer the service worker (and tests, and the benchmark) pass to
 * openStore: every feed page's new and changed articles become one segment,
 * written in the same transaction as the articles.
 */
export const searchIndexer: SearchIndexer = {
  version: INDEX_VERSION,
  add(stores, state, articles: readonly StoredArticle[], writes) {
    return addSegment(
      stores,
      state,
      articles.map((stored) => analyzeArticle(stored.article)),
      writes,
    );
  },
};
