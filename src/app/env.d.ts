/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the feed API lives (build-time, see vite.config.ts); may be relative to the page. */
  readonly FEED_BASE: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
