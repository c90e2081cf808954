import type { StoreDb } from '../../shared/store/index';
import { openStore } from '../../shared/store/index';
import { createObservable } from '../lib/observable';

/**
 * The page's handle on IndexedDB. It is opened once per visit; when the browser
 * refuses (private mode, a blocked upgrade, disk trouble) the app carries on
 * network-only and says so, rather than failing.
 */

/** Whether IndexedDB could be opened: not tried yet, working, or not usable on this device. */
export type StorageStatus = 'unknown' | 'available' | 'unavailable';

/** The storage status, for the settings page and the one-time note. */
export const storageStatus = createObservable<StorageStatus>('unknown');

/** What the reader is told when there is no local storage (see the UI contract). */
export const STORAGE_UNAVAILABLE_MESSAGE = '本机存储不可用，内容将直接从网络读取，离线时无法阅读。';

let opening: Promise<StoreDb | undefined> | undefined;

/** The open database, or `undefined` when storage is unavailable (then use the network path). */
export function localDatabase(): Promise<StoreDb | undefined> {
  opening ??= openStore({
    // Another tab or the worker needs a newer schema: this handle is closed; reopen next time.
    onVersionChange: () => {
      opening = undefined;
    },
  }).then(
    (db) => {
      storageStatus.set('available');
      return db;
    },
    (error: unknown) => {
      // A warning, not an error: the app works on without it and tells the reader.
      console.warn('IndexedDB unavailable; reading from the network only', error);
      storageStatus.set('unavailable');
      return undefined;
    },
  );
  return opening;
}
