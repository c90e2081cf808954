import type { StoredArticle } from './records';
import type { StoreDb } from './schema';
import { SEARCH_STORES, searchStores } from './search-index';
import type {
  BuiltSegment,
  SearchDocRecord,
  SearchStateRecord,
  SegmentPostings,
  SegmentRecord,
} from './search-records';
import { SEARCH_STATE_KEY } from './search-records';
import { putSegment } from './search-segments';
import { inTransaction, PendingWrites } from './transaction';

/**
 * The reads and writes of the search index's upkeep. src/shared/search
 * (maintain.ts) decides what to do and computes the segments; each step here
 * either reads what it needs in one read-only transaction, or writes what it
 * computed in one read-write transaction that first checks that nothing it
 * read has changed meanwhile (else it skips, and the next run picks the work
 * up). That keeps the upkeep safe to run from the service worker and a page at
 * once.
 *
 * Lazily loaded code only (the search route's chunk and the service worker):
 * this module is kept out of store/index.ts, which the page's first load
 * imports.
 */

/**
 * The index can always be rebuilt from the articles: its writes need not wait
 * for the disk to confirm them (as the store's feed writes do not).
 */
const RELAXED = 'relaxed';

/** How the index on disk compares with the code's index version. */
export type IndexStatus = 'current' | 'rebuilding' | 'newer';

/**
 * Version check of a state record: `current`, `newer` (written by a newer
 * version of the app: leave it alone), or `rebuilding` (missing or older).
 */
export function indexStatus(state: SearchStateRecord | undefined, version: number): IndexStatus {
  if (state?.version === version) return 'current';
  return state && state.version > version ? 'newer' : 'rebuilding';
}

/** The index's state record, if the index exists. */
export function getSearchState(db: StoreDb): Promise<SearchStateRecord | undefined> {
  return db.get('searchMeta', SEARCH_STATE_KEY);
}

/**
 * Empties an index missing or older than `version` and queues every stored
 * article for indexing, in one transaction (checking the version again inside
 * it: another context may have rebuilt it meanwhile).
 * @returns the status found inside the transaction: `rebuilding` when it emptied the index.
 */
export function rebuildSearchIndex(db: StoreDb, version: number): Promise<IndexStatus> {
  return inTransaction(
    db,
    ['articles', ...SEARCH_STORES],
    async (tx) => {
      const stores = searchStores(tx);
      const [state, ids] = await Promise.all([
        stores.meta.get(SEARCH_STATE_KEY),
        tx.objectStore('articles').getAllKeys(),
      ]);
      const again = indexStatus(state, version);
      if (again !== 'rebuilding') return again;
      const writes = new PendingWrites();
      for (const store of [stores.segments, stores.postings, stores.docs, stores.pending]) {
        writes.add(store.clear());
      }
      for (const id of ids) writes.add(stores.pending.put(0, id));
      const next: SearchStateRecord = {
        version,
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
export function countQueuedArticles(db: StoreDb): Promise<number> {
  return db.count('searchPending');
}

/** The head of the indexing queue, read in one transaction. */
export interface QueuedBatch {
  readonly state: SearchStateRecord | undefined;
  /** The first queued article ids, in key order. */
  readonly ids: readonly string[];
  /** When each of `ids` was queued (a changed article is queued again with a new time). */
  readonly queued: readonly number[];
  /** The stored article of each of `ids` (undefined when it is gone). */
  readonly articles: readonly (StoredArticle | undefined)[];
}

/** The first `limit` queued articles, with the index's state. */
export async function readQueuedBatch(db: StoreDb, limit: number): Promise<QueuedBatch> {
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
  return { state, ids, queued, articles: stored };
}

/**
 * Builds the articles of a non-empty `batch` (read by readQueuedBatch) that
 * are still queued as they were into one new segment, in one transaction: their
 * older documents and queue entries go, the segment `build` returns for them
 * (numbered from the state inside the transaction) is written. Articles queued
 * again meanwhile (changed again) stay queued for the next batch; nothing is
 * written when the index is not of `version`. `build` must be synchronous.
 */
export async function indexQueuedBatch(
  db: StoreDb,
  version: number,
  batch: Pick<QueuedBatch, 'ids' | 'queued'>,
  build: (ids: readonly string[], id: number, firstDoc: number) => BuiltSegment | undefined,
): Promise<void> {
  const { ids, queued } = batch;
  // The batch is the first keys of the queue: one key range covers it.
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
      if (!now || indexStatus(now, version) !== 'current') return;
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
      const next = putSegment(stores, now, build(unchanged, now.nextSegment, now.nextDoc), writes);
      writes.add(stores.meta.put({ ...next, generation: now.generation + 1 }, SEARCH_STATE_KEY));
      await writes.settle();
    },
    RELAXED,
  );
}

/** Every segment and live document, read in one transaction. */
export interface IndexSegments {
  readonly state: SearchStateRecord | undefined;
  readonly segments: readonly SegmentRecord[];
  /** The numbers of the live documents. */
  readonly liveDocs: readonly number[];
}

/** The index's segments and live documents, with its state. */
export async function readSegments(db: StoreDb): Promise<IndexSegments> {
  const tx = db.transaction(['searchMeta', 'searchSegments', 'searchDocs'], 'readonly');
  const [state, segments, liveDocs] = await Promise.all([
    tx.objectStore('searchMeta').get(SEARCH_STATE_KEY),
    tx.objectStore('searchSegments').getAll(),
    tx.objectStore('searchDocs').getAllKeys(),
    tx.done,
  ]);
  return { state, segments, liveDocs };
}

/** The posting records of each of `segments`, with their keys, read in one transaction. */
export async function readSegmentPostings(
  db: StoreDb,
  segments: readonly SegmentRecord[],
): Promise<SegmentPostings[]> {
  const read = db.transaction('searchPostings', 'readonly');
  const bySegment = read.store.index('segment');
  const found: SegmentPostings[] = await Promise.all(
    segments.map(async (segment) => {
      const [keys, records] = await Promise.all([
        bySegment.getAllKeys(segment.id),
        bySegment.getAll(segment.id),
      ]);
      return { segment, keys, records };
    }),
  );
  await read.done;
  return found;
}

/**
 * Replaces the segments of `inputs` (as read by readSegmentPostings) with
 * `merged` (none: they are only dropped), in one transaction. `merged` gets
 * the next segment id inside the transaction, whatever it was numbered.
 * Nothing is written when another context merged those segments already or
 * the index is not of `version`.
 * @returns whether the segments were replaced.
 */
export function replaceSegments(
  db: StoreDb,
  version: number,
  inputs: readonly SegmentPostings[],
  merged: BuiltSegment | undefined,
): Promise<boolean> {
  return inTransaction(
    db,
    [...SEARCH_STORES],
    async (write) => {
      const stores = searchStores(write);
      const [now, present] = await Promise.all([
        stores.meta.get(SEARCH_STATE_KEY),
        Promise.all(inputs.map(({ segment }) => stores.segments.getKey(segment.id))),
      ]);
      // Another context merged these already (or rebuilt the index): nothing to do.
      if (
        !now ||
        indexStatus(now, version) !== 'current' ||
        present.some((key) => key === undefined)
      ) {
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

/** What the index covers against what is stored, read in one transaction. */
export interface IndexCoverage {
  readonly state: SearchStateRecord | undefined;
  /** Every stored article. */
  readonly articleIds: readonly string[];
  /** Every live document. */
  readonly docs: readonly SearchDocRecord[];
  /** Every queued article. */
  readonly queued: readonly string[];
}

/** Stored articles, live documents and queued articles, with the index's state. */
export async function readIndexCoverage(db: StoreDb): Promise<IndexCoverage> {
  const tx = db.transaction(['articles', 'searchDocs', 'searchPending', 'searchMeta'], 'readonly');
  const [state, articleIds, docs, queued] = await Promise.all([
    tx.objectStore('searchMeta').get(SEARCH_STATE_KEY),
    tx.objectStore('articles').getAllKeys(),
    tx.objectStore('searchDocs').getAll(),
    tx.objectStore('searchPending').getAllKeys(),
    tx.done,
  ]);
  return { state, articleIds, docs, queued };
}

/**
 * Deletes the documents `staleDocs` and queues the articles `missing`, in one
 * transaction that also moves the index's generation on.
 */
export async function repairSearchIndex(
  db: StoreDb,
  staleDocs: readonly number[],
  missing: readonly string[],
): Promise<void> {
  await inTransaction(
    db,
    ['searchDocs', 'searchPending', 'searchMeta'],
    async (write) => {
      const writes = new PendingWrites();
      for (const doc of staleDocs) writes.add(write.objectStore('searchDocs').delete(doc));
      for (const id of missing) writes.add(write.objectStore('searchPending').put(0, id));
      const meta = write.objectStore('searchMeta');
      const now = await meta.get(SEARCH_STATE_KEY);
      if (now) writes.add(meta.put({ ...now, generation: now.generation + 1 }, SEARCH_STATE_KEY));
      await writes.settle();
    },
    RELAXED,
  );
}
