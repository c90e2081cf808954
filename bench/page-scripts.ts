/**
 * Code that runs inside the benchmark pages, kept as JavaScript source text.
 * tsx compiles bench/ with esbuild's keepNames, which wraps named functions in
 * a `__name()` helper that does not exist in the page; functions handed to
 * Playwright as source would break, so page code is written as strings with
 * their arguments JSON-encoded in.
 */

/** Where {@link visibilityProbe} leaves its measurements on `window`. */
export const PROBE_GLOBAL = '__qiluBenchVisible';

/** What the probe measured, in ms since navigation start (the page's time origin). */
export interface VisibilityTiming {
  /** The paragraph with the expected text entered the DOM. */
  readonly inserted: number;
  /** The first frame after that was produced (rAF, then a task: after paint). */
  readonly painted: number;
}

/**
 * An init script for a new document: watches the DOM from the very start and
 * records when an element matching `selector` with exactly `text` appears and
 * when the next frame after that has been painted.
 */
export function visibilityProbe(selector: string, text: string): string {
  return `(() => {
  const selector = ${JSON.stringify(selector)};
  const text = ${JSON.stringify(text)};
  const state = { inserted: -1, painted: -1 };
  window[${JSON.stringify(PROBE_GLOBAL)}] = state;
  const observer = new MutationObserver(() => {
    for (const element of document.querySelectorAll(selector)) {
      if ((element.textContent || '').trim() !== text) continue;
      state.inserted = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          state.painted = performance.now();
        };
        channel.port2.postMessage(null);
      });
      return;
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

/** An expression: the probe's timing once the frame was painted, else false (for waitForFunction). */
export const PROBE_DONE = `(() => {
  const state = window[${JSON.stringify(PROBE_GLOBAL)}];
  return state !== undefined && state.painted >= 0 ? state : false;
})()`;

/** Navigation timing of the current document, and whether a service worker controls it. */
export interface NavigationFacts {
  /** When the document's response (the shell, from the worker when one controls the page) ended. */
  readonly responseEnd: number;
  /**
   * When the last script or stylesheet that arrived before the probe saw the
   * text (entry, its imports, the route chunk) arrived; -1 if none.
   */
  readonly assetsEnd: number;
  readonly controlled: boolean;
  readonly heading: string;
}

/** An expression evaluating to {@link NavigationFacts}. */
export const NAVIGATION_FACTS = `(() => {
  const entry = performance.getEntriesByType('navigation')[0];
  const heading = document.querySelector('h1');
  const probe = window[${JSON.stringify(PROBE_GLOBAL)}];
  const before = probe !== undefined && probe.inserted >= 0 ? probe.inserted : Infinity;
  const assets = performance
    .getEntriesByType('resource')
    .filter((resource) => /\\.(?:js|css)(?:\\?|$)/.test(resource.name))
    .filter((resource) => resource.responseEnd <= before);
  return {
    responseEnd: entry ? entry.responseEnd : -1,
    assetsEnd: Math.max(-1, ...assets.map((resource) => resource.responseEnd)),
    controlled: 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null,
    heading: heading ? (heading.textContent || '').trim() : '',
  };
})()`;

/**
 * An expression: whether IndexedDB database `dbName` holds record `key` in
 * object store `storeName`. It never creates the database (opening an absent
 * one without a version would create it empty, under the app's feet).
 */
export function hasStoredRecord(dbName: string, storeName: string, key: string): string {
  return `(async () => {
  const dbs = await indexedDB.databases();
  if (!dbs.some((db) => db.name === ${JSON.stringify(dbName)})) return false;
  return await new Promise((resolve) => {
    const request = indexedDB.open(${JSON.stringify(dbName)});
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(${JSON.stringify(storeName)})) {
        db.close();
        resolve(false);
        return;
      }
      const get = db.transaction(${JSON.stringify(storeName)}).objectStore(${JSON.stringify(storeName)}).get(${JSON.stringify(key)});
      get.onsuccess = () => {
        db.close();
        resolve(get.result !== undefined);
      };
      get.onerror = () => {
        db.close();
        resolve(false);
      };
    };
  });
})()`;
}

/**
 * An expression: posts every request to the controlling service worker at once,
 * each with its own MessagePort (src/shared/messages.ts), and resolves with the
 * replies in request order. Rejects when no worker controls the page or a reply
 * does not come within `timeoutMs`.
 */
export function askWorkerAll(requests: readonly object[], timeoutMs: number): string {
  return `(async () => {
  const requests = ${JSON.stringify(requests)};
  const worker = navigator.serviceWorker.controller;
  if (!worker) throw new Error('No service worker controls the page');
  return await Promise.all(
    requests.map(
      (request) =>
        new Promise((resolve, reject) => {
          const { port1, port2 } = new MessageChannel();
          const timer = setTimeout(() => {
            port1.close();
            reject(new Error('No reply to ' + request.type + ' ' + (request.channelId || '')));
          }, ${timeoutMs});
          port1.onmessage = (event) => {
            clearTimeout(timer);
            port1.close();
            resolve(event.data);
          };
          worker.postMessage(request, [port2]);
        }),
    ),
  );
})()`;
}
