import type { StoreDb } from '../../shared/store/index';
import { storeConnection } from '../../shared/store/reads';
import { forgetReadyPages } from '../../shared/ready-pages';
import { createObservable } from '../lib/observable';

/**
 * The page's handle on IndexedDB. It is opened once per visit; when the browser
 * refuses (private mode, a blocked upgrade, disk trouble) the app carries on
 * network-only and says so, rather than failing.
 */

/**
 * Whether IndexedDB could be opened: not tried yet, waiting for another tab to
 * let an upgrade through, working, or not usable on this device.
 */
export type StorageStatus = 'unknown' | 'blocked' | 'available' | 'unavailable';

/** The storage status, for the settings page and the one-time note. */
export const storageStatus = createObservable<StorageStatus>('unknown');

/** What the reader is told when there is no local storage (see the UI contract). */
export const STORAGE_UNAVAILABLE_MESSAGE = '本机存储不可用，内容将直接从网络读取，离线时无法阅读。';

/** What the reader is asked while an older tab holds the database at an older version. */
export const STORAGE_BLOCKED_MESSAGE =
  '请关闭本站的其他标签页或窗口：本机存储需要更新，关闭后即可继续离线阅读。';

let opening: Promise<StoreDb | undefined> | undefined;
/** Settles the open under way early, when it turns out to be blocked. */
let settleBlocked: (() => void) | undefined;

const connection = storeConnection({
  // The page writes articles too (before a worker controls it, clearing, history): the
  // worker's ready page of one that changed or went must not be served again.
  onArticlesChanged: (ids) => void forgetReadyPages(ids),
  // Another tab or the worker needs a newer schema: this handle is closed; reopen next time.
  onVersionChange: () => {
    opening = undefined;
  },
  // Said at once, and read on from the network while the open waits for the old tab.
  onBlocked: () => {
    storageStatus.set('blocked');
    settleBlocked?.();
  },
  // The browser closed the connection (storage cleared, disk failure): the next call reopens.
  onTerminated: () => {
    opening = undefined;
  },
  // The page made room (a full disk while it wrote): the worker drops the evicted articles'
  // pictures. Loaded then: rare, and the worker client has no place in the first load.
  onEvicted: () => {
    import('./prune-images')
      .then(({ pruneImages }) => pruneImages())
      .catch((error: unknown) => console.warn('Downloaded images not pruned', error));
  },
  // Lost twice (or the reopen failed): from now on this visit reads from the network, and says so.
  onLost: () => {
    console.warn('The IndexedDB connection was lost; reading from the network only');
    opening = Promise.resolve(undefined);
    storageStatus.set('unavailable');
  },
});

/**
 * The open database, or `undefined` when storage is unavailable (then use the network path).
 * A blocked upgrade answers `undefined` at once, so nothing waits on the reader closing the
 * old tab; the open goes on, and once it succeeds later calls get the database. A connection
 * the browser closes under us (src/shared/store/connection.ts) is reopened by the next call,
 * once; lost again, the page reads from the network for the rest of the visit.
 */
export function localDatabase(): Promise<StoreDb | undefined> {
  opening ??= new Promise<StoreDb | undefined>((resolve) => {
    settleBlocked = () => resolve(undefined);
    connection.get().then(
      (db) => {
        storageStatus.set('available');
        // After a blocked start the first callers already have `undefined`; from now on the
        // database is there.
        if (opening !== undefined && !connection.lost) opening = Promise.resolve(db);
        resolve(db);
      },
      (error: unknown) => {
        // A warning, not an error: the app works on without it and tells the reader.
        console.warn('IndexedDB unavailable; reading from the network only', error);
        storageStatus.set('unavailable');
        resolve(undefined);
      },
    );
  });
  return opening;
}
