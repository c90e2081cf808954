import { render } from 'preact';
import { App } from './app';
import { isBooting, mirrorBootPrefs } from './lib/boot-view';
import { applyReadingPrefs, readReadingPrefs } from './lib/reading-prefs';
import { startServiceWorker } from './pwa';
import './styles/index.css';

// The reader's settings (text size, theme, 长辈版 …) are applied to <html> before
// the first render: the page has no server-rendered content, so this module
// script is the first paint's author and nothing flashes (no inline script needed).
applyReadingPrefs(readReadingPrefs());

const root = document.getElementById('app');
const start = (): void => {
  if (root) render(<App />, root);
};
// With the worker's boot view of an article on screen, the browser paints it
// first; the app's first render (hidden beneath it) waits for the frame after.
if (isBooting()) requestAnimationFrame(() => setTimeout(start, 0));
else start();

// Offline support: registered after load, in idle time, so it never delays the first paint.
startServiceWorker();

// The worker's boot view of a stored article wears the reader's settings too (src/shared/boot.ts).
addEventListener('load', () => setTimeout(mirrorBootPrefs, 0), { once: true });
