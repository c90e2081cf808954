import { untilAborted } from '../../shared/feed/abort';

/**
 * Deduplication of concurrent requests. Home, the header and a deep-linked
 * article can all ask for the same feed page in the same tick; they share one
 * network request. Each caller keeps its own AbortSignal: the shared request is
 * only aborted when every caller has given up on it.
 */

interface InFlight {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
}

const inFlight = new Map<string, InFlight>();

/** Options every loader of the data layer accepts. */
export interface LoadOptions {
  /** Abandons the wait (a shared request stops once nobody waits for it). */
  readonly signal?: AbortSignal;
}

/** Rejects with the signal's reason as soon as `signal` aborts; otherwise settles like `promise`. */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  return signal ? untilAborted(promise, signal) : promise;
}

/**
 * Runs `start` for `key` unless a request for the same key is already running,
 * in which case the caller joins it.
 */
export function dedupe<T>(
  key: string,
  start: (signal: AbortSignal) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  let entry = inFlight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: InFlight = {
      controller,
      waiters: 0,
      promise: start(controller.signal).finally(() => {
        if (inFlight.get(key) === created) inFlight.delete(key);
      }),
    };
    // Callers observe the promise through raceAbort; this keeps an abandoned
    // request from reporting an unhandled rejection.
    created.promise.catch(() => undefined);
    inFlight.set(key, created);
    entry = created;
  }
  const joined = entry;
  joined.waiters += 1;
  const release = () => {
    joined.waiters -= 1;
    if (joined.waiters === 0 && inFlight.get(key) === joined) {
      inFlight.delete(key);
      joined.controller.abort(signal?.reason);
    }
  };
  signal?.addEventListener('abort', release, { once: true });
  return raceAbort(joined.promise as Promise<T>, signal).finally(() =>
    signal?.removeEventListener('abort', release),
  );
}
