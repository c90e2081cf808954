/**
 * Runs at most one job per key at a time. A second request for a key whose job
 * is still running joins it instead of starting another: two tabs asking for the
 * same channel page within a second share one fetch and one IndexedDB write.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  /** `job()`'s promise, or the promise of the job already running under `key`. */
  run(key: string, job: () => Promise<T>): Promise<T> {
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    const started = job().finally(() => {
      if (this.running.get(key) === started) this.running.delete(key);
    });
    this.running.set(key, started);
    return started;
  }

  /** Whether a job for `key` is running (for tests and diagnostics). */
  has(key: string): boolean {
    return this.running.has(key);
  }
}

/**
 * Runs jobs one after another per key: in the worker, a sync of page 2 of 济南
 * from a new URL waits for the running one instead of interleaving its write
 * with it; in the page, a re-read of a page waits for the one running, which
 * may have read the very copy it was about to read.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Starts `job` once every earlier job under `key` has settled. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
