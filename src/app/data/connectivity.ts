import type { SyncFailure } from '../../shared/messages';
import { createObservable } from '../lib/observable';

/**
 * Whether the reader is effectively offline: the browser says so, or the last
 * sync could not reach the server (navigator.onLine is true on a captive
 * Wi-Fi or when only our server is down, so the browser alone is not enough).
 */

let browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
let lastSyncUnreachable = false;

/** True while the offline indicator should say 「离线」. */
export const offline = createObservable(browserOffline);

function update(): void {
  offline.set(browserOffline || lastSyncUnreachable);
}

/** A sync reached the server: whatever failed before, we are connected now. */
export function noteSyncSuccess(): void {
  lastSyncUnreachable = false;
  update();
}

/** A sync failed; only a network failure means "offline" (a 500 is the server's problem). */
export function noteSyncFailure(failure: Pick<SyncFailure, 'code'>): void {
  if (failure.code !== 'network') return;
  lastSyncUnreachable = true;
  update();
}

const reconnectListeners = new Set<() => void>();

/** Calls `listener` each time the browser comes back online (to refresh what is stale). */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    browserOffline = false;
    update();
    for (const listener of [...reconnectListeners]) listener();
  });
  window.addEventListener('offline', () => {
    browserOffline = true;
    update();
  });
}
