import { PRERENDERED_ISLAND_ID, RESTING_CLASS } from '../../shared/prerender';
import { whenSettled } from '../lib/when-settled';
import { onFirstUse } from './first-use';
import { shownOnPage } from './shown';
import { catchUpRequests, registerResting } from './worker';

/**
 * The resting first visit. A prerendered page (tools/prerender.ts) is the
 * app's own markup with its data, so until the reader uses a control there is
 * nothing for the app to do on a first visit but install the worker: the page
 * reads, scrolls and follows links as HTML. The app (~45 KB of script, and
 * its render over the page, the longest task of the visit) loads when it is
 * needed: at the first use of a control (replayed once it has rendered), when
 * the connection goes (the app says what still reads), or when another tab
 * stores something of the reader's. The browser's
 * offer to install is held meanwhile (src/app/install/capture.ts, which the
 * entry starts): the banner waits for three articles read, never the case on
 * a first visit's page, and the app finds the offer when it takes over.
 */

/** Whether this origin's localStorage holds anything of the app's (its keys start `qilu:`). */
function hasLocalState(storage: Storage): boolean {
  for (let index = 0; index < storage.length; index += 1) {
    if (storage.key(index)?.startsWith('qilu:')) return true;
  }
  return false;
}

/**
 * Whether the app may rest on this page: a prerendered page, on a genuine first
 * visit (no worker controls the page, and nothing of the app's is stored: a
 * reader with settings, a ledger or a dismissed banner gets the app at once,
 * so it shows their state), in a browser with service workers (without one the
 * page itself would have to store what it shows, which is the app's work).
 */
export function mayRest(doc: Document, production: boolean): boolean {
  if (!production || !('serviceWorker' in navigator)) return false;
  if (navigator.serviceWorker.controller) return false;
  if (!doc.getElementById(PRERENDERED_ISLAND_ID)) return false;
  if (!doc.getElementById('app')?.firstElementChild) return false;
  try {
    return !hasLocalState(localStorage);
  } catch {
    // No storage (privacy modes): nothing of the reader's to show either.
    return true;
  }
}

/**
 * Rests on the page until the app is needed, then calls `start` once (it
 * loads and renders the app; `caughtUp` says the worker was already asked to
 * store what the page shows). Registers the worker after load in idle time.
 */
export function restUntilNeeded(
  doc: Document,
  start: (options: { caughtUp: boolean }) => Promise<void>,
): void {
  doc.documentElement.classList.add(RESTING_CLASS);
  // When the reader opened the page: an article page's article counts as read from then.
  const openedAt = Date.now();
  let starting: Promise<void> | undefined;
  let caughtUp = false;
  const takeOver = (): Promise<void> => {
    starting ??= start({ caughtUp }).catch((error: unknown) => {
      starting = undefined;
      throw error;
    });
    return starting;
  };
  const stopListening = onFirstUse(doc, takeOver);
  const takeOverNow = (): void => {
    stopListening();
    takeOver().catch((error: unknown) => console.warn('The app did not load', error));
  };
  // Offline, the app says what still reads (its files come from the worker's precache).
  addEventListener('offline', takeOverNow, { once: true });
  // Another tab stored something of the reader's (a 收藏, 省流量): the app shows it here too.
  // (Their reading settings the entry follows by itself.)
  addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith('qilu:')) takeOverNow();
  });

  const shown = shownOnPage(doc, location.origin);
  whenSettled(() =>
    registerResting(() => {
      if (starting || !shown) return [];
      caughtUp = true;
      return catchUpRequests(shown, openedAt);
    }),
  );
}
