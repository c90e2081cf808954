import { ensureIndexVersion, searchIndexer } from '../shared/search';
import { openStore } from '../shared/store';
import type { StoreDb } from '../shared/store';
import { broadcast } from './news';

let opening: Promise<StoreDb> | undefined;

/** Forgets the connection, so the next use opens a fresh one. */
function forget(attempt: Promise<StoreDb>): void {
  if (opening === attempt) opening = undefined;
}

/**
 * The worker's one connection to IndexedDB, opened on first use. A failed open
 * (blocked, private mode, disk full) is not remembered, so the next request
 * tries again rather than the worker staying storage-less until it restarts;
 * neither is a connection closed for a newer schema (a page of a newer version
 * upgrading the database).
 *
 * Every eviction the store makes through this connection, for the budget or
 * to make room after a QuotaExceededError, is announced to the pages. Every
 * article it writes is indexed for search in the same transaction; the index
 * record is created (or a one-time re-index queued) right after opening, so
 * the first sync already indexes as it writes.
 */
export function database(): Promise<StoreDb> {
  if (!opening) {
    const attempt: Promise<StoreDb> = openStore({
      onEvicted: (articles) => broadcast({ type: 'storage-evicted', articles }),
      onVersionChange: () => forget(attempt),
      indexer: searchIndexer,
    }).then(async (db) => {
      // Without it writes are still stored, just queued for indexing: not a reason to fail.
      await ensureIndexVersion(db).catch((error: unknown) => {
        console.warn('Search index not prepared', error);
      });
      return db;
    });
    attempt.catch(() => forget(attempt));
    opening = attempt;
  }
  return opening;
}
