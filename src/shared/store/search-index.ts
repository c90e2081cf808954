import type { IDBPObjectStore } from 'idb';
import type { StoredArticle } from './records';
import type { QiluSchema, StoreName } from './schema';
import type { SearchStateRecord } from './search-records';
import { SEARCH_STATE_KEY } from './search-records';
import type { PendingWrites } from './transaction';

/**
 * Keeping the search index in step with the articles, inside the same
 * transaction as the article writes. This half is in every page's first load,
 * so it never tokenizes: removing an article's documents only deletes records,
 * and a new or changed article is either indexed by a SearchIndexer the caller
 * brought (the service worker always does) or queued in `searchPending` for the
 * search maintenance (src/shared/search/maintain.ts).
 */

/** The object stores an index change writes. */
export const SEARCH_STORES = [
  'searchMeta',
  'searchSegments',
  'searchPostings',
  'searchDocs',
  'searchPending',
] as const satisfies readonly StoreName[];

/** One object store of a read-write transaction, whichever other stores the transaction spans. */
export type WritableStore<N extends StoreName> = IDBPObjectStore<
  QiluSchema,
  ArrayLike<StoreName>,
  N,
  'readwrite'
>;

/** The index's object stores in a read-write transaction. */
export interface SearchStores {
  readonly meta: WritableStore<'searchMeta'>;
  readonly segments: WritableStore<'searchSegments'>;
  readonly postings: WritableStore<'searchPostings'>;
  readonly docs: WritableStore<'searchDocs'>;
  readonly pending: WritableStore<'searchPending'>;
}

/** A transaction that spans the index's stores. */
interface SearchTx {
  objectStore<N extends (typeof SEARCH_STORES)[number]>(name: N): WritableStore<N>;
}

/** The index's stores of `tx`. */
export function searchStores(tx: SearchTx): SearchStores {
  return {
    meta: tx.objectStore('searchMeta'),
    segments: tx.objectStore('searchSegments'),
    postings: tx.objectStore('searchPostings'),
    docs: tx.objectStore('searchDocs'),
    pending: tx.objectStore('searchPending'),
  };
}

/**
 * Turns articles into a new index segment inside the caller's transaction.
 * Made by `segmentIndexer` (search-segments.ts) from src/shared/search's
 * segment builder; this module only knows the shape, so neither the tokenizer
 * nor the segment writes weigh on the page's first load.
 */
export interface SearchIndexer {
  /** The tokenizer and format version it writes; it only adds to an index of that version. */
  readonly version: number;
  /**
   * Issues (into `writes`, synchronously) every write that adds `articles`
   * as one new segment, and returns the state after them for the caller to put.
   */
  add(
    stores: SearchStores,
    state: SearchStateRecord,
    articles: readonly StoredArticle[],
    writes: PendingWrites,
  ): SearchStateRecord;
}

/**
 * Deletes the live documents (and queue entries) of the articles `ids`:
 * deletes only, so it still works when the origin is out of space.
 * @returns how many documents were deleted.
 */
export async function dropFromIndex(
  stores: Pick<SearchStores, 'docs' | 'pending'>,
  ids: readonly string[],
  writes: PendingWrites,
): Promise<number> {
  const byArticle = stores.docs.index('articleId');
  const docs = (await Promise.all(ids.map((id) => byArticle.getAllKeys(id)))).flat();
  for (const doc of docs) writes.add(stores.docs.delete(doc));
  for (const id of ids) writes.add(stores.pending.delete(id));
  return docs.length;
}

/** The state with its generation moved on (readers drop their cached segment list), if there is one. */
function touched(state: SearchStateRecord | undefined): SearchStateRecord | undefined {
  return state && { ...state, generation: state.generation + 1 };
}

/**
 * Brings the index in line with a write of `tx`: `changed` articles (new, or
 * with new content) are indexed by `indexer` or else queued, `removed` ones
 * leave the index; a changed article's old document is deleted either way
 * (`isNew` names the articles that had none, to spare their lookups).
 */
export async function updateSearchIndex(
  stores: SearchStores,
  changed: readonly StoredArticle[],
  removed: readonly string[],
  indexer: SearchIndexer | undefined,
  writes: PendingWrites,
  isNew: (id: string) => boolean = () => false,
): Promise<void> {
  if (changed.length === 0 && removed.length === 0) return;
  // An article stored for the first time has no document or queue entry to drop
  // (eviction and clearing drop them in their own transactions): skip the lookups.
  const replaced = changed.map((stored) => stored.article.id).filter((id) => !isNew(id));
  const [state] = await Promise.all([
    stores.meta.get(SEARCH_STATE_KEY),
    dropFromIndex(stores, [...replaced, ...removed], writes),
  ]);
  let next = touched(state);
  if (changed.length > 0) {
    if (indexer && state?.version === indexer.version) {
      next = indexer.add(stores, state, changed, writes);
    } else {
      for (const stored of changed)
        writes.add(stores.pending.put(stored.storedAt, stored.article.id));
    }
  }
  if (next) writes.add(stores.meta.put(next, SEARCH_STATE_KEY));
}

/** Marks the index changed (best effort after a deletes-only step; see removeArticles). */
export async function touchSearchIndex(meta: WritableStore<'searchMeta'>): Promise<void> {
  const next = touched(await meta.get(SEARCH_STATE_KEY));
  if (next) await meta.put(next, SEARCH_STATE_KEY);
}
