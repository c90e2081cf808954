import { render } from 'preact';
import { App } from './app';
import { applyReadingPrefs, readReadingPrefs } from './lib/reading-prefs';
import { startServiceWorker } from './pwa';
import './styles/index.css';

// The reader's settings (text size, theme, 长辈版 …) are applied to <html> before
// the first render: the page has no server-rendered content, so this module
// script is the first paint's author and nothing flashes (no inline script needed).
applyReadingPrefs(readReadingPrefs());

const root = document.getElementById('app');
if (root) render(<App />, root);

// Offline support: registered after load, in idle time, so it never delays the first paint.
startServiceWorker();
