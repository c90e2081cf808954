import { getChannelPageRecord, getDirectoryRecord, storedChannelIds } from '../shared/store';
import { database } from './db';
import { PERIODIC_SYNC_TAG } from '../shared/periodic-sync-tag';
import { refreshChannelPage, refreshDirectory } from './sync-jobs';

declare const self: ServiceWorkerGlobalScope;

/** Periodic Background Sync's event (Chromium only, so not in TypeScript's WebWorker lib). */
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    periodicsync: PeriodicSyncEvent;
  }
}

/**
 * Refreshes what this reader already keeps: the directory and the first page of
 * every channel with a stored first page. Channels never opened are not fetched
 * in the background (no surprise data use); failures are broadcast by the jobs
 * and do not stop the other channels.
 */
export async function refreshStoredChannels(directoryUrl: string): Promise<void> {
  await refreshDirectory(directoryUrl).catch(() => undefined);
  const db = await database();
  const directory = (await getDirectoryRecord(db))?.directory;
  for (const channelId of await storedChannelIds(db)) {
    // The directory's address wins: it may have moved since the page was stored.
    const url =
      directory?.channels.find((channel) => channel.id === channelId)?.feedUrl ??
      (await getChannelPageRecord(db, channelId, 0))?.url;
    if (!url) continue;
    // One at a time: a background wake-up is short and shared with the whole device.
    await refreshChannelPage(channelId, 0, url).catch(() => undefined);
  }
}

/** Refreshes stored channels when the browser grants a periodic sync. */
export function refreshPeriodically(directoryUrl: string): void {
  self.addEventListener('periodicsync', (event) => {
    if (event.tag !== PERIODIC_SYNC_TAG) return;
    event.waitUntil(refreshStoredChannels(directoryUrl));
  });
}
