import { mayRest, restUntilNeeded } from './first-visit';
import { startInstallSupport } from './install/capture';
import { applyReadingPrefs, followReadingPrefs, readReadingPrefs } from './lib/reading-prefs';
import './styles/index.css';

/**
 * The entry every page loads first. It is small on purpose: on a resting first
 * visit (./first-visit) it is all the script the page runs until the reader
 * uses a control. Every other visit starts the whole app (./start-app.tsx) at once.
 */

// The reader's settings (text size, theme, 长辈版 …) are applied to <html> before the app's
// first render. (A prerendered page has painted before this module runs:
// public/root-attributes.js applied them for its first paint.)
applyReadingPrefs(readReadingPrefs());
// Settings changed in another tab (or the device's dark mode) apply here at once, resting or not.
followReadingPrefs();

// Before the app: Chromium fires beforeinstallprompt once, early.
startInstallSupport();

const start = (options: { caughtUp: boolean }): Promise<void> =>
  import('./start-app').then(({ startApp }) => startApp(options));

if (mayRest(document, import.meta.env.PROD)) restUntilNeeded(document, start);
else
  start({ caughtUp: false }).catch((error: unknown) =>
    console.error('The app did not start', error),
  );
