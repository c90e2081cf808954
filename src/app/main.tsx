import { render } from 'preact';
import { App } from './app';
import { applyFontSize, readFontSize } from './lib/font-size';
import { startServiceWorker } from './pwa';
import './styles/index.css';

// The reader's text size is applied before the first render so the page never
// paints at one size and jumps to another (no inline script needed in HTML).
applyFontSize(readFontSize());

const root = document.getElementById('app');
if (root) render(<App />, root);

// Offline support: registered after load, in idle time, so it never delays the first paint.
startServiceWorker();
