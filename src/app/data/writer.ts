import { FeedError } from '../../shared/feed/errors';
import type * as SyncModuleExports from '../../shared/sync/index';
import type { SyncResult, WorkerNews, WorkerReply, WorkerRequest } from '../../shared/messages';
import { lazyModule } from '../lib/lazy-module';
import { askWorker, hasWorker } from '../pwa/worker-client';
import { noteSyncFailure, noteSyncSuccess } from './connectivity';
import { earlyFetch } from './early-fetch';
import { failureToError } from './errors';
import { emitNews } from './news';

/**
 * Who writes the feed data in IndexedDB (the directory, channel pages and
 * articles, their feed metadata, and the search-index entries written with
 * them). One writer per request, chosen when the request is made:
 *
 * - the service worker, whenever one controls the page: the page sends the
 *   request and waits for the reply, and the worker's news tells every tab;
 * - the page itself otherwise (the first visit until the new worker claims the
 *   page, a browser without service workers, a hard reload), running the same
 *   src/shared/sync code, loaded on demand. Nobody else will announce what it
 *   wrote, so it emits the worker's news itself (news.ts), and its replies are
 *   the same SyncResults: the rest of the data layer cannot tell the two apart.
 *
 * A request the worker cannot take (the controller went away, no reply in
 * 30 s) is done in the page. A worker that takes control in mid-visit gets the
 * next request; work already running in the page finishes there. Each write is
 * one transaction either way, and the revisions the results carry say which
 * copy a page holds, so a late second write is read like any other news.
 *
 * The page writes the reader's own data itself, always (收藏, 已读, reading
 * position: saved.ts, marks.ts), and indexes articles it queued (search/).
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

/** Whether a request made now is the worker's to write (else the page writes it). */
export function workerWrites(): boolean {
  return hasWorker();
}

/** The worker did not answer at all (no controller any more, a timeout): do the work here. */
export const UNREACHABLE = Symbol('worker unreachable');

/**
 * Sends `request` to the worker; resolves its result, or {@link UNREACHABLE}
 * when the page is to write instead. A reply without an outcome resolves
 * undefined.
 * @throws the worker's failure, as an Error.
 */
export async function viaWorker(
  request: WorkerRequest,
): Promise<SyncResult | undefined | typeof UNREACHABLE> {
  if (!workerWrites()) return UNREACHABLE;
  let reply: WorkerReply;
  try {
    reply = await askWorker(request);
  } catch (error) {
    console.warn('The service worker did not answer; syncing in the page', error);
    return UNREACHABLE;
  }
  if (!reply.ok) {
    noteSyncFailure(reply.failure);
    throw failureToError(reply.failure);
  }
  noteSyncSuccess();
  if (!reply.outcome) return undefined;
  return reply.stored
    ? { outcome: reply.outcome, stored: reply.stored }
    : { outcome: reply.outcome };
}

/**
 * Does the work of a request in the page: runs `work` with the sync module
 * and announces its result as the worker would have (`news`, or on failure
 * `sync-failed`). `cold` is the URL to request at once, before the module has
 * loaded, when nothing is stored yet.
 */
export async function writeInPage<T>(
  cold: string | undefined,
  work: (sync: SyncModule, fetchImpl: typeof fetch | undefined) => Promise<T>,
  news: (result: T) => WorkerNews | undefined,
  channelId?: string,
): Promise<T> {
  // Once the module is here, an early request would save nothing.
  const fetchImpl = cold !== undefined && !syncModule.current() ? earlyFetch(cold) : undefined;
  const sync = await loadSyncModule();
  try {
    const result = await work(sync, fetchImpl);
    noteSyncSuccess();
    const done = news(result);
    if (done) emitNews(done);
    return result;
  } catch (error) {
    const failure = sync.toSyncFailure(error);
    noteSyncFailure(failure);
    emitNews({ type: 'sync-failed', channelId, failure });
    throw error;
  }
}
