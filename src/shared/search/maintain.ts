import type { StoreDb } from '../store/schema';
import type { SearchStateRecord } from '../store/search-records';
import { SEARCH_STATE_KEY } from '../store/search-records';
import { SEARCH_STORES, searchStores } from '../store/search-index';
import { PendingWrites, inTransaction } from '../store/transaction';
import { addSegment } from './indexer';
import type { MergeInput } from './merge';
import { mergeSegments, planMerge } from './merge';
import type { AnalyzedDoc } from './segment';
import { analyzeArticle } from './segment';
import { INDEX_VERSION } from './version';

/**
 * Background upkeep of the search index, safe to run from the service worker
 * and a page at once: every step reads, computes outside any transaction,
 * then writes in one transaction that first checks nothing it read has
 * changed (else it skips, and the next run picks the work up).
 *
 * - a missing or older index (the v3 upgrade, a new tokenizer) is emptied and
 *   every stored article queued, once;
 * - queued articles (written by code without the indexer) are indexed in
 *   small batches;
 * - small segments are merged and deleted documents purged;
 * - reconcile() repairs what other code paths may leave: documents of
 *   articles deleted without the index knowing, articles never queued.
 */

/**
 * The index can always be rebuilt from the articles: its writes need not wait
 * for the disk to confirm them (as the store's feed writes do not).
 */
const RELAXED = 'relaxed';

/** What {@link ensureIndexVersion} found. */
export type IndexStatus = 'current' | 'rebuilding' | 'newer';

/** Version check of a state record: `current`, `newer` (leave it alone), or needs a rebuild. */
function statusOf(state: SearchStateRecord | undefined): IndexStatus {
  if (state?.version === INDEX_VERSION) return 'current';
  return state && state.version > INDEX_VERSION ? 'newer' : 'rebuilding';
}

/**
 * Makes sure the index is of this code's version. A missing index (first run
 * after the v3 upgrade) or an older one is emptied and every stored article
 * queued for indexing; a newer one (written by a newer version of the app,
 * still open in another tab) is left alone.
 */
export async function ensureIndexVersion(db: StoreDb): Promise<IndexStatus> {
  const status = statusOf(await db.get('searchMeta', SEARCH_STATE_KEY));
  if (status !== 'rebuilding') return status;
  return inTransaction(
    db,
    ['articles', ...SEARCH_STORES],
    async (tx) => {
      const stores = searchStores(tx);
      const [state, ids] = await Promise.all([
        stores.meta.get(SEARCH_STATE_KEY),
        tx.objectStore('articles').getAllKeys(),
      ]);
      const again = statusOf(state);
      if (again !== 'rebuilding') return again;
      const writes = new PendingWrites();
      for (const store of [stores.segments, stores.postings, stores.docs, stores.pending]) {
        writes.add(store.clear());
      }
      for (const id of ids) writes.add(stores.pending.put(0, id));
      const next: SearchStateRecord = {
        version: INDEX_VERSION,
        generation: (state?.generation ?? 0) + 1,
        // Numbers keep counting up across rebuilds: a reader's cache never confuses old and new.
        nextDoc: state?.nextDoc ?? 0,
        nextSegment: state?.nextSegment ?? 0,
      };
      writes.add(stores.meta.put(next, SEARCH_STATE_KEY));
      await writes.settle();
      return 'rebuilding';
    },
    RELAXED,
  );
}

/** How many articles wait to be indexed. */
export function pendingCount(db: StoreDb): Promise<number> {
  return db.count('searchPending');
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
  const tx = db.transaction(['searchMeta', 'searchPending', 'articles'], 'readonly');
  const queue = tx.objectStore('searchPending');
  const articles = tx.objectStore('articles');
  const [state, ids, queued] = await Promise.all([
    tx.objectStore('searchMeta').get(SEARCH_STATE_KEY),
    queue.getAllKeys(null, limit),
    queue.getAll(null, limit),
  ]);
  const stored = await Promise.all(ids.map((id) => articles.get(id)));
  await tx.done;
  if (statusOf(state) !== 'current' || ids.length === 0) return 0;

  const analyzed = new Map<string, AnalyzedDoc>();
  for (const record of stored) {
    if (!record) continue;
    analyzed.set(record.article.id, analyzeArticle(record.article));
    await pause?.();
  }

  // The batch is the first `limit` keys of the queue: one key range covers it.
  const first = ids[0] ?? '';
  const range = IDBKeyRange.bound(first, ids[ids.length - 1] ?? first);
  await inTransaction(
    db,
    [...SEARCH_STORES],
    async (write) => {
      const stores = searchStores(write);
      const [now, keysNow, valuesNow, docsInRange] = await Promise.all([
        stores.meta.get(SEARCH_STATE_KEY),
        stores.pending.getAllKeys(range),
        stores.pending.getAll(range),
        stores.docs.index('articleId').getAll(range),
      ]);
      if (!now || statusOf(now) !== 'current') return;
      const still = new Map(keysNow.map((id, i) => [id, valuesNow[i]]));
      // Re-queued meanwhile (the article changed again): leave it for the next batch.
      const unchanged = ids.filter((id, i) => still.has(id) && still.get(id) === queued[i]);
      const writes = new PendingWrites();
      const taken = new Set(unchanged);
      for (const { doc, articleId } of docsInRange) {
        if (taken.has(articleId)) writes.add(stores.docs.delete(doc));
      }
      if (unchanged.length === keysNow.length) writes.add(stores.pending.delete(range));
      else for (const id of unchanged) writes.add(stores.pending.delete(id));
      const docs = unchanged.flatMap((id) => analyzed.get(id) ?? []);
      const next = addSegment(stores, now, docs, writes);
      writes.add(stores.meta.put({ ...next, generation: now.generation + 1 }, SEARCH_STATE_KEY));
      await writes.settle();
    },
    RELAXED,
  );
  return ids.length;
}

/**
 * Merges segments once if the merge policy asks for it (merge.ts).
 * @returns whether anything was merged or dropped.
 */
export async function mergeOnce(db: StoreDb): Promise<boolean> {
  const tx = db.transaction(['searchMeta', 'searchSegments', 'searchDocs'], 'readonly');
  const [state, segments, liveDocs] = await Promise.all([
    tx.objectStore('searchMeta').get(SEARCH_STATE_KEY),
    tx.objectStore('searchSegments').getAll(),
    tx.objectStore('searchDocs').getAllKeys(),
    tx.done,
  ]);
  if (statusOf(state) !== 'current') return false;
  const live = new Set(liveDocs);
  const chosen = planMerge(segments, live);
  if (!chosen) return false;

  const read = db.transaction('searchPostings', 'readonly');
  const bySegment = read.store.index('segment');
  const inputs: MergeInput[] = await Promise.all(
    chosen.map(async (segment) => {
      const [keys, records] = await Promise.all([
        bySegment.getAllKeys(segment.id),
        bySegment.getAll(segment.id),
      ]);
      return { segment, keys, records };
    }),
  );
  await read.done;
  // Numbered for now; the write renumbers it if another segment took the id meanwhile.
  const merged = mergeSegments(inputs, live, state?.nextSegment ?? 0);

  return inTransaction(
    db,
    [...SEARCH_STORES],
    async (write) => {
      const stores = searchStores(write);
      const [now, present] = await Promise.all([
        stores.meta.get(SEARCH_STATE_KEY),
        Promise.all(chosen.map((segment) => stores.segments.getKey(segment.id))),
      ]);
      // Another context merged these already (or rebuilt the index): nothing to do.
      if (!now || statusOf(now) !== 'current' || present.some((key) => key === undefined)) {
        return false;
      }
      const writes = new PendingWrites();
      for (const { segment, keys } of inputs) {
        writes.add(stores.segments.delete(segment.id));
        for (const key of keys) writes.add(stores.postings.delete([...key]));
      }
      const id = now.nextSegment;
      if (merged) {
        writes.add(stores.segments.put({ ...merged.segment, id }));
        for (const [[buckets, bucket], record] of merged.postings) {
          writes.add(stores.postings.put({ ...record, segment: id }, [buckets, bucket, id]));
        }
      }
      const next = {
        ...now,
        generation: now.generation + 1,
        nextSegment: now.nextSegment + (merged ? 1 : 0),
      };
      writes.add(stores.meta.put(next, SEARCH_STATE_KEY));
      await writes.settle();
      return true;
    },
    RELAXED,
  );
}

/**
 * Repairs the index against the articles: deletes documents whose article is
 * gone (deleted by code that does not know the index) and duplicates (keeps
 * the newest), and queues stored articles that have neither a document nor a
 * queue entry.
 * @returns how many records it changed.
 */
export async function reconcile(db: StoreDb): Promise<number> {
  const tx = db.transaction(['articles', 'searchDocs', 'searchPending', 'searchMeta'], 'readonly');
  const [state, ids, docs, queued] = await Promise.all([
    tx.objectStore('searchMeta').get(SEARCH_STATE_KEY),
    tx.objectStore('articles').getAllKeys(),
    tx.objectStore('searchDocs').getAll(),
    tx.objectStore('searchPending').getAllKeys(),
    tx.done,
  ]);
  if (statusOf(state) !== 'current') return 0;
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
  await inTransaction(
    db,
    ['searchDocs', 'searchPending', 'searchMeta'],
    async (write) => {
      const writes = new PendingWrites();
      for (const { doc } of stale) writes.add(write.objectStore('searchDocs').delete(doc));
      for (const id of missing) writes.add(write.objectStore('searchPending').put(0, id));
      const meta = write.objectStore('searchMeta');
      const now = await meta.get(SEARCH_STATE_KEY);
      if (now) writes.add(meta.put({ ...now, generation: now.generation + 1 }, SEARCH_STATE_KEY));
      await writes.settle();
    },
    RELAXED,
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
