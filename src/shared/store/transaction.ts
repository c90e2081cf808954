import type { IDBPTransaction } from 'idb';
import { storeFailure } from './errors';
import type { QiluSchema, StoreDb, StoreName } from './schema';

/**
 * Transactions that are all or nothing. IndexedDB commits a transaction by
 * itself once no request is pending, so a JavaScript exception thrown halfway
 * through a write would otherwise commit the half that was done: every write
 * here goes through `inTransaction`, which aborts on any failure.
 */

/** A read-write transaction over `Names`. */
export type WriteTx<Names extends StoreName[]> = IDBPTransaction<QiluSchema, Names, 'readwrite'>;

/**
 * Runs `work` in one read-write transaction over `names` and waits for the
 * commit. If `work` throws or any request fails, the transaction is aborted
 * and nothing it wrote is kept; the error is rethrown as it is (the caller
 * decides whether it is a quota error worth a retry).
 *
 * `work` must only await IndexedDB requests of `tx`: awaiting anything else
 * lets the transaction commit early.
 */
export async function inTransaction<const Names extends StoreName[], T>(
  db: StoreDb,
  names: Names,
  work: (tx: WriteTx<Names>) => Promise<T>,
  durability: 'default' | 'relaxed' | 'strict' = 'default',
): Promise<T> {
  const tx = db.transaction(names, 'readwrite', { durability });
  const done = tx.done;
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    // The abort makes `done` reject too; that rejection is expected, not unhandled.
    done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request, or already finished.
    }
    // A failed request aborts the transaction with the request's error; prefer it to idb's AbortError.
    throw tx.error ?? error;
  }
}

/**
 * Runs a read with one error type for callers: any failure becomes a
 * StoreError naming `action`.
 */
export async function read<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeFailure(action, error);
  }
}

/** Drops duplicates, keeping the first occurrence's position. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Narrows away `undefined`, for filtering lookups. */
export function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/**
 * The requests a transaction has issued and not yet awaited. When the work
 * throws before awaiting them, the transaction aborts and each of them
 * rejects; collecting them here keeps those rejections from surfacing as
 * unhandled (the failure is reported once, by the transaction).
 */
export class PendingWrites {
  private readonly requests: Promise<unknown>[] = [];

  /** Adds a request (or nothing, for conditional writes). */
  add(request: Promise<unknown> | undefined): void {
    if (!request) return;
    request.catch(() => undefined);
    this.requests.push(request);
  }

  /** Waits for every request; rejects with the first failure. */
  async settle(): Promise<void> {
    await Promise.all(this.requests);
  }
}
