import type { BootPrefs } from '../../shared/boot';
import { BOOT_PREFS_CACHE, BOOT_PREFS_URL, parseBootPrefs } from '../../shared/boot';

const DEFAULTS: BootPrefs = { rootAttributes: {}, noImages: false };

/** The reader's settings as the page last mirrored them; the defaults when there are none. */
export async function readBootPrefs(): Promise<BootPrefs> {
  try {
    const cache = await caches.open(BOOT_PREFS_CACHE);
    const response = await cache.match(BOOT_PREFS_URL);
    return response ? parseBootPrefs(await response.json()) : DEFAULTS;
  } catch {
    // Unreadable or missing: the app applies the settings itself a moment later.
    return DEFAULTS;
  }
}
