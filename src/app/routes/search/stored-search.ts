import type * as SearchModuleExports from '../../../shared/search/index';
import type { SearchEngine, SearchRequest, SearchResponse } from '../../../shared/search/index';
import type { StoreDb } from '../../../shared/store/index';
import { localStore } from '../../data/local';
import { lazyModule } from '../../lib/lazy-module';

/**
 * The search page's way into the offline index (src/shared/search). The
 * engine, the tokenizer and the folding tables are one lazily loaded chunk:
 * nothing of them is in the first load, and the form renders before they
 * arrive.
 *
 * Queries run on the page's thread: they take a few milliseconds (see
 * docs/BENCHMARKS.md, measured at 4× CPU slowdown) and are debounced, so
 * typing stays smooth. A dedicated worker would need a Trusted Types policy
 * for its script URL that the CSP does not allow today (docs/search.md).
 */

type SearchModule = typeof SearchModuleExports;

const searchModule = lazyModule<SearchModule>(() => import('../../../shared/search/index'));
const engines = new WeakMap<StoreDb, SearchEngine>();

/** The search module, downloaded once (again after a failed attempt). */
export function loadSearch(): Promise<SearchModule> {
  return searchModule.load();
}

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

/**
 * Searches the articles stored on this device, or resolves undefined when
 * there is no local storage (then only what is loaded can be searched).
 */
export async function searchStored(request: SearchRequest): Promise<SearchResponse | undefined> {
  const db = await localStore();
  if (!db) return undefined;
  const search = await loadSearch();
  let engine = engines.get(db);
  if (!engine) {
    engine = new search.SearchEngine(db);
    engines.set(db, engine);
  }
  return engine.search(request);
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
    const db = await localStore();
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
    const db = await localStore();
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
