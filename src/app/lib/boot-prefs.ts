import type { BootPrefs } from '../../shared/boot';
import { BOOT_PREFS_CACHE, BOOT_PREFS_URL, ROOT_ATTRIBUTES_KEY } from '../../shared/boot';
import { offlinePrefs } from './prefs';

/**
 * The worker's copy of the reader's settings, for its boot view of a stored
 * article (src/shared/boot.ts), and the one in localStorage that prerendered
 * pages apply before they paint. main.tsx loads this module after the first
 * paint, in idle time: nothing on the first screen needs it.
 */

function rootAttributes(): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const { name, value } of Array.from(document.documentElement.attributes)) {
    if (name.startsWith('data-')) attributes[name] = value;
  }
  return attributes;
}

let lastMirrored = '';

/** Writes what the boot view needs of the reader's settings where the worker can read it. */
async function mirror(): Promise<void> {
  const prefs: BootPrefs = {
    rootAttributes: rootAttributes(),
    noImages: offlinePrefs.get().noImages,
  };
  const body = JSON.stringify(prefs);
  if (body === lastMirrored) return;
  try {
    // For the first paint of a prerendered page (public/root-attributes.js).
    localStorage.setItem(ROOT_ATTRIBUTES_KEY, JSON.stringify(prefs.rootAttributes));
  } catch {
    // No storage: prerendered pages paint with the default look, then take the settings.
  }
  if (typeof caches === 'undefined') return;
  lastMirrored = body;
  try {
    const cache = await caches.open(BOOT_PREFS_CACHE);
    await cache.put(
      BOOT_PREFS_URL,
      new Response(body, { headers: { 'content-type': 'application/json' } }),
    );
  } catch {
    // No Cache Storage (some private modes): the boot view uses the default look.
    lastMirrored = '';
  }
}

/**
 * Keeps the worker's copy of the reader's settings current: now, whenever
 * `<html>`'s attributes change (whoever changes them: settings page, another
 * tab) and when the 无图 choice changes.
 */
export function mirrorBootPrefs(): void {
  const schedule = (): void => {
    void mirror();
  };
  new MutationObserver(schedule).observe(document.documentElement, { attributes: true });
  offlinePrefs.subscribe(schedule);
  schedule();
}
