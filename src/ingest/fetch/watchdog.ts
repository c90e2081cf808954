import { IngestError } from '../errors';
import { IDLE_TIMEOUT_MS } from './limits';

/**
 * The clock over one HTTP read: an overall deadline, an idle timer reset by every sign of
 * life, and the caller's own signal. Whichever fires first aborts {@link signal}, which
 * destroys the request and its socket; {@link failure} then says why, so the caller
 * reports a timeout as 'timeout' and a cancellation as the caller's own reason.
 *
 * Timers are unref'd and cleared by {@link dispose}: a pending read never keeps the
 * process alive, and a finished one leaves nothing behind.
 */
export class Watchdog {
  private readonly controller = new AbortController();
  private readonly deadline: NodeJS.Timeout;
  private idle?: NodeJS.Timeout;
  private readonly idleMs: number;
  private cause?: IngestError | { readonly callerReason: unknown };
  private readonly onCallerAbort = (): void => {
    this.abort({ callerReason: this.callerSignal?.reason });
  };

  constructor(
    timeoutMs: number,
    private readonly callerSignal?: AbortSignal,
  ) {
    this.idleMs = Math.min(IDLE_TIMEOUT_MS, timeoutMs);
    this.deadline = setTimeout(() => {
      this.abort(new IngestError('timeout', `no complete response within ${timeoutMs} ms`));
    }, timeoutMs).unref();
    if (callerSignal?.aborted) this.onCallerAbort();
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.touch();
  }

  /** Aborted when the read must stop; pass it to whatever does I/O. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Something arrived (headers, a chunk): the idle timer starts again. */
  touch(): void {
    if (this.controller.signal.aborted) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.abort(new IngestError('timeout', `no data for ${this.idleMs} ms (connection stalled)`));
    }, this.idleMs).unref();
  }

  /**
   * Why the read was stopped, if it was: a 'timeout' IngestError, or the caller's abort
   * reason (cancelling is not a fault of the source, so it is passed through as given).
   */
  failure(): unknown {
    if (!this.cause) return undefined;
    return this.cause instanceof IngestError ? this.cause : this.cause.callerReason;
  }

  /** Throws {@link failure} if there is one; call it whenever an I/O error may have been ours. */
  throwIfStopped(): void {
    if (this.cause) throw this.failure();
  }

  /** Stops the timers and forgets the caller's signal. */
  dispose(): void {
    clearTimeout(this.deadline);
    clearTimeout(this.idle);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private abort(cause: NonNullable<Watchdog['cause']>): void {
    if (this.cause) return;
    this.cause = cause;
    this.dispose();
    this.controller.abort(cause instanceof IngestError ? cause : cause.callerReason);
  }
}
