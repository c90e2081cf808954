/** Where the build writes the service worker (vite-plugin-pwa, injectManifest), at the site root. */
export const WORKER_PATH = '/sw.js';
