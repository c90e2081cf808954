import type { BrowserContext, Page } from '@playwright/test';
import type { PageProblems } from './fixtures';

/**
 * A device whose storage runs out, for the eviction specs: a small quota for the origin, and a
 * filler database that takes the rest of it.
 */

/** The origin's quota in the eviction tests: room for the first visit, not much more. */
export const SMALL_QUOTA = 4_000_000;

/**
 * Gives the origin of `page`'s server {@link SMALL_QUOTA}. Chromium applies an overridden quota to
 * IndexedDB only if it is set before the origin first uses IndexedDB (and
 * navigator.storage.estimate() keeps reporting a static quota), so it is set first, from a
 * static file of the origin; the page is left there.
 */
export async function useSmallQuota(
  page: Page,
  context: BrowserContext,
  origin: string,
  problems: PageProblems,
): Promise<void> {
  problems.allow(/favicon\.ico/);
  await page.goto('/robots.txt');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: SMALL_QUOTA });
}

/**
 * Fills the origin's quota with another database of incompressible bytes until IndexedDB
 * refuses a write: stands in for a device whose space ran out, whatever the exact accounting.
 * Returns the bytes written.
 */
export async function fillQuota(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('e2e-filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('bytes');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    let written = 0;
    try {
      for (let chunk = 0; chunk < 200; chunk += 1) {
        const bytes = new Uint8Array(100_000);
        // getRandomValues fills at most 64 KiB at a time.
        for (let at = 0; at < bytes.length; at += 65_536) {
          crypto.getRandomValues(bytes.subarray(at, at + 65_536));
        }
        const tx = db.transaction('bytes', 'readwrite');
        tx.objectStore('bytes').put(bytes, chunk);
        const ok = await new Promise<boolean>((resolve) => {
          tx.oncomplete = () => resolve(true);
          tx.onabort = () => resolve(false);
        });
        if (!ok) return written;
        written += bytes.length;
      }
      throw new Error('the quota never ran out');
    } finally {
      db.close();
    }
  });
}
