import type { Channel } from '../../shared/feed/types';
import { readLedger, rememberSaved } from '../lib/ledger';
import type { LedgerSaved } from '../lib/ledger';
import { askWorker, hasWorker, newRequestId } from '../pwa/worker-client';
import { getArticle } from './article-lookup';
import { getDirectory } from './directory';
import type { DownloadState } from './download';
import { download, startDownload } from './download';
import { resaveArticle } from './saved';

/**
 * Downloading the reader's choices again after the browser cleared the site's
 * storage (./evicted.ts decides when): each saved article from its own
 * document (or the channels, as any article lookup), saved again with its old
 * save time, then the chosen channels through the ordinary 下载离线 (the
 * worker when it controls the page, else the page). Loaded only when needed.
 */

/** How the restore went. */
export interface RestoreResult {
  /** Everything listed was restored (or is known to be gone): nothing to retry. */
  readonly complete: boolean;
  /** It stopped for lack of a network; the rest waits for the connection. */
  readonly offline: boolean;
  /** Articles stored again (the download's and the saved ones). */
  readonly articles: number;
  /** Saved articles that could not be fetched this time. */
  readonly missing: number;
  /** The chosen channels' download did not start or ended with an error (not a lost connection). */
  readonly channelsFailed: boolean;
}

/** Saved articles fetched at the same time. */
const SAVED_CONCURRENCY = 3;

/** Fetches and saves one article again; `gone` when it is published nowhere any more, `failed` is worth a retry. */
async function restoreOne(entry: LedgerSaved): Promise<'saved' | 'gone' | 'failed'> {
  try {
    const found = await getArticle(entry.id);
    if (!found) return 'gone';
    await resaveArticle(found.article, entry.at);
    return 'saved';
  } catch (error) {
    console.warn(`Saved article "${entry.id}" could not be restored`, error);
    return 'failed';
  }
}

async function restoreSaved(saved: readonly LedgerSaved[]) {
  let restored = 0;
  let failed = 0;
  const gone: string[] = [];
  for (let i = 0; i < saved.length; i += SAVED_CONCURRENCY) {
    const batch = saved.slice(i, i + SAVED_CONCURRENCY);
    const outcomes = await Promise.all(batch.map(restoreOne));
    outcomes.forEach((outcome, index) => {
      if (outcome === 'saved') restored += 1;
      else if (outcome === 'failed') failed += 1;
      else if (batch[index]) gone.push(batch[index].id);
    });
    // The connection went: stop asking, the rest is done when it returns.
    if (navigator.onLine === false) break;
  }
  // Published no more (not found anywhere): not to be looked for at every launch.
  if (gone.length > 0) rememberSaved(gone.map((id) => ({ id, at: undefined })));
  return { restored, failed: failed + (saved.length - restored - failed - gone.length) };
}

/** Resolves how the download `id` ended. */
function downloadEnd(id: string): Promise<DownloadState> {
  return new Promise((resolve) => {
    const check = (state: DownloadState | undefined): boolean => {
      if (state?.id !== id || state.status === 'running') return false;
      resolve(state);
      return true;
    };
    if (check(download.get())) return;
    const stop = download.subscribe((state) => {
      if (check(state)) stop();
    });
  });
}

async function restoreChannels(
  channelIds: readonly string[],
  depth: number,
  images: boolean,
): Promise<{ articles: number; complete: boolean; offline: boolean }> {
  const none = { articles: 0, complete: true, offline: false };
  if (channelIds.length === 0) return none;
  const directory = await getDirectory();
  const channels = channelIds
    .map((id) => directory.channels.find((channel) => channel.id === id))
    .filter((channel): channel is Channel => channel !== undefined);
  if (channels.length === 0) return none;
  const started = await startDownload(channels, { depth, images });
  if (!started.started) {
    console.warn(`The download after an eviction did not start: ${started.message}`);
    return { articles: 0, complete: false, offline: false };
  }
  const id = download.get()?.id;
  if (id === undefined) return { articles: 0, complete: false, offline: false };
  const end = await downloadEnd(id);
  return {
    articles: end.articles ?? 0,
    // Cancelled by the reader: their decision, not to be made for them again at the next launch.
    complete:
      (end.status === 'finished' && end.message === undefined) || end.status === 'cancelled',
    offline: end.status === 'interrupted',
  };
}

/**
 * Has the worker fetch the app shell files the eviction took from its
 * precache (src/sw/precache-repair.ts), so the app opens offline again.
 */
async function repairShell(): Promise<void> {
  if (!hasWorker()) return;
  try {
    const reply = await askWorker({ type: 'repair-shell', requestId: newRequestId() });
    if (!reply.ok) console.warn('The worker could not repair the app shell', reply.failure);
  } catch (error) {
    console.warn('The worker did not repair the app shell', error);
  }
}

/**
 * Restores what the offline ledger lists: the app shell first (without it
 * nothing opens offline), then saved articles (few, and what the reader cared
 * about most), then the chosen channels.
 */
export async function restoreChoices(): Promise<RestoreResult> {
  const ledger = readLedger();
  if (!ledger) {
    return { complete: true, offline: false, articles: 0, missing: 0, channelsFailed: false };
  }
  await repairShell();
  const saved = await restoreSaved(ledger.saved);
  if (navigator.onLine === false) {
    return {
      complete: false,
      offline: true,
      articles: saved.restored,
      missing: saved.failed,
      channelsFailed: false,
    };
  }
  const channels = await restoreChannels(ledger.channels, ledger.depth, ledger.images);
  return {
    complete: channels.complete && saved.failed === 0,
    offline: channels.offline,
    articles: channels.articles + saved.restored,
    missing: saved.failed,
    channelsFailed: !channels.complete && !channels.offline,
  };
}
