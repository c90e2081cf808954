import { render } from 'preact';
import { PRERENDERED_CLASS, RESTING_CLASS } from '../shared/prerender';
import { App, preloadRoute } from './app';
import { catchUpPrerendered, checkStorageAtLaunch, readPrerendered, seedPrerendered } from './data';
import { startServiceWorker } from './pwa';
import { whenSettled } from './lib/when-settled';

/** How the entry (main.tsx) hands the page over. */
export interface StartOptions {
  /**
   * The resting first visit (./first-visit) already had the worker store what the page shows:
   * the app does not ask again.
   */
  readonly caughtUp: boolean;
}

/**
 * Starts the whole app over the page: renders it (over a prerendered page's
 * markup, which Preact reuses), registers the service worker and runs the
 * launch check. Resolves once the app has rendered, its first effects have
 * run, and its controls answer.
 * Called once, by the entry (main.tsx): at once on every visit but a resting
 * first one, where the first control the reader uses calls it.
 */
export async function startApp({ caughtUp }: StartOptions): Promise<void> {
  // A prerendered page (tools/prerender.ts) carries the data it shows: in memory
  // before the first render, the app renders the same markup over it. Preact
  // reuses the page's elements (nothing is replaced, so nothing flashes or moves)
  // and corrects whatever differs, such as the reader's 省流量 choice.
  const prerendered = readPrerendered(document);
  if (prerendered) seedPrerendered(prerendered);

  // What the page showed is stored by the worker once it controls the page (or, without
  // one, by the page after its first paint), so it reads offline and search finds it.
  if (prerendered && !caughtUp) catchUpPrerendered(prerendered, whenSettled);

  // Did the browser clear what was stored for offline reading? Said once, and downloaded again.
  // Checked after the first paint, from its own chunk.
  whenSettled(() => void checkStorageAtLaunch());

  // Offline support: registered after load, in idle time, so it never delays the first paint.
  startServiceWorker();

  // The worker's boot view of a stored article wears the reader's settings too (src/shared/boot.ts).
  // (Started from the boot view, this module may run after `load` has fired: whenSettled allows it.)
  whenSettled(() => {
    import('./lib/boot-prefs')
      .then(({ mirrorBootPrefs }) => mirrorBootPrefs())
      .catch((error: unknown) => console.warn('Boot view settings not mirrored', error));
  });

  // Under the worker's boot view of an article (src/shared/boot.ts) this module
  // runs after that view was painted (public/boot-loader.js) and renders hidden.
  const root = document.getElementById('app');
  if (!root) return;
  // Over a prerendered page the route's code is in before the render, so the
  // first render is the page's markup and not a loading state.
  if (prerendered && root.firstElementChild) await preloadRoute(location.pathname);
  render(<App />, root);
  // A use held on a resting page is done again after this resolves: after the effects of the
  // first render too (Preact runs them after the next frame), or one that resets state on
  // mount (the header closes its disclosures when the path is set) would undo it.
  await afterEffects();
  // The page's controls answer from now on (tests wait for this).
  document.documentElement.classList.remove(PRERENDERED_CLASS, RESTING_CLASS);
}

/**
 * Resolves after the effects of a render just made have run: Preact flushes them in a
 * task queued from the next animation frame (or after 35 ms without frames, as in a
 * background tab), so a task queued from a frame callback registered later runs after them.
 */
function afterEffects(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(finish);
    // Without frames (a hidden tab), Preact's own fallback timer has fired by then.
    setTimeout(finish, 50);
  });
}
