import { ensureIndexVersion, searchIndexer } from '../shared/search';
import { storeConnection } from '../shared/store';
import type { StoreDb } from '../shared/store';
import { forgetReadyPages } from '../shared/ready-pages';
import { pruneDownloadImages } from './download-images';
import { broadcast } from './news';

/**
 * The worker's one connection to IndexedDB (src/shared/store/connection.ts),
 * opened on first use. A failed open (blocked, private mode, disk full) is not
 * remembered, so the next request tries again rather than the worker staying
 * storage-less until it restarts; neither is a connection closed for a newer
 * schema (a page of a newer version upgrading the database). A connection the
 * browser closes under us (storage cleared, disk failure) is reopened once;
 * lost again, the worker answers from the network only until it restarts.
 *
 * Every eviction the store makes through this connection, for the budget or
 * to make room after a QuotaExceededError, is announced to the pages, and the
 * downloaded pictures no stored article uses any more are dropped. Every
 * article it writes is indexed for search in the same transaction; the index
 * record is created (or a one-time re-index queued) right after opening, so
 * the first sync already indexes as it writes.
 */
const connection = storeConnection({
  onEvicted: (articles) => {
    broadcast({ type: 'storage-evicted', articles });
    void connection.get().then(pruneDownloadImages, () => undefined);
  },
  indexer: searchIndexer,
  // A ready page of an article that changed or went must not be served again.
  onArticlesChanged: (ids) => void forgetReadyPages(ids),
  prepare: async (db) => {
    // Without it writes are still stored, just queued for indexing: not a reason to fail.
    await ensureIndexVersion(db).catch((error: unknown) => {
      console.warn('Search index not prepared', error);
    });
  },
  onLost: () =>
    console.warn('IndexedDB connection lost twice; the worker reads from the network only'),
});

/** The worker's connection; rejects (StoreUnavailableError) when storage cannot be used. */
export function database(): Promise<StoreDb> {
  return connection.get();
}
