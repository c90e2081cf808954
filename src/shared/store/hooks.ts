import type { StoreDb } from './schema';
import type { SearchIndexer } from './search-index';

/** Callbacks (and helpers) a caller registered when opening the store. */
export interface StoreHooks {
  readonly onEvicted?: ((count: number) => void) | undefined;
  /** Indexes new and changed articles as they are written (else they are queued). */
  readonly indexer?: SearchIndexer | undefined;
  /** After a commit that changed or deleted stored articles: their ids, or 'all'. */
  readonly onArticlesChanged?: ((ids: readonly string[] | 'all') => void) | undefined;
}

/** Tells the connection's hook that articles changed or went (nothing when none did). */
export function articlesChanged(db: StoreDb, ids: readonly string[] | 'all'): void {
  if (ids !== 'all' && ids.length === 0) return;
  hooksByDb.get(db)?.onArticlesChanged?.(ids);
}

// Kept beside the connection rather than on it: the handle is idb's object, not ours.
const hooksByDb = new WeakMap<StoreDb, StoreHooks>();

/** Remembers the callbacks of a connection. */
export function setStoreHooks(db: StoreDb, hooks: StoreHooks): void {
  hooksByDb.set(db, hooks);
}

/** The callbacks of a connection (none when it was opened another way, e.g. in a test). */
export function storeHooks(db: StoreDb): StoreHooks {
  return hooksByDb.get(db) ?? {};
}
