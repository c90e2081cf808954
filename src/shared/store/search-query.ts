import { unwrap } from 'idb';
import type { StoredArticle } from './records';
import type { StoreDb } from './schema';
import type { PostingsRecord, SearchStateRecord, SegmentRecord } from './search-records';
import { SEARCH_STATE_KEY } from './search-records';

/**
 * The reads of one search query, all in one read-only transaction, so the
 * state, segments, postings and articles a query sees belong to one version
 * of the index. Every method issues its requests at once, when called: the
 * query engine (src/shared/search/engine.ts) may call the next one only after
 * awaiting the previous ones (or synchronously), never after awaiting
 * anything else, or the transaction has finished.
 *
 * Lazily loaded code only (the search route's chunk and the service worker).
 */

/** The index's segments and live documents, and the queue's length. */
export interface QuerySegments {
  readonly records: readonly SegmentRecord[];
  /** The numbers of the live documents. */
  readonly liveDocs: readonly number[];
  /** Articles waiting to be indexed. */
  readonly pending: number;
}

/** One query's view of the store. */
export interface SearchSnapshot {
  /** The index's state record (its generation tells whether a cached segment list still holds). */
  state(): Promise<SearchStateRecord | undefined>;
  /** Every segment and live document. */
  segments(): Promise<QuerySegments>;
  /** The ids of the articles listed in `channelId`. */
  channelMembers(channelId: string): Promise<string[]>;
  /**
   * For each `[buckets, bucket]`, the posting records of that bucket in every
   * segment with that many buckets.
   */
  postings(buckets: readonly (readonly [number, number])[]): Promise<PostingsRecord[][]>;
  /** The stored articles `ids`, in order (undefined for one no longer stored). */
  articles(ids: readonly string[]): Promise<(StoredArticle | undefined)[]>;
}

/**
 * Issues `count` requests at once on a raw IndexedDB object (not idb's
 * wrapper) and resolves with their results in order: one promise for the lot
 * instead of one per request, which matters at a few dozen requests per
 * keystroke on a slow phone.
 */
function requestAll<T>(count: number, make: (i: number) => IDBRequest): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<T>(count);
    let left = count;
    if (left === 0) resolve(results);
    for (let i = 0; i < count; i++) {
      const request = make(i);
      request.onsuccess = () => {
        results[i] = request.result as T;
        if (--left === 0) resolve(results);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    }
  });
}

/** Opens the read-only transaction of one query. */
export function openSearchSnapshot(db: StoreDb): SearchSnapshot {
  const tx = db.transaction(
    ['searchMeta', 'searchSegments', 'searchDocs', 'searchPostings', 'searchPending', 'articles'],
    'readonly',
  );
  const postings = unwrap(tx.objectStore('searchPostings'));
  const articles = unwrap(tx.objectStore('articles'));
  return {
    state: () => tx.objectStore('searchMeta').get(SEARCH_STATE_KEY),
    async segments() {
      const [records, liveDocs, pending] = await Promise.all([
        tx.objectStore('searchSegments').getAll(),
        tx.objectStore('searchDocs').getAllKeys(),
        tx.objectStore('searchPending').count(),
      ]);
      return { records, liveDocs, pending };
    },
    channelMembers: (channelId) =>
      tx.objectStore('articles').index('channelId').getAllKeys(channelId),
    postings(buckets) {
      const ranges = buckets.map(([count, bucket]) =>
        IDBKeyRange.bound([count, bucket, -Infinity], [count, bucket, Infinity]),
      );
      return requestAll<PostingsRecord[]>(ranges.length, (i) => postings.getAll(ranges[i]));
    },
    articles(ids) {
      return requestAll<StoredArticle | undefined>(ids.length, (i) => articles.get(ids[i] ?? ''));
    },
  };
}
