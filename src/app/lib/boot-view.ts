import type { BootPrefs } from '../../shared/boot';
import {
  BOOT_ELEMENT_ID,
  BOOT_PREFS_CACHE,
  BOOT_PREFS_URL,
  BOOTING_CLASS,
} from '../../shared/boot';
import { offlinePrefs } from './prefs';
// The boot view is an article laid out by the article page's own styles, so
// they load with the shell: the text looks the same before and after the swap.
import '../routes/article/body.css';
import '../routes/article/style.css';
import './boot-view.css';

/**
 * The service worker's boot view (src/shared/boot.ts) is on screen until the
 * app's first page is ready; then this removes it and shows the app, which
 * has been rendering hidden beneath it. Focus that was inside the boot view
 * goes to the app's heading, so a keyboard or screen reader user is not left
 * on a node that no longer exists. Safe to call any number of times.
 */
export function endBootView(): void {
  const root = document.documentElement;
  const boot = document.getElementById(BOOT_ELEMENT_ID);
  if (!boot && !root.classList.contains(BOOTING_CLASS)) return;
  const hadFocus = boot?.contains(document.activeElement) ?? false;
  boot?.remove();
  root.classList.remove(BOOTING_CLASS);
  if (hadFocus) document.querySelector<HTMLElement>('#main h1')?.focus();
}

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
  if (body === lastMirrored || typeof caches === 'undefined') return;
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
