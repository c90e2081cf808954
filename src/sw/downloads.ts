import type { Channel } from '../shared/feed/types';
import type { SyncFailure } from '../shared/messages';
import { getDirectoryRecord } from '../shared/store';
import { downloadChannels, toSyncFailure } from '../shared/sync';
import { database } from './db';
import { broadcast } from './news';
import { keepWithinBudget, refreshDirectory } from './sync-jobs';

/** A 下载离线 request, as the page sent it. */
export interface DownloadRequest {
  /** The request's id; pages cancel and follow progress by it. */
  readonly downloadId: string;
  readonly channelIds: readonly string[];
  readonly depth: number;
  readonly images: boolean;
}

/** Running downloads, so 取消下载 can stop one by id. */
const running = new Map<string, AbortController>();

/**
 * The channels to download, from the stored directory (fetched first when this
 * device has none yet). Unknown ids are dropped; none known is an error.
 */
async function channelsFor(ids: readonly string[], directoryUrl: string): Promise<Channel[]> {
  const db = await database();
  let record = await getDirectoryRecord(db);
  if (!record) {
    await refreshDirectory(directoryUrl);
    record = await getDirectoryRecord(db);
  }
  const wanted = new Set(ids);
  const channels = record?.directory.channels.filter((channel) => wanted.has(channel.id)) ?? [];
  if (channels.length === 0) throw new Error(`No known channel among: ${ids.join(', ')}`);
  return channels;
}

/**
 * Starts a download. `started` settles once the channels are known (the page's
 * reply: accepted or why not); `finished` once every page and image is stored
 * or the download was cancelled or failed, which pages learn from WorkerNews
 * (download-progress, then download-finished) rather than from the reply, as a
 * download outlives any reasonable reply timeout.
 */
export function startDownload(
  request: DownloadRequest,
  directoryUrl: string,
): { started: Promise<void>; finished: Promise<void> } {
  const controller = new AbortController();
  running.set(request.downloadId, controller);
  const channels = channelsFor(request.channelIds, directoryUrl);
  const finished = channels
    .then(async (list) => {
      try {
        const db = await database();
        const result = await downloadChannels(db, list, {
          depth: request.depth,
          images: request.images,
          signal: controller.signal,
          onProgress: (progress) =>
            broadcast({ type: 'download-progress', downloadId: request.downloadId, ...progress }),
        });
        // For developers: why paging stopped early (a loop, another origin).
        for (const problem of result.problems ?? []) console.warn(`下载离线: ${problem}`);
        broadcast({
          type: 'download-finished',
          downloadId: request.downloadId,
          articles: result.articles,
          images: result.images,
          cancelled: false,
          // Some channel failed part-way (the others were still downloaded).
          ...(result.failure ? { failure: result.failure } : {}),
        });
      } catch (error) {
        const cancelled = controller.signal.aborted;
        const failure: SyncFailure | undefined = cancelled ? undefined : toSyncFailure(error);
        broadcast({
          type: 'download-finished',
          downloadId: request.downloadId,
          articles: 0,
          images: 0,
          cancelled,
          ...(failure ? { failure } : {}),
        });
      }
      // Whatever arrived before a cancel or failure is stored and counts too.
      await keepWithinBudget();
    })
    // A failure to find the channels is the reply's to report (started rejects).
    .catch(() => undefined)
    .finally(() => running.delete(request.downloadId));
  return { started: channels.then(() => undefined), finished };
}

/** Stops the download `downloadId`; true if one was running. */
export function cancelDownload(downloadId: string): boolean {
  const controller = running.get(downloadId);
  controller?.abort();
  return controller !== undefined;
}
