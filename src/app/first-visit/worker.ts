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

/**
 * The worker's requests that store `shown`: each list with the ids the page
 * shows of it (the reply says whether the stored one differs), and an article
 * page's own article, recorded as read at `readAt`.
 */
export function catchUpRequests(shown: ShownOnPage, readAt: number): WorkerRequest[] {
  const pages = shown.pages.map(({ channelId, pageIndex, url, itemIds }): WorkerRequest => ({
    type: 'sync-page',
    requestId: newRequestId(),
    channelId,
    pageIndex,
    pageUrl: url,
    shownIds: itemIds,
  }));
  const articles = shown.articleIds.map((articleId): WorkerRequest => ({
    type: 'sync-article',
    requestId: newRequestId(),
    articleId,
    readAt,
  }));
  return [{ type: 'sync-directory', requestId: newRequestId() }, ...pages, ...articles];
}

/** What the resting page hears from its worker. */
export interface RestingWorkerHooks {
  /** The requests to send once the worker controls the page (none once the app has taken over). */
  readonly catchUp: () => readonly WorkerRequest[];
  /** The worker stored a newer list than the page shows. */
  readonly onNewer: () => void;
  /** The worker controls the page: it takes messages from now on. */
  readonly onControlled: () => void;
}

/**
 * Registers the worker and, when it first controls the page, sends it the
 * catch-up requests; a stored page that lists other articles than the page
 * shows calls `onNewer`. A failure costs offline reading only, so it is logged
 * and nothing more.
 */
export function registerResting(hooks: RestingWorkerHooks): void {
  const workers = navigator.serviceWorker;
  workers.addEventListener(
    'controllerchange',
    () => {
      hooks.onControlled();
      for (const request of hooks.catchUp()) {
        askWorker(request).then(
          (reply) => {
            if (reply.ok && reply.differs === true) hooks.onNewer();
          },
          (error: unknown) =>
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

/** Asks the worker to remember the reading position (best effort: a lost position is no loss). */
export function sendPosition(articleId: string, fraction: number): void {
  askWorker({ type: 'set-position', requestId: newRequestId(), articleId, fraction }).catch(
    (error: unknown) => console.info('The reading position was not recorded', error),
  );
}
