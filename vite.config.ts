import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { contentApi } from './build/content-api';
import { precompress } from './build/precompress';

/**
 * Where the app reads the feed API. Build-time, as DESIGN.md specifies; may be
 * another origin (served with CORS). Relative values resolve against the page URL.
 */
const FEED_BASE = process.env.FEED_BASE ?? '/api/';

export default defineConfig({
  plugins: [preact(), contentApi(), precompress()],
  define: {
    'import.meta.env.FEED_BASE': JSON.stringify(FEED_BASE),
  },
  build: {
    target: 'es2022',
    outDir: process.env.OUT_DIR ?? 'dist',
    emptyOutDir: true,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
