import { BROADCAST_CHANNEL } from '../../shared/messages';
import type { WorkerNews, WorkerReply, WorkerRequest } from '../../shared/messages';

/** Long enough for a slow feed (the sync's own timeout is shorter), short enough to fall back. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** No service worker controls this page, or it did not answer in time. */
export class WorkerUnavailableError extends Error {
  override readonly name = 'WorkerUnavailableError';
}

/**
 * Whether a service worker controls this page, i.e. whether {@link askWorker}
 * can work. Without one (first visit, unsupported, blocked, hard reload) the
 * page runs the shared sync itself.
 */
export function hasWorker(): boolean {
  return 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
}

/**
 * A fresh `requestId` for a {@link WorkerRequest} (also the id of a download).
 * `crypto.randomUUID` exists only in secure contexts; a plain-http LAN address is not one.
 */
export function newRequestId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Sends `request` to the controlling worker and resolves with its reply (which
 * may say `ok: false`, with the failure). Rejects with WorkerUnavailableError
 * when no worker controls the page or none answers within `timeoutMs`.
 *
 * A `download` is answered as soon as it started; its progress and end arrive
 * as WorkerNews (see {@link onWorkerNews}) under `downloadId` = its requestId.
 */
export function askWorker(
  request: WorkerRequest,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<WorkerReply> {
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
  if (!worker)
    return Promise.reject(new WorkerUnavailableError('No service worker controls the page'));
  return new Promise((resolve, reject) => {
    const { port1, port2 } = new MessageChannel();
    const timer = setTimeout(() => {
      port1.close();
      reject(new WorkerUnavailableError(`No reply to ${request.type} within ${timeoutMs} ms`));
    }, timeoutMs);
    port1.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.requestId !== request.requestId) return;
      clearTimeout(timer);
      port1.close();
      resolve(event.data);
    };
    worker.postMessage(request, [port2]);
  });
}

type NewsListener = (news: WorkerNews) => void;

const listeners = new Set<NewsListener>();
let channel: BroadcastChannel | undefined;

function isNews(data: unknown): data is WorkerNews {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

/**
 * Calls `listener` with every WorkerNews the worker broadcasts (any tab's
 * request, periodic sync, downloads, eviction). Returns the unsubscribe
 * function. One BroadcastChannel serves all listeners of the page.
 */
export function onWorkerNews(listener: NewsListener): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  if (!channel) {
    channel = new BroadcastChannel(BROADCAST_CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isNews(event.data)) return;
      for (const each of [...listeners]) each(event.data);
    };
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      channel?.close();
      channel = undefined;
    }
  };
}
