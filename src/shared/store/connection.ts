import { StoreUnavailableError } from './errors';
import type { OpenStoreOptions } from './open';
import { openStore } from './open';
import type { StoreDb } from './schema';

/**
 * One connection to the store, kept for a page or the service worker, and what
 * happens when the browser closes it under us (its `close` event: the site's
 * storage was cleared from outside, the disk failed). Every transaction on a
 * closed connection fails, so the holder reopens once; if the new connection is
 * lost too, or cannot be opened, the holder gives up and works network-only
 * (a disk that keeps failing would otherwise have every request open, fail and
 * open again). Nothing stored is deleted on the way: a lost connection says
 * nothing about the data.
 */

/** Options of storeConnection: openStore's, and what to call when the connection goes. */
export interface StoreConnectionOptions extends OpenStoreOptions {
  /** Runs after each open, before the connection is handed out (the worker prepares search). */
  readonly prepare?: (db: StoreDb) => Promise<void>;
  /** Called once, when the connection is lost for good: from now on there is no storage. */
  readonly onLost?: () => void;
  /** How many lost connections are answered by opening a new one (default 1). */
  readonly reopens?: number;
}

/** A kept connection; see storeConnection. */
export interface StoreConnection {
  /**
   * The open connection: the one held, or a new one when there is none (first
   * use, after a failed open, after the connection closed for a newer schema or
   * was lost).
   * @throws StoreUnavailableError as openStore does, and with reason `lost`
   *   once the connection was given up.
   */
  get(): Promise<StoreDb>;
  /** True once the connection was given up (network-only from then on). */
  readonly lost: boolean;
}

/** Keeps one connection to the store, reopening it once if the browser closes it. */
export function storeConnection(options: StoreConnectionOptions = {}): StoreConnection {
  const { prepare, onLost, reopens = 1, ...openOptions } = options;
  let current: Promise<StoreDb> | undefined;
  let losses = 0;
  let lost = false;

  const giveUp = (): void => {
    if (lost) return;
    lost = true;
    current = undefined;
    onLost?.();
  };

  const open = (): Promise<StoreDb> => {
    const reopening = losses > 0;
    const attempt: Promise<StoreDb> = openStore({
      ...openOptions,
      onVersionChange: () => {
        if (current === attempt) current = undefined;
        openOptions.onVersionChange?.();
      },
      onTerminated: () => {
        if (current === attempt) current = undefined;
        losses++;
        openOptions.onTerminated?.();
        if (losses > reopens) giveUp();
      },
    }).then(async (db) => {
      await prepare?.(db);
      return db;
    });
    attempt.catch(() => {
      if (current === attempt) current = undefined;
      // The reopen after a loss was the one chance: storage is not coming back this visit.
      if (reopening) giveUp();
    });
    return attempt;
  };

  return {
    get(): Promise<StoreDb> {
      if (lost) {
        return Promise.reject(
          new StoreUnavailableError('lost', 'The IndexedDB connection was closed by the browser'),
        );
      }
      current ??= open();
      return current;
    },
    get lost() {
      return lost;
    },
  };
}
