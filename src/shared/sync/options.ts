/** Options of the sync functions; all optional. */
export interface SyncOptions {
  /** Aborting it stops the request; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Time limit per document in ms (default DEFAULT_TIMEOUT_MS of the feed module: 10 s). */
  readonly timeoutMs?: number;
  /** The fetch to use (tests pass a fake; the page may pass one that reuses an early request). */
  readonly fetch?: typeof fetch;
  /** The clock, for `fetchedAt` and error times (default Date.now). */
  readonly now?: () => number;
}
