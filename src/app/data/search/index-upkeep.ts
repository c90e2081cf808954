import { localDatabase } from '../database';
import { loadSearch } from './search-module';

/**
 * The page's share of the search index's upkeep (src/shared/search/maintain.ts):
 * indexing what waits in the queue and, when no service worker does it,
 * merging small segments. Both run in slices that yield to input.
 */

/** Longest stretch of background indexing before input and rendering get a turn, in ms. */
const SLICE_MS = 12;
let sliceStart = 0;

/**
 * Lets the event loop run (input, rendering) once a slice of background work
 * is used up. A message-channel task is not clamped like a nested setTimeout,
 * so yielding often costs next to nothing.
 */
function pause(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      sliceStart = performance.now();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

let catchingUp: Promise<number> | undefined;
let reconciled = false;

/**
 * Indexes what waits in the queue (articles this page stored itself before a
 * service worker controlled it, or the one-time re-index after an update) in
 * small steps that yield to input. Concurrent calls share one run. Merging
 * segments is not part of it (see {@link mergeWhenIdle}): answers need the
 * queue indexed, not merged.
 * @returns how many articles were indexed.
 */
export function catchUpIndex(): Promise<number> {
  catchingUp ??= (async () => {
    const db = await localDatabase();
    if (!db) return 0;
    const search = await loadSearch();
    sliceStart = performance.now();
    const report = await search.maintainSearchIndex(db, {
      batch: 50,
      pause,
      merge: false,
      // Once a visit: repairs what other code paths may have left (see maintain.ts).
      reconcile: !reconciled,
    });
    reconciled = true;
    return report.indexed;
  })().finally(() => {
    catchingUp = undefined;
  });
  return catchingUp;
}

let merging = false;

/**
 * Merges small segments in the page's idle time, in slices, when no service
 * worker does it (the worker merges after every sync): without merges every
 * catch-up would leave one more small segment for each query to read.
 */
export function mergeWhenIdle(): void {
  if (merging || navigator.serviceWorker?.controller) return;
  merging = true;
  void (async () => {
    const db = await localDatabase();
    if (!db) return;
    const search = await loadSearch();
    while (await search.mergeOnce(db)) {
      sliceStart = 0;
      await pause();
    }
  })()
    .catch((error: unknown) => console.warn('Search index merge failed', error))
    .finally(() => {
      merging = false;
    });
}
