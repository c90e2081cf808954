import { openDB } from 'idb';
import { DB_NAME } from '../cache-names';
import { StoreUnavailableError } from './errors';
import { setStoreHooks } from './hooks';
import type { QiluSchema, StoreDb } from './schema';
import type { SearchIndexer } from './search-index';
import { STORE_VERSION, upgradeStore } from './schema';

/** Options of openStore; all optional. */
export interface OpenStoreOptions {
  /** Database name (default DB_NAME); tests use a fresh name each for isolation. */
  readonly name?: string;
  /**
   * How long a blocked or hung open may take before giving up, in ms (default
   * 5000). A blocked open waits for other tabs to close an older version; some
   * browsers' private modes never answer at all.
   */
  readonly timeoutMs?: number;
  /**
   * Called after this connection closed itself because another tab or worker
   * needs a newer schema: the caller should stop using it (reload, or reopen).
   */
  readonly onVersionChange?: () => void;
  /**
   * Called at once when the open has to wait for an older version open in
   * another tab to close (the upgrade is blocked), so the reader can be asked
   * to close it while the open still waits.
   */
  readonly onBlocked?: () => void;
  /**
   * Called when the browser closed this connection abnormally (its `close`
   * event: storage cleared from outside, a disk failure): every later
   * transaction on it fails, so the caller should open a new one.
   */
  readonly onTerminated?: () => void;
  /** Called when a write made room by evicting articles (quota exceeded), with their count. */
  readonly onEvicted?: (count: number) => void;
  /**
   * Indexes new and changed articles for search in the same transaction that
   * stores them (src/shared/search's `searchIndexer`). Without it they are
   * queued and indexed later by the search maintenance: the page leaves it out
   * so the tokenizer never weighs on its first load.
   */
  readonly indexer?: SearchIndexer;
  /**
   * Called after a transaction that changed the content of stored articles or
   * deleted them has committed, with their ids ('all' when everything was
   * cleared): what is derived from them outside IndexedDB (ready pages,
   * src/shared/ready-pages.ts) is forgotten. Not called for writes that only
   * list an article in another channel.
   */
  readonly onArticlesChanged?: (ids: readonly string[] | 'all') => void;
}

/** Default of OpenStoreOptions.timeoutMs. */
export const DEFAULT_OPEN_TIMEOUT_MS = 5000;

/**
 * Opens (creating or upgrading as needed) the app's IndexedDB database. Open it
 * once per page or worker and keep the handle: every store and sync function
 * takes it as its first argument.
 * @throws StoreUnavailableError when IndexedDB is missing, the open is blocked
 *   or times out, or the open request fails (e.g. a newer schema is on disk).
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<StoreDb> {
  const name = options.name ?? DB_NAME;
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    throw new StoreUnavailableError('missing', 'IndexedDB is not available in this context');
  }
  let blocked = false;
  let opening: Promise<StoreDb>;
  try {
    opening = openDB<QiluSchema>(name, STORE_VERSION, {
      upgrade: upgradeStore,
      blocked() {
        blocked = true;
        options.onBlocked?.();
      },
      // Let a newer version (another tab after an update) proceed instead of blocking it forever.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase | null)?.close();
        options.onVersionChange?.();
      },
      terminated() {
        options.onTerminated?.();
      },
    });
  } catch (error) {
    // Some browsers throw synchronously from indexedDB.open (e.g. a SecurityError).
    throw unavailable(error);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        blocked
          ? new StoreUnavailableError(
              'blocked',
              `Opening ${name} v${STORE_VERSION} is blocked by an older version open elsewhere`,
            )
          : new StoreUnavailableError('timeout', `Opening ${name} took over ${timeoutMs} ms`),
      );
    }, timeoutMs);
  });
  try {
    const db = await Promise.race([opening, timeout]);
    setStoreHooks(db, {
      onEvicted: options.onEvicted,
      indexer: options.indexer,
      onArticlesChanged: options.onArticlesChanged,
    });
    return db;
  } catch (error) {
    // A late success must not leave a connection open that blocks future upgrades.
    opening.then(
      (db) => db.close(),
      () => undefined,
    );
    throw unavailable(error);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(error: unknown): StoreUnavailableError {
  if (error instanceof StoreUnavailableError) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StoreUnavailableError('failed', `Opening IndexedDB failed: ${reason}`, {
    cause: error,
  });
}
