import { cacheNames } from 'workbox-core';
// The controller precacheAndRoute (sw.ts) filled: not re-exported by the package's index.
import { getOrCreatePrecacheController } from 'workbox-precaching/utils/getOrCreatePrecacheController.js';

/**
 * Puts back the precached app shell files that are gone from Cache Storage.
 * Workbox fills the precache at install only; when the browser evicts the
 * site's storage the worker stays registered but its cache is empty, and
 * navigations fall back to the network: the app would no longer open offline
 * until the next deployment installs a worker again. The page asks for this
 * when it notices an eviction (src/app/data/restore.ts).
 * @returns how many files were fetched again.
 */
export async function repairShell(): Promise<number> {
  const controller = getOrCreatePrecacheController();
  const cache = await caches.open(cacheNames.precache);
  let repaired = 0;
  for (const cacheKey of controller.getURLsToCacheKeys().values()) {
    if (await cache.match(cacheKey)) continue;
    // Like Workbox's install: the revisioned URL, past the HTTP cache.
    const response = await fetch(
      new Request(cacheKey, { cache: 'no-cache', credentials: 'same-origin' }),
    );
    if (!response.ok)
      throw new Error(`Fetching ${cacheKey} for the precache gave ${response.status}`);
    await cache.put(cacheKey, response);
    repaired += 1;
  }
  return repaired;
}
