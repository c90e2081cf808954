import { storeFailure } from './errors';
import type { StoreDb } from './schema';
import { GENERATION_KEY } from './schema';
import { inTransaction } from './transaction';

/**
 * The database's generation: an id written once, when this database is first
 * used, and never changed. The page also keeps it outside IndexedDB (in
 * localStorage, src/app/lib/ledger.ts), so a database the browser deleted and
 * one it then created empty can be told apart from the database we filled:
 * the empty one has another generation (or none yet).
 */

/** The single record of the `generation` store. */
export interface GenerationRecord {
  readonly id: string;
  /** When it was written (ms since the epoch). */
  readonly createdAt: number;
}

/**
 * This database's generation id; when it has none yet (a new database, or one
 * from before schema v5), `newId` becomes it, in the same transaction, so two
 * tabs opening a new database agree on one id.
 * @throws StoreError when IndexedDB fails.
 */
export async function ensureGeneration(db: StoreDb, newId: string): Promise<string> {
  try {
    return await inTransaction(db, ['generation'], async (tx) => {
      const store = tx.objectStore('generation');
      const existing = await store.get(GENERATION_KEY);
      if (existing) return existing.id;
      const record: GenerationRecord = { id: newId, createdAt: Date.now() };
      await store.put(record, GENERATION_KEY);
      return newId;
    });
  } catch (error) {
    throw storeFailure('ensureGeneration', error);
  }
}
