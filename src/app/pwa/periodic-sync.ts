import { PERIODIC_SYNC_TAG } from '../../shared/periodic-sync-tag';

/** How often to ask for a background refresh; the browser decides the real interval. */
const MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** Periodic Background Sync (Chromium only, so not in TypeScript's DOM lib). */
interface PeriodicSyncManager {
  register(tag: string, options?: { minInterval?: number }): Promise<void>;
}

/**
 * Asks for a background refresh of the stored channels (src/sw/periodic-sync.ts)
 * when the browser offers Periodic Background Sync and has granted it, which
 * Chromium does only for an installed app. Never prompts, never fails loudly:
 * without it, refresh-on-open still keeps the reader current.
 */
export async function registerPeriodicSync(registration: ServiceWorkerRegistration): Promise<void> {
  const { periodicSync } = registration as ServiceWorkerRegistration & {
    periodicSync?: PeriodicSyncManager;
  };
  if (!periodicSync || !('permissions' in navigator)) return;
  try {
    // Not in the DOM lib's PermissionName union; browsers without it reject the query.
    const name = 'periodic-background-sync' as PermissionName;
    const { state } = await navigator.permissions.query({ name });
    if (state !== 'granted') return;
    await periodicSync.register(PERIODIC_SYNC_TAG, { minInterval: MIN_INTERVAL_MS });
  } catch (error) {
    console.warn('Periodic background sync not registered', error);
  }
}
