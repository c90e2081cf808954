import type { StoreDb } from '../store/index';
import type { IndexStatus } from '../store/search';
import {
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
} from '../store/search';
import { segmentOf } from './indexer';
import { mergeSegments, planMerge } from './merge';
import type { AnalyzedDoc } from './segment';
import { analyzeArticle } from './segment';
import { INDEX_VERSION } from './version';

/**
 * Background upkeep of the search index, safe to run from the service worker
 * and a page at once: every step reads, computes outside any transaction,
 * then writes in one transaction that first checks nothing it read has
 * changed (else it skips, and the next run picks the work up). The reads and
 * writes are the store's (src/shared/store/search-maintenance.ts); this module
 * decides and computes.
 *
 * - a missing or older index (the v3 upgrade, a new tokenizer) is emptied and
 *   every stored article queued, once;
 * - queued articles (written by code without the indexer) are indexed in
 *   small batches;
 * - small segments are merged and deleted documents purged;
 * - reconcile() repairs what other code paths may leave: documents of
 *   articles deleted without the index knowing, articles never queued.
 */

/** What {@link ensureIndexVersion} found. */
export type { IndexStatus };

/**
 * Makes sure the index is of this code's version. A missing index (first run
 * after the v3 upgrade) or an older one is emptied and every stored article
 * queued for indexing; a newer one (written by a newer version of the app,
 * still open in another tab) is left alone.
 */
export async function ensureIndexVersion(db: StoreDb): Promise<IndexStatus> {
  const status = indexStatus(await getSearchState(db), INDEX_VERSION);
  if (status !== 'rebuilding') return status;
  return rebuildSearchIndex(db, INDEX_VERSION);
}

/** How many articles wait to be indexed. */
export function pendingCount(db: StoreDb): Promise<number> {
  return countQueuedArticles(db);
}

/**
 * Indexes up to `limit` queued articles as one segment. `pause` runs between
 * articles (a page passes a yield to the event loop so typing stays smooth).
 * @returns how many queue entries were taken (0 when the queue is empty or
 *   the index is not of this version).
 */
export async function indexPending(
  db: StoreDb,
  limit = 50,
  pause?: () => Promise<void>,
): Promise<number> {
  const batch = await readQueuedBatch(db, limit);
  const { state, ids } = batch;
  if (indexStatus(state, INDEX_VERSION) !== 'current' || ids.length === 0) return 0;

  const analyzed = new Map<string, AnalyzedDoc>();
  for (const record of batch.articles) {
    if (!record) continue;
    analyzed.set(record.article.id, analyzeArticle(record.article));
    await pause?.();
  }

  // Analysed outside the write; the store builds from those still queued as they were.
  await indexQueuedBatch(db, INDEX_VERSION, batch, (taken, id, firstDoc) =>
    segmentOf(
      taken.flatMap((articleId) => analyzed.get(articleId) ?? []),
      id,
      firstDoc,
    ),
  );
  return ids.length;
}

/**
 * Merges segments once if the merge policy asks for it (merge.ts).
 * @returns whether anything was merged or dropped.
 */
export async function mergeOnce(db: StoreDb): Promise<boolean> {
  const { state, segments, liveDocs } = await readSegments(db);
  if (indexStatus(state, INDEX_VERSION) !== 'current') return false;
  const live = new Set(liveDocs);
  const chosen = planMerge(segments, live);
  if (!chosen) return false;

  const inputs = await readSegmentPostings(db, chosen);
  // Numbered for now; the write renumbers it if another segment took the id meanwhile.
  const merged = mergeSegments(inputs, live, state?.nextSegment ?? 0);
  return replaceSegments(db, INDEX_VERSION, inputs, merged);
}

/**
 * Repairs the index against the articles: deletes documents whose article is
 * gone (deleted by code that does not know the index) and duplicates (keeps
 * the newest), and queues stored articles that have neither a document nor a
 * queue entry.
 * @returns how many records it changed.
 */
export async function reconcile(db: StoreDb): Promise<number> {
  const { state, articleIds: ids, docs, queued } = await readIndexCoverage(db);
  if (indexStatus(state, INDEX_VERSION) !== 'current') return 0;
  const stored = new Set(ids);
  const newest = new Map<string, number>();
  for (const { doc, articleId } of docs) {
    newest.set(articleId, Math.max(doc, newest.get(articleId) ?? -1));
  }
  const stale = docs.filter(
    ({ doc, articleId }) => !stored.has(articleId) || newest.get(articleId) !== doc,
  );
  const waiting = new Set(queued);
  const missing = ids.filter((id) => !newest.has(id) && !waiting.has(id));
  if (stale.length === 0 && missing.length === 0) return 0;
  await repairSearchIndex(
    db,
    stale.map(({ doc }) => doc),
    missing,
  );
  return stale.length + missing.length;
}

/** Options of {@link maintainSearchIndex}. */
export interface MaintenanceOptions {
  /** Articles per indexing batch (default 50). */
  readonly batch?: number;
  /** Runs between articles and between steps (a page yields to the event loop here). */
  readonly pause?: () => Promise<void>;
  /** Also merge segments (default true; a page without a service worker may leave it to later). */
  readonly merge?: boolean;
  /** Also reconcile the index with the articles first (default false: it reads every key). */
  readonly reconcile?: boolean;
  /** Stops between steps when aborted. */
  readonly signal?: AbortSignal;
}

/** What a maintenance run did. */
export interface MaintenanceReport {
  readonly status: IndexStatus;
  readonly indexed: number;
  readonly merges: number;
}

/** Brings the index up to date: version, (reconcile,) queued articles, merges. */
export async function maintainSearchIndex(
  db: StoreDb,
  options: MaintenanceOptions = {},
): Promise<MaintenanceReport> {
  const { signal, pause } = options;
  const status = await ensureIndexVersion(db);
  if (status === 'newer') return { status, indexed: 0, merges: 0 };
  if (options.reconcile) await reconcile(db);
  let indexed = 0;
  for (;;) {
    signal?.throwIfAborted();
    const taken = await indexPending(db, options.batch ?? 50, pause);
    if (taken === 0) break;
    indexed += taken;
    await pause?.();
  }
  let merges = 0;
  while (options.merge !== false) {
    signal?.throwIfAborted();
    if (!(await mergeOnce(db))) break;
    merges++;
    await pause?.();
  }
  return { status, indexed, merges };
}
