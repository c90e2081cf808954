/**
 * Build-time values the worker reads. vite-plugin-pwa builds the worker with the
 * app's `define`, so `import.meta.env.FEED_BASE` is replaced here exactly as in
 * the page (see vite.config.ts); `vite/client` types are DOM-only, hence this file.
 */
interface ImportMetaEnv {
  /** Where the feed API lives; relative values resolve against the worker's URL (the site root). */
  readonly FEED_BASE: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
