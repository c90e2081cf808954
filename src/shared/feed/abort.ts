/*
 * On its own, not in ./body.ts: the page's first load waits on requests with
 * it, and must not carry the body reading that only the feed parser uses.
 */

/**
 * Waits for `promise`, but rejects with the signal's reason as soon as it
 * aborts — whether or not whoever made the promise honours the signal (a
 * test double, a stream that ignores it).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
