import type { BuiltSegment, SearchIndexer } from '../store/search';
import { segmentIndexer } from '../store/search';
import type { AnalyzedDoc } from './segment';
import { analyzeArticle, buildSegment } from './segment';
import { INDEX_VERSION } from './version';

/**
 * Analysed articles as one new segment `id`, their documents numbered
 * `firstDoc`, `firstDoc + 1`, …; undefined when there are none (the store
 * then writes no segment).
 */
export function segmentOf(
  docs: readonly AnalyzedDoc[],
  id: number,
  firstDoc: number,
): BuiltSegment | undefined {
  return docs.length === 0 ? undefined : buildSegment(id, firstDoc, docs);
}

/**
 * The indexer the service worker (and tests, and the benchmark) pass to
 * openStore: every feed page's new and changed articles become one segment,
 * written in the same transaction as the articles.
 */
export const searchIndexer: SearchIndexer = segmentIndexer(
  INDEX_VERSION,
  (articles, id, firstDoc) =>
    segmentOf(
      articles.map((stored) => analyzeArticle(stored.article)),
      id,
      firstDoc,
    ),
);
