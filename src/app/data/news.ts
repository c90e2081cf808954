import type { WorkerNews } from '../../shared/messages';
import { onWorkerNews } from '../pwa/worker-client';

/**
 * One stream of "what changed" for the page, whoever did the work: the
 * service worker (its BroadcastChannel news) or, when no worker controls the
 * page, the in-page sync fallback, which emits the very same messages. Views
 * and the data layer listen here and never care which one it was.
 */

type Listener = (news: WorkerNews) => void;

const listeners = new Set<Listener>();
let workerSubscription: (() => void) | undefined;

/** Delivers `news` to every listener (used for the worker's news and the in-page fallback's). */
export function emitNews(news: WorkerNews): void {
  for (const listener of [...listeners]) {
    try {
      listener(news);
    } catch (error) {
      // One broken listener must not keep the news from the others.
      console.warn('News listener failed', error);
    }
  }
}

/** Subscribes to the news; returns the unsubscribe function. */
export function onNews(listener: Listener): () => void {
  workerSubscription ??= onWorkerNews(emitNews);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
