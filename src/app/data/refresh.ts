import { FeedError } from '../../shared/feed/errors';
import type * as SyncModuleExports from '../../shared/sync/index';
import type { SyncOutcome, WorkerReply, WorkerRequest } from '../../shared/messages';
import type { StoreDb } from '../../shared/store/index';
import { askWorker, hasWorker, newRequestId } from '../pwa/worker-client';
import { noteSyncFailure, noteSyncSuccess } from './connectivity';
import { failureToError } from './errors';
import { emitNews } from './news';
import { lazyModule } from '../lib/lazy-module';
import { earlyFetch } from './early-fetch';
import { dedupe } from './requests';

/**
 * Asking for fresh data. The service worker does the fetching and writing
 * when it controls the page; before it does (the very first visit) or if it
 * does not answer, the page runs the same shared sync code itself, loaded on
 * demand so the feed parser never weighs on the first paint. Either way the
 * data lands in IndexedDB and the same news goes out (see news.ts), and the
 * caller reads IndexedDB afterwards.
 */

type SyncModule = typeof SyncModuleExports;

const syncModule = lazyModule<SyncModule>(
  () => import('../../shared/sync/index'),
  (error) => new FeedError('network', `Could not load the sync module: ${String(error)}`),
);

/** The shared sync code, downloaded once on first need. */
export function loadSyncModule(): Promise<SyncModule> {
  return syncModule.load();
}

/** The worker did not answer at all (no controller any more, a timeout): do the work here. */
const UNREACHABLE = Symbol('worker unreachable');

/** Sends `request` to the worker; resolves its outcome, or {@link UNREACHABLE}. */
async function viaWorker(
  request: WorkerRequest,
): Promise<SyncOutcome | undefined | typeof UNREACHABLE> {
  if (!hasWorker()) return UNREACHABLE;
  let reply: WorkerReply;
  try {
    reply = await askWorker(request);
  } catch (error) {
    console.warn('The service worker did not answer; syncing in the page', error);
    return UNREACHABLE;
  }
  if (reply.ok) {
    noteSyncSuccess();
    return reply.outcome;
  }
  noteSyncFailure(reply.failure);
  throw failureToError(reply.failure);
}

/** Runs `work` with the sync module and reports its result as news, like the worker would. */
async function inPage<T>(
  cold: string | undefined,
  work: (sync: SyncModule, fetchImpl: typeof fetch | undefined) => Promise<T>,
  onDone: (result: T) => void,
  channelId?: string,
): Promise<T> {
  // Once the module is here, an early request would save nothing.
  const fetchImpl = cold !== undefined && !syncModule.current() ? earlyFetch(cold) : undefined;
  const sync = await loadSyncModule();
  try {
    const result = await work(sync, fetchImpl);
    noteSyncSuccess();
    onDone(result);
    return result;
  } catch (error) {
    const failure = sync.toSyncFailure(error);
    noteSyncFailure(failure);
    emitNews({ type: 'sync-failed', channelId, failure });
    throw error;
  }
}

/** Options of a refresh. */
export interface RefreshOptions {
  /** Nothing is stored yet: the request may start before the sync code has loaded. */
  readonly cold?: boolean;
}

/** Fetches channels.json (conditionally) into IndexedDB. Concurrent calls share one sync. */
export function refreshDirectory(
  db: StoreDb,
  directoryUrl: string,
  opts: RefreshOptions = {},
): Promise<SyncOutcome | undefined> {
  return dedupe('sync:directory', async () => {
    const answer = await viaWorker({ type: 'sync-directory', requestId: newRequestId() });
    if (answer !== UNREACHABLE) return answer;
    return inPage(
      opts.cold ? directoryUrl : undefined,
      async (sync, fetchImpl) =>
        (await sync.syncDirectory(db, directoryUrl, fetchImpl ? { fetch: fetchImpl } : {})).outcome,
      () => emitNews({ type: 'directory-updated' }),
    );
  });
}

/** Fetches one page of a channel (conditionally) into IndexedDB. Concurrent calls share one sync. */
export function refreshPage(
  db: StoreDb,
  channelId: string,
  pageIndex: number,
  pageUrl: string,
  opts: RefreshOptions = {},
): Promise<SyncOutcome | undefined> {
  return dedupe(`sync:page:${channelId}:${pageIndex}:${pageUrl}`, async () => {
    const answer = await viaWorker({
      type: 'sync-page',
      requestId: newRequestId(),
      channelId,
      pageIndex,
      pageUrl,
    });
    if (answer !== UNREACHABLE) return answer;
    return inPage(
      opts.cold ? pageUrl : undefined,
      (sync, fetchImpl) =>
        sync.syncFeedPage(db, channelId, pageIndex, pageUrl, fetchImpl ? { fetch: fetchImpl } : {}),
      (outcome) => emitNews({ type: 'channel-updated', channelId, pageIndex, outcome }),
      channelId,
    );
  });
}

/**
 * Fetches article `articleId`'s own document (at `documentUrl`, which the
 * worker derives itself from the same rule) into IndexedDB. Concurrent calls
 * share one sync. Rejects when the producer publishes no such document (HTTP
 * 404) or it does not hold the article: the caller then reads the channels.
 */
export function refreshArticle(
  db: StoreDb,
  articleId: string,
  documentUrl: string,
  opts: RefreshOptions = {},
): Promise<SyncOutcome | undefined> {
  return dedupe(`sync:article:${documentUrl}`, async () => {
    const answer = await viaWorker({ type: 'sync-article', requestId: newRequestId(), articleId });
    if (answer !== UNREACHABLE) return answer;
    return inPage(
      opts.cold ? documentUrl : undefined,
      (sync, fetchImpl) =>
        sync.syncArticleDocument(db, articleId, documentUrl, fetchImpl ? { fetch: fetchImpl } : {}),
      // Nothing to announce: no channel page changed, and the caller reads the article itself.
      () => undefined,
    );
  });
}
