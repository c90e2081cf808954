import { PRERENDERED_ISLAND_ID, RESTING_CLASS } from '../../shared/prerender';
import { whenSettled } from '../lib/when-settled';
import { onFirstUse } from './first-use';
import { DB_NAME } from '../../shared/cache-names';
import { formatFetchedAt } from '../lib/freshness';
import { currentFraction } from '../lib/reading-position';
import { shownOnPage } from './shown';
import type { ShownOnPage } from './shown';
import { catchUpRequests, registerResting, sendPosition } from './worker';

/**
 * The resting first visit. A prerendered page (tools/prerender.ts) is the
 * app's own markup with its data, so until the reader uses a control there is
 * nothing for the app to do on a first visit but install the worker: the page
 * reads, scrolls and follows links as HTML. The app (~45 KB of script, and
 * its render over the page, the longest task of the visit) loads when it is
 * needed: at the first use of a control (replayed once it has rendered), when
 * the connection goes (the app says what still reads), when another tab
 * stores something of the reader's, when the reader comes back to the page
 * from another, when the origin turns out to hold a database, or when the
 * worker has stored newer lists than the build's. Meanwhile the worker stores
 * what the page shows, records the article as read and keeps the reading
 * position. The browser's offer to install is held (src/app/install/capture.ts,
 * which the entry starts): the banner waits for three articles read, never the
 * case on a first visit's page, and the app finds the offer when it takes over.
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
 * so it shows their state), in a browser with service workers and IndexedDB
 * (without them the page itself would store what it shows, or the reader is
 * told that nothing can be stored: the app's work).
 */
export function mayRest(doc: Document, production: boolean): boolean {
  if (!production || !('serviceWorker' in navigator)) return false;
  // Without IndexedDB nothing can be stored: the app says so, and reads from the network.
  if (typeof indexedDB === 'undefined') return false;
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
  showUpdatedAtHere(doc);
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
  // The first-use listeners stay until the app is in: a tap while it loads is held and replayed.
  const takeOverNow = (): void => {
    takeOver().then(stopListening, (error: unknown) => console.warn('The app did not load', error));
  };
  // Offline, the app says what still reads (its files come from the worker's precache).
  addEventListener('offline', takeOverNow, { once: true });
  // Another tab stored something of the reader's (a 收藏, 省流量): the app shows it here too.
  // (Their reading settings the entry follows by itself.)
  addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith('qilu:')) takeOverNow();
  });
  // Back from another page of the site (the browser kept this one): what the reader did there
  // (已读, 收藏) shows here once the app renders from what is stored.
  addEventListener('pageshow', (event) => {
    if (event.persisted) takeOverNow();
  });
  // This origin already has a database (a reader whose localStorage was cleared alone): the app
  // reads it, upgrades it if it is old, and shows what it holds.
  void hasDatabase().then((found) => {
    if (found) takeOverNow();
  });

  const shown = shownOnPage(doc, location.origin);
  const position = keepReadingPosition(doc, shown, () => starting !== undefined);
  whenSettled(() =>
    registerResting({
      catchUp: () => {
        if (starting || !shown) return [];
        caughtUp = true;
        return catchUpRequests(shown, openedAt);
      },
      onNewer: () => {
        // The worker stored a newer list than the build's: the app asks it again and shows it.
        caughtUp = false;
        takeOverNow();
      },
      onControlled: position.onControlled,
    }),
  );
}

/**
 * 「更新于」 in this device's time zone, as the app writes it (lib/freshness.ts): the build
 * wrote it in the build machine's. Same length, so nothing moves; and the app, when it
 * comes, renders the very text the page already shows.
 */
function showUpdatedAtHere(doc: Document): void {
  for (const time of doc.querySelectorAll<HTMLTimeElement>('.updated-at time[datetime]')) {
    const ms = Date.parse(time.dateTime);
    if (Number.isFinite(ms)) time.textContent = formatFetchedAt(ms).text;
  }
}

/** Whether this origin has the app's IndexedDB database (false where the browser cannot say). */
async function hasDatabase(): Promise<boolean> {
  try {
    if (typeof indexedDB.databases !== 'function') return false;
    return (await indexedDB.databases()).some((info) => info.name === DB_NAME);
  } catch {
    return false;
  }
}

/** Saving at most this often while scrolling, as the app does (components/continue-reading). */
const SAVE_POSITION_EVERY_MS = 1000;

/**
 * On an article page, keeps the reading position as the app would (after
 * scrolling, throttled; when the page is hidden; on pagehide), through the
 * worker once it controls the page, until the app takes over (`appStarted`).
 * Nothing is written before the reader scrolls.
 */
function keepReadingPosition(
  doc: Document,
  shown: ShownOnPage | undefined,
  appStarted: () => boolean,
): { onControlled: () => void } {
  const articleId = shown?.articleIds.length === 1 ? shown.articleIds[0] : undefined;
  const article = doc.querySelector<HTMLElement>('#main article');
  if (articleId === undefined || !article) return { onControlled: () => undefined };
  // As the app does on an article (components/continue-reading): a reload does not jump down
  // by itself; 「继续阅读」 offers the place instead.
  history.scrollRestoration = 'manual';
  let controlled = navigator.serviceWorker.controller !== null;
  let scrolled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!scrolled || !controlled || appStarted() || !article.isConnected) return;
    scrolled = false;
    const fraction = currentFraction(article);
    if (fraction !== undefined) sendPosition(articleId, fraction);
  };
  addEventListener(
    'scroll',
    () => {
      scrolled = true;
      timer ??= setTimeout(save, SAVE_POSITION_EVERY_MS);
    },
    { passive: true },
  );
  addEventListener('pagehide', save);
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') save();
  });
  return {
    onControlled: () => {
      controlled = true;
      // A scroll before the worker took the page is kept now.
      save();
    },
  };
}
