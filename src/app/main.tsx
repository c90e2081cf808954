import { render } from 'preact';
import { App } from './app';
import { checkStorageAtLaunch } from './data';
import { applyReadingPrefs, followReadingPrefs, readReadingPrefs } from './lib/reading-prefs';
import { startInstallSupport } from './install';
import { startServiceWorker } from './pwa';
import { whenSettled } from './lib/when-settled';
import './styles/index.css';

// The reader's settings (text size, theme, 长辈版 …) are applied to <html> before
// the first render: the page has no server-rendered content, so this module
// script is the first paint's author and nothing flashes (no inline script needed).
applyReadingPrefs(readReadingPrefs());
// Settings changed in another tab (or the device's dark mode) apply here at once.
followReadingPrefs();

// Before the first render: Chromium fires beforeinstallprompt once, early.
startInstallSupport();

// Under the worker's boot view of an article (src/shared/boot.ts) this module
// runs after that view was painted (public/boot-loader.js) and renders hidden.
const root = document.getElementById('app');
if (root) render(<App />, root);

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
