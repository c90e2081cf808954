import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { APPLE_TOUCH_ICON, webManifest } from './tools/app-manifest';
import { afterPaintChunk } from './tools/after-paint-chunk';
import { contentApi } from './tools/content-api';
import { APP_CHUNK, closureChunk } from './tools/first-load-chunk';
import { precompress } from './tools/precompress';
import { prerender } from './tools/prerender';

/**
 * Where the app reads the feed API. Build-time, as DESIGN.md specifies; may be
 * another origin (served with CORS). Relative values resolve against the page URL.
 */
const FEED_BASE = process.env.FEED_BASE ?? '/api/';

/**
 * The service worker only runs in `vite build` output unless this is set: a worker
 * in dev would serve yesterday's modules from its precache and hide HMR edits.
 * The page reads the same flag (src/app/pwa) to decide whether to register.
 */
const SW_IN_DEV = process.env.VITE_SW_IN_DEV === 'true';

export default defineConfig({
  plugins: [
    preact(),
    contentApi(),
    // Every page as HTML (writeBundle): before the worker's precache list is built from disk.
    prerender({ feedBase: FEED_BASE }),
    VitePWA({
      // Our own worker (src/sw/sw.ts), with Workbox's precache list injected into it.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // src/app/pwa registers it through a Trusted Types policy; the plugin's
      // registration script would be an unsanctioned TrustedScriptURL sink.
      injectRegister: false,
      // manifest.webmanifest (tools/app-manifest.ts): the plugin writes it, links it from
      // index.html and precaches it with every icon it names (shortcut icons included).
      manifest: webManifest(),
      // iOS reads its home-screen icon from <link rel="apple-touch-icon">, not the manifest.
      includeAssets: [APPLE_TOUCH_ICON.file],
      injectManifest: {
        // The shell and every route chunk: whatever a navigation can need offline.
        // Not api/** (feeds live in IndexedDB, images in their own runtime cache)
        // and not the .br/.gz siblings (the browser never asks for those by name).
        // shell.html, not index.html: that is the prerendered home page, and every
        // navigation the worker answers gets the unrendered shell (tools/prerender.ts).
        globPatterns: [
          'shell.html',
          'assets/*.js',
          'assets/*.css',
          'favicon.svg',
          'boot-loader.js',
        ],
        globIgnores: ['**/*.br', '**/*.gz', 'api/**', 'sw.js', 'index.html'],
      },
      devOptions: { enabled: SW_IN_DEV, type: 'module' },
    }),
    // After the worker is written, so sw.js gets its .br/.gz too (both run in closeBundle,
    // this one with order 'post').
    precompress(),
  ],
  define: {
    'import.meta.env.FEED_BASE': JSON.stringify(FEED_BASE),
  },
  build: {
    target: 'es2022',
    // .vite/manifest.json: which stylesheets and chunks each route needs, for the prerendered
    // pages (tools/prerender-pages.ts). Neither served nor precached (a dot folder).
    manifest: true,
    // No modulepreload polyfill in the entry (about 0.4 KB gzip on every first visit): every
    // browser the es2022 target leaves but Safari 15.4–16 supports modulepreload, and those
    // fetch the shell as soon as the entry imports it, only without the head start.
    modulePreload: { polyfill: false },
    // One stylesheet for the whole app (5.8 KB gzip, within the 8 KB first-visit budget):
    // a prerendered page of any route paints fully styled from its one <link>, a lazy route
    // can never arrive unstyled and shift what is on screen, and the worker precaches one file.
    cssCodeSplit: false,
    outDir: process.env.OUT_DIR ?? 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            closureChunk('src/app/main.tsx'),
            closureChunk('src/app/start-app.tsx', APP_CHUNK),
            afterPaintChunk(),
          ],
        },
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/shared-build-setup.ts'],
  },
});
