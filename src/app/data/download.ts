import type { Channel } from '../../shared/feed/types';
import type { SyncFailure, WorkerNews } from '../../shared/messages';
import { announce } from '../lib/announce';
import { currentConnection, downloadGate } from '../lib/download-gate';
import { rememberDownload } from '../lib/ledger';
import { offlinePrefs } from '../lib/prefs';
import { createObservable } from '../lib/observable';
import { askWorker, hasWorker, newRequestId } from '../pwa/worker-client';
import { userMessageOfFailure } from './errors';
import { rereadChannel } from './live';
import { getDownloads } from '../../shared/store/index';
import { STORAGE_UNAVAILABLE_MESSAGE, localDatabase } from './database';
import { mayFollow } from './download-follow';
import { emitNews, onNews } from './news';
import { loadSyncModule } from './writer';

/**
 * 下载离线: fetching channels (pages up to the chosen depth, and their images)
 * so they can be read with no network. The worker does it when it controls the
 * page, the page itself otherwise; progress arrives as news either way. One
 * download runs at a time, which keeps the progress bar honest and the data
 * plan predictable.
 */

/** The download the settings page or a channel page shows. */
export interface DownloadState {
  readonly id: string;
  readonly channelIds: readonly string[];
  /** `interrupted`: cut off by the network; the worker continues it when the connection returns. */
  readonly status: 'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted';
  /** Steps (pages + images) done and known so far; `total` may grow as pages reveal more. */
  readonly done: number;
  readonly total: number;
  /** Articles stored so far (all of them, once finished). */
  readonly articles?: number;
  /** Approximate bytes of the articles stored so far. */
  readonly bytes?: number;
  /** It was continued after an interruption. */
  readonly resumed?: boolean;
  /** Why it failed, in the reader's words. */
  readonly message?: string;
}

/** The current (or last) download; undefined before the first one. */
export const download = createObservable<DownloadState | undefined>(undefined);

/** The answer to a start request: either it runs, or a sentence says why not. */
export type StartResult =
  { readonly started: true } | { readonly started: false; readonly message: string };

let controller: AbortController | undefined;
let listening = false;

/** Said when storage ran out mid-download (the download is not retried by itself). */
export const DOWNLOAD_FULL_MESSAGE = '存储空间已满，下载已停止。已下载的内容仍可离线阅读。';
/** Said of a download an earlier visit left unfinished, until the worker's news says it runs. */
export const DOWNLOAD_PAUSED_MESSAGE = '下载已暂停，联网时会从中断处继续。';
/** Said when the network went mid-download. */
export const DOWNLOAD_INTERRUPTED_MESSAGE = '网络已断开，下载已暂停，联网后会从中断处继续。';

function finish(news: Extract<WorkerNews, { type: 'download-finished' }>): void {
  const state = download.get();
  if (!state || state.id !== news.downloadId || state.status !== 'running') return;
  controller = undefined;
  lastAnnouncedQuarter = 0;
  if (news.interrupted) {
    download.set({ ...state, status: 'interrupted', message: DOWNLOAD_INTERRUPTED_MESSAGE });
    announce(DOWNLOAD_INTERRUPTED_MESSAGE);
  } else if (news.failure?.code === 'storage') {
    download.set({ ...state, status: 'failed', message: DOWNLOAD_FULL_MESSAGE });
    announce(DOWNLOAD_FULL_MESSAGE);
  } else if (news.cancelled) {
    download.set({ ...state, status: 'cancelled' });
    announce('已取消下载');
  } else if (news.failure && news.articles === 0) {
    const message = userMessageOfFailure(news.failure);
    download.set({ ...state, status: 'failed', articles: 0, message });
    announce(`下载没有完成：${message}`);
  } else {
    // Some channels may have failed while others arrived: that is still a download, say both.
    const message = news.failure ? '部分内容没有下载成功，可以稍后再试。' : undefined;
    download.set({
      ...state,
      status: 'finished',
      articles: news.articles,
      done: state.total,
      message,
    });
    announce(`下载完成：${news.articles} 篇文章`);
  }
  // The download rewrote whole channels: bring what is on screen up to date, quietly.
  for (const channelId of state.channelIds) void rereadChannel(channelId);
}

/** Progress is announced at each quarter, not on every step (a screen reader would never stop). */
let lastAnnouncedQuarter = 0;

function handleNews(news: WorkerNews): void {
  if (news.type === 'download-progress') {
    let state = download.get();
    if (news.resumed && news.channelIds && mayFollow(state, news.downloadId)) {
      // Continued by the worker after a cut (maybe before this page existed): follow it.
      state = {
        id: news.downloadId,
        channelIds: news.channelIds,
        status: 'running',
        done: 0,
        total: 0,
      };
      lastAnnouncedQuarter = 0;
      announce('已从中断处继续下载');
    }
    if (!state || state.id !== news.downloadId || state.status !== 'running') return;
    const total = Math.max(news.total, news.done);
    download.set({
      ...state,
      done: news.done,
      total,
      ...(news.articles !== undefined && { articles: news.articles }),
      ...(news.bytes !== undefined && { bytes: news.bytes }),
      ...(news.resumed && { resumed: true }),
    });
    const quarter = total > 0 ? Math.floor((news.done / total) * 4) : 0;
    if (quarter > lastAnnouncedQuarter && quarter < 4) {
      lastAnnouncedQuarter = quarter;
      announce(`已下载 ${news.articles ?? 0} 篇文章`);
    }
  } else if (news.type === 'download-finished') {
    finish(news);
  }
}

/** Asks the worker to continue what an interruption left unfinished (it keeps the plans). */
function askToResume(): void {
  if (!hasWorker()) return;
  askWorker({ type: 'resume-downloads', requestId: newRequestId() }).catch((error: unknown) =>
    console.warn('Could not ask the worker to resume downloads', error),
  );
}

/**
 * At launch: a download an earlier visit left unfinished (the tab was closed,
 * the network or the worker went) is shown as paused, with what it stored,
 * until the worker's news says it runs again.
 */
async function showUnfinished(): Promise<void> {
  const db = await localDatabase();
  if (!db) return;
  const plans = await getDownloads(db);
  const plan = plans.find((candidate) => candidate.status === 'running');
  if (!plan || download.get() !== undefined) return;
  download.set({
    id: plan.id,
    channelIds: plan.channelIds,
    status: 'interrupted',
    done: 0,
    total: 0,
    articles: plan.articles,
    bytes: plan.bytes,
    message: DOWNLOAD_PAUSED_MESSAGE,
  });
}

function listen(): void {
  if (listening) return;
  listening = true;
  onNews(handleNews);
  // The worker keeps an interrupted download; when the connection returns it continues it.
  globalThis.addEventListener?.('online', askToResume);
  if (typeof navigator === 'undefined') return;
  showUnfinished().catch((error: unknown) =>
    console.warn('Could not read unfinished downloads', error),
  );
  // A running worker hears no `online` for a connection that came back while no tab was open.
  if (navigator.onLine) askToResume();
}

// A download the worker resumes (after a reload or a stopped worker) is followed from the start.
listen();

const PERSIST_KEY = 'qilu:persist-asked';

/**
 * Asks the browser to keep our storage when space runs low, the first time the
 * reader shows they care about offline content (a download or a 收藏). Asked
 * once: browsers decide silently (or prompt), and asking on every click would
 * be nagging.
 */
export function askForPersistenceOnce(): void {
  try {
    if (localStorage.getItem(PERSIST_KEY)) return;
    localStorage.setItem(PERSIST_KEY, String(Date.now()));
  } catch {
    // Without localStorage we cannot remember having asked; asking again is harmless.
  }
  navigator.storage?.persist?.().catch((error: unknown) => {
    console.warn('storage.persist() failed', error);
  });
}

async function runInPage(id: string, channels: readonly Channel[], depth: number, images: boolean) {
  const db = await localDatabase();
  if (!db) throw new Error(STORAGE_UNAVAILABLE_MESSAGE);
  const sync = await loadSyncModule();
  const abort = new AbortController();
  controller = abort;
  let last = { channelId: channels[0]?.id ?? '', done: 0, total: 0 };
  try {
    const result = await sync.downloadChannels(db, [...channels], {
      depth,
      images,
      signal: abort.signal,
      onProgress: (progress) => {
        last = { ...last, ...progress };
        emitNews({ type: 'download-progress', downloadId: id, ...last });
      },
    });
    // For developers: why paging stopped early (a loop, another origin).
    for (const problem of result.problems ?? []) console.warn(`下载离线: ${problem}`);
    emitNews({
      type: 'download-finished',
      downloadId: id,
      articles: result.articles,
      images: result.images,
      cancelled: false,
      failure: result.failure,
    });
  } catch (error) {
    const failure: SyncFailure = sync.toSyncFailure(error);
    emitNews({
      type: 'download-finished',
      downloadId: id,
      articles: 0,
      images: 0,
      cancelled: abort.signal.aborted,
      failure: abort.signal.aborted ? undefined : failure,
    });
  }
}

/** How a download is made when not with the reader's current settings. */
export interface DownloadOptions {
  readonly depth: number;
  readonly images: boolean;
}

/**
 * Starts downloading `channels` with the reader's depth and image settings
 * (or `options`: a restore after an eviction uses those of the first time),
 * unless the connection or storage says no (then the sentence explains). The
 * choice is written to the offline ledger, to be made again if the browser
 * clears the site's storage.
 */
export async function startDownload(
  channels: readonly Channel[],
  options?: DownloadOptions,
): Promise<StartResult> {
  const prefs = offlinePrefs.get();
  const gate = downloadGate(currentConnection(), prefs.wifiOnly);
  if (!gate.allowed) return { started: false, message: gate.message };
  if (download.get()?.status === 'running') {
    return { started: false, message: '已有下载正在进行，请等它完成或取消后再试。' };
  }
  if (!(await localDatabase())) return { started: false, message: STORAGE_UNAVAILABLE_MESSAGE };

  listen();
  askForPersistenceOnce();
  // A new download replaces a paused one: both resuming would fetch the same pages twice.
  const paused = download.get();
  if (paused?.status === 'interrupted') forgetPaused(paused.id);
  const id = newRequestId();
  const channelIds = channels.map((channel) => channel.id);
  download.set({ id, channelIds, status: 'running', done: 0, total: 0 });
  announce('开始下载');
  const depth = options?.depth ?? prefs.depth;
  const images = options?.images ?? !prefs.noImages;
  rememberDownload(channelIds, depth, images);

  if (hasWorker()) {
    askWorker({ type: 'download', requestId: id, channelIds, depth, images }).then(
      (reply) => {
        // The finished news normally comes first; this covers a worker that only replies.
        if (!reply.ok) {
          finish({
            type: 'download-finished',
            downloadId: id,
            articles: 0,
            images: 0,
            cancelled: false,
            failure: reply.failure,
          });
        }
      },
      (error: unknown) => {
        console.warn('The service worker did not take the download; running it in the page', error);
        void runInPage(id, channels, depth, images);
      },
    );
  } else {
    void runInPage(id, channels, depth, images);
  }
  return { started: true };
}

/** Asks the worker to delete the record of paused download `id`, so nothing resumes it. */
function forgetPaused(id: string): void {
  askWorker({ type: 'cancel-download', requestId: newRequestId(), downloadId: id }).catch(
    (error: unknown) => console.warn('Could not cancel the paused download', error),
  );
}

/**
 * Stops the running download, or forgets a paused (interrupted) one so it
 * never resumes; what is stored so far stays either way.
 */
export function cancelDownload(): void {
  const state = download.get();
  if (state?.status === 'interrupted') {
    download.set({ ...state, status: 'cancelled' });
    announce('已取消下载');
    forgetPaused(state.id);
    return;
  }
  if (!state || state.status !== 'running') return;
  if (controller) {
    controller.abort();
    return;
  }
  askWorker({ type: 'cancel-download', requestId: newRequestId(), downloadId: state.id }).catch(
    (error: unknown) => console.warn('Could not cancel the download', error),
  );
}
