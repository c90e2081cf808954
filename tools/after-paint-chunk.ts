import type { CodeSplittingGroup } from 'rolldown';

/** The chunk of what the page starts after its first paint, on every visit. */
export const AFTER_PAINT_CHUNK = 'after-paint';

/**
 * What main.tsx starts in idle time after load on every visit: the service
 * worker's registration (src/app/pwa/register.ts with workbox-window), the
 * storage launch check (src/app/data/launch-check.ts with the offline ledger,
 * src/app/lib/ledger.ts) and the boot view's copy of the settings
 * (src/app/lib/boot-prefs.ts). Left to itself the bundler makes four files of
 * them (the ledger is shared with the routes that record choices), each its
 * own request and gzip stream; one file is smaller, and the routes that need
 * the ledger find it downloaded already. Nothing here may be in the
 * first-load chunk: these modules are only ever imported lazily.
 */
export function afterPaintChunk(): CodeSplittingGroup {
  return {
    debugName: AFTER_PAINT_CHUNK,
    name: AFTER_PAINT_CHUNK,
    test: /[\\/](?:src[\\/]app[\\/](?:pwa[\\/]register|data[\\/]launch-check|lib[\\/]ledger|lib[\\/]boot-prefs)\.ts|node_modules[\\/]workbox-window[\\/])/,
  };
}
