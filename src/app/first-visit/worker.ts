import type { WorkerRequest } from '../../shared/messages';
import { WORKER_PATH } from '../pwa/worker-path';
import { askWorker, newRequestId } from '../pwa/worker-client';
import { trustedWorkerUrl } from '../pwa/trusted-url';
import type { ShownOnPage } from './shown';

/**
 * The service worker on a resting first visit: registered with the browser's
 * own API (the update flow of src/app/pwa/register.ts, with workbox-window, is
 * for a page a worker already controls; on a first visit there is no older
 * worker to replace), and, once it claims the page, asked to store what the
 * page shows so it reads offline and search finds it.
 */

/** The worker's requests that store `shown`; an article page's own article is recorded as read at `readAt`. */
export function catchUpRequests(shown: ShownOnPage, readAt: number): WorkerRequest[] {
  return [
    { type: 'sync-directory', requestId: newRequestId() },
    ...shown.pages.map(({ channelId, pageIndex, url }): WorkerRequest => ({
      type: 'sync-page',
      requestId: newRequestId(),
      channelId,
      pageIndex,
      pageUrl: url,
    })),
    ...shown.articleIds.map((articleId): WorkerRequest => ({
      type: 'sync-article',
      requestId: newRequestId(),
      articleId,
      readAt,
    })),
  ];
}

/**
 * Registers the worker and, when it first controls the page, sends it the
 * requests `requests()` gives then (none when the app has taken over
 * meanwhile: it asks for itself). A failure costs offline reading only, so it
 * is logged and nothing more.
 */
export function registerResting(requests: () => readonly WorkerRequest[]): void {
  const workers = navigator.serviceWorker;
  workers.addEventListener(
    'controllerchange',
    () => {
      for (const request of requests()) {
        askWorker(request).catch((error: unknown) =>
          console.info(`The worker did not store what the page shows (${request.type})`, error),
        );
      }
    },
    { once: true },
  );
  // The DOM's types leave TrustedScriptURL out of register(); browsers with Trusted Types take it.
  workers
    .register(trustedWorkerUrl(WORKER_PATH) as string, { scope: '/' })
    .catch((error: unknown) => console.warn('Service worker not registered', error));
}
