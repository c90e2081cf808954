/**
 * The Periodic Background Sync tag. Its own dependency-free module because both
 * sides use it: the page registers it (src/app/pwa), the worker answers it.
 */
export const PERIODIC_SYNC_TAG = 'qilu-refresh';
