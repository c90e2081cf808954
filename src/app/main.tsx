import { render } from 'preact';
import { PRERENDERED_CLASS } from '../shared/prerender';
import { App, preloadRoute } from './app';
import { catchUpPrerendered, checkStorageAtLaunch, readPrerendered, seedPrerendered } from './data';
import { applyReadingPrefs, followReadingPrefs, readReadingPrefs } from './lib/reading-prefs';
import { startInstallSupport } from './install';
import { startServiceWorker } from './pwa';
import { whenSettled } from './lib/when-settled';
import './styles/index.css';

// The reader's settings (text size, theme, 长辈版 …) are applied to <html> before
// the first render. (A prerendered page has painted before this module runs:
// public/reading-prefs.js applied them for its first paint.)
applyReadingPrefs(readReadingPrefs());
// Settings changed in another tab (or the device's dark mode) apply here at once.
followReadingPrefs();

// Before the first render: Chromium fires beforeinstallprompt once, early.
startInstallSupport();

// A prerendered page (tools/prerender.ts) carries the data it shows: in memory
// before the first render, the app renders the same markup over it. Preact
// reuses the page's elements (nothing is replaced, so nothing flashes or moves)
// and corrects whatever differs, such as the reader's 省流量 choice.
const prerendered = readPrerendered(document);
if (prerendered) seedPrerendered(prerendered);

// Under the worker's boot view of an article (src/shared/boot.ts) this module
// runs after that view was painted (public/boot-loader.js) and renders hidden.
const root = document.getElementById('app');
if (root) {
  const start = (): void => {
    render(<App />, root);
    // The page's controls answer from now on (tests wait for this).
    document.documentElement.classList.remove(PRERENDERED_CLASS);
  };
  // Not a top-level await: route chunks import this module's chunk, which would wait for
  // itself forever.
  if (prerendered && root.firstElementChild) void preloadRoute(location.pathname).then(start);
  else start();
}
// What the page showed is stored by the worker once it controls the page (or, without
// one, by the page after its first paint), so it reads offline and search finds it.
if (prerendered) catchUpPrerendered(prerendered, whenSettled);

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
