import { vi } from 'vitest';

/**
 * Running the page's real data layer in Node: the browser globals it reads,
 * stubbed per test and undone after each.
 */

// The data layer reads FEED_BASE from import.meta.env (src/app/env.d.ts, in the app's
// tsconfig only); Vitest fills it in from vite.config.ts's `define`.
declare global {
  interface ImportMetaEnv {
    readonly FEED_BASE: string;
  }
  interface ImportMeta {
    readonly env: ImportMetaEnv;
  }
}

/** What the page sees of its browser. */
export interface PageGlobals {
  /** The page's address. */
  readonly url: string;
  readonly fetch: typeof fetch;
  /** A fake IDBFactory, or undefined for a device without IndexedDB. */
  readonly indexedDB: IDBFactory | undefined;
  /** navigator.onLine, read each time. */
  readonly onLine: () => boolean;
}

/** Stubs location, navigator.onLine, fetch and indexedDB (call in beforeEach). */
export function stubPageGlobals({ url, fetch, indexedDB, onLine }: PageGlobals): void {
  vi.stubGlobal('indexedDB', indexedDB);
  vi.stubGlobal('location', new URL(url));
  vi.stubGlobal('navigator', {
    get onLine() {
      return onLine();
    },
  });
  vi.stubGlobal('fetch', fetch);
}

/** Undoes {@link stubPageGlobals} and every spy (call in afterEach). */
export function restorePageGlobals(): void {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}
