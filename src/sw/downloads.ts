import type { Channel } from '../shared/feed/types';
import type { SyncFailure } from '../shared/messages';
import type { DownloadRecord } from '../shared/store';
import {
  deleteDownload,
  getDirectoryRecord,
  getDownload,
  getDownloads,
  StoreQuotaError,
  isQuotaError,
  putDownload,
  recordDownloadPage,
} from '../shared/store';
import { downloadChannels, toSyncFailure } from '../shared/sync';
import { database } from './db';
import { pruneDownloadImages } from './download-images';
import { broadcast } from './news';
import { isResumable } from './resumable';
import { keepWithinBudget, refreshDirectory } from './sync-jobs';

declare const self: ServiceWorkerGlobalScope;

/** A 下载离线 request, as the page sent it. */
export interface DownloadRequest {
  /** The request's id; pages cancel and follow progress by it. */
  readonly downloadId: string;
  readonly channelIds: readonly string[];
  readonly depth: number;
  readonly images: boolean;
}

/** Running downloads, so 取消下载 can stop one by id (and a resume does not run one twice). */
const running = new Map<string, AbortController>();

/**
 * Downloads cancelled while this worker runs: a resume that read the record
 * just before 取消下载 deleted it must not bring it back.
 */
const cancelled = new Set<string>();

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

/** True for a full disk (even after eviction). */
function isFull(error: unknown): boolean {
  return error instanceof StoreQuotaError || isQuotaError(error);
}

/** True when a failure means "try again later by itself" (the network), not "stop" (a full disk). */
function isInterruption(error: unknown, failure: SyncFailure): boolean {
  if (isFull(error)) return false;
  return failure.code === 'network' || failure.code === 'timeout';
}

/** Runs `plan` (new or resumed) to its end, keeping its record up to date after every page. */
async function run(
  plan: DownloadRecord,
  channels: readonly Channel[],
  controller: AbortController,
): Promise<void> {
  const db = await database();
  let record = plan;
  // Every progress of a continued download says so: a page opened after it
  // started again (the tab was closed) follows it from whichever news it hears first.
  const resumed = plan.resumed > 0;
  try {
    const result = await downloadChannels(db, channels, {
      depth: plan.depth,
      images: plan.images,
      signal: controller.signal,
      resume: { pages: plan.pages },
      // Awaited before the next page: what is recorded done is stored, so a cut loses nothing.
      onPageStored: async (page, progress) => {
        // Merged onto the stored record in one transaction (another run of it may be writing too).
        const counts = { articles: progress.articles, bytes: progress.bytes };
        const stored = await recordDownloadPage(db, plan.id, page, {
          ...counts,
          resumed: plan.resumed,
        });
        record = stored ?? { ...record, ...counts };
      },
      onProgress: (progress) => {
        broadcast({
          type: 'download-progress',
          downloadId: plan.id,
          channelIds: plan.channelIds,
          ...progress,
          ...(resumed && { resumed: true }),
        });
      },
    });
    // For developers: why paging stopped early (a loop, another origin).
    for (const problem of result.problems ?? []) console.warn(`下载离线: ${problem}`);
    // The network went part-way through: the pages it could not read are tried when it returns.
    const interrupted = result.failure !== undefined && isInterruption(undefined, result.failure);
    if (!interrupted) await deleteDownload(db, plan.id);
    broadcast({
      type: 'download-finished',
      downloadId: plan.id,
      articles: result.articles,
      images: result.images,
      cancelled: false,
      // Some channel failed part-way (the others were still downloaded).
      ...(result.failure ? { failure: result.failure } : {}),
      ...(interrupted && { interrupted }),
    });
  } catch (error) {
    const cancelled = controller.signal.aborted;
    const failure: SyncFailure | undefined = cancelled ? undefined : toSyncFailure(error);
    const interrupted = !cancelled && failure !== undefined && isInterruption(error, failure);
    if (interrupted) {
      // Kept as running: the next worker start, page message or `online` continues it.
      console.warn('下载离线 interrupted; it resumes when the connection returns', error);
    } else {
      // Cancelled, or a full disk or a refused document: not retried by itself (a full disk would loop).
      await deleteDownload(db, plan.id).catch(() => undefined);
    }
    broadcast({
      type: 'download-finished',
      downloadId: plan.id,
      articles: record.articles,
      images: 0,
      cancelled,
      ...(failure ? { failure } : {}),
      ...(interrupted && { interrupted }),
    });
  }
  // Whatever arrived before a cancel or failure is stored and counts too.
  await keepWithinBudget();
  // An article evicted mid-download may have had its pictures put after it went.
  if (plan.images) await pruneDownloadImages(db);
}

/**
 * Starts a download. `started` settles once the channels are known and the
 * plan is recorded (the page's reply: accepted or why not); `finished` once
 * every page and image is stored or the download was cancelled, cut off or
 * failed, which pages learn from WorkerNews (download-progress, then
 * download-finished) rather than from the reply, as a download outlives any
 * reasonable reply timeout.
 */
export function startDownload(
  request: DownloadRequest,
  directoryUrl: string,
): { started: Promise<void>; finished: Promise<void> } {
  const controller = new AbortController();
  running.set(request.downloadId, controller);
  const plan: DownloadRecord = {
    id: request.downloadId,
    channelIds: request.channelIds,
    depth: request.depth,
    images: request.images,
    startedAt: Date.now(),
    status: 'running',
    pages: [],
    articles: 0,
    bytes: 0,
    resumed: 0,
  };
  const ready = channelsFor(request.channelIds, directoryUrl).then(async (channels) => {
    await putDownload(await database(), plan);
    return channels;
  });
  const finished = ready
    .then((channels) => run(plan, channels, controller))
    // A failure to find the channels is the reply's to report (started rejects).
    .catch(() => undefined)
    .finally(() => running.delete(request.downloadId));
  return { started: ready.then(() => undefined), finished };
}

/**
 * Continues every download an interruption left unfinished (a lost connection,
 * a closed tab, a stopped worker) from the first page it had not stored.
 * Downloads running now, and ones stopped by a full disk, are left alone.
 */
export async function resumeDownloads(directoryUrl: string): Promise<void> {
  let plans: DownloadRecord[];
  try {
    plans = await getDownloads(await database());
  } catch (error) {
    console.warn('Could not read unfinished downloads', error);
    return;
  }
  const work = plans
    .filter((plan) => isResumable(plan, (id) => running.has(id) || cancelled.has(id)))
    .map(async (plan) => {
      const controller = new AbortController();
      running.set(plan.id, controller);
      try {
        const channels = await channelsFor(plan.channelIds, directoryUrl);
        await run({ ...plan, resumed: plan.resumed + 1 }, channels, controller);
      } catch (error) {
        console.warn('Could not resume a download', error);
      } finally {
        running.delete(plan.id);
      }
    });
  await Promise.all(work);
}

/**
 * 取消下载: stops the download `downloadId` if it runs (its run then forgets
 * it), or forgets an interrupted one so nothing resumes it. Either way what
 * it stored stays readable. Settles once the record is gone.
 * @throws StoreError when IndexedDB fails to delete an interrupted one's record.
 */
export async function cancelDownload(downloadId: string): Promise<void> {
  cancelled.add(downloadId);
  const controller = running.get(downloadId);
  if (controller) {
    controller.abort();
    return;
  }
  const db = await database();
  if (!(await getDownload(db, downloadId))) return;
  await deleteDownload(db, downloadId);
  // Other tabs showing it as paused hear that it is gone.
  broadcast({
    type: 'download-finished',
    downloadId,
    articles: 0,
    images: 0,
    cancelled: true,
  });
}

let checkedAtStart = false;

/**
 * Settles once `event` has been answered (or left to the network), and a task
 * later, so that the response goes out first.
 */
function afterAnswered(event: FetchEvent): Promise<void> {
  return event.handled
    .catch(() => undefined)
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/**
 * Resumes unfinished downloads when this worker starts. A worker the browser
 * stopped mid-download (idle workers are killed) gets no `activate` again when
 * it is started for a fetch or a message, so the first fetch event of each
 * start checks the downloads store, and keeps the worker alive for what it
 * resumes. Messages resume them too (messages.ts).
 *
 * The check waits until that first fetch is answered: it opens IndexedDB and
 * reads, which would otherwise run beside the navigation a cold start is
 * usually for (a ready page needs no IndexedDB at all).
 */
export function resumeDownloadsOnStart(directoryUrl: string): void {
  self.addEventListener('fetch', (event) => {
    if (checkedAtStart) return;
    checkedAtStart = true;
    event.waitUntil(afterAnswered(event).then(() => resumeDownloads(directoryUrl)));
  });
}
