import { FeedError } from './errors';

/**
 * When a failed feed request is worth another try, and how long to wait first.
 * Transient failures (a dropped connection, a stalled body, a busy or broken
 * server) usually pass within seconds; a refusal (404, a web page instead of a
 * feed, a document over the limit) does not, and retrying it only delays the
 * reader's message.
 */

/** How a request is retried. */
export interface RetryPolicy {
  /** Tries in all, the first included (1 = no retry). */
  readonly attempts: number;
  /** Wait before the first retry in ms; each further retry waits three times longer. */
  readonly baseDelayMs: number;
  /**
   * The longest Retry-After (429, 503) that is waited for; a server asking for
   * longer gets no retry, and the reader is told to come back later.
   */
  readonly maxRetryAfterMs: number;
}

/** What the app uses: three tries, 0.4 s and 1.2 s apart (±20 %), Retry-After up to 10 s. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 400,
  maxRetryAfterMs: 10_000,
};

/** A single try. */
export const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0, maxRetryAfterMs: 0 };

/** Statuses a server sends when it may answer in a moment. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * The Retry-After header in ms from `now`: delta seconds or an HTTP date;
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // Only a short value with a month or day name is taken for an HTTP date (Date.parse alone
  // reads "-5" as the year 5 BC, and no unbounded input reaches it).
  if (text.length > 40 || !/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The facts about one failed try that decide whether to try again. */
export interface FailedTry {
  readonly error: unknown;
  /** 1 for the first try. */
  readonly attempt: number;
  /** The server's Retry-After in ms, if it sent one. */
  readonly retryAfterMs?: number;
  /** False when the device says it is offline: a network error then is not worth a retry. */
  readonly online: boolean;
}

/**
 * The wait before the next try in ms, or undefined when the failure is final.
 * `random` (0..1) spreads retries of many clients apart.
 */
export function retryDelay(
  policy: RetryPolicy,
  failed: FailedTry,
  random: () => number = Math.random,
): number | undefined {
  if (failed.attempt >= policy.attempts) return undefined;
  const { error } = failed;
  if (!(error instanceof FeedError)) return undefined;
  const transient =
    (error.code === 'network' && failed.online) ||
    // A stalled body or a cut-off document is tried once more, not twice: each took its time.
    ((error.code === 'timeout' || (error.code === 'json' && error.truncated)) &&
      failed.attempt === 1) ||
    (error.code === 'http' && error.status !== undefined && TRANSIENT_STATUSES.has(error.status));
  if (!transient) return undefined;
  if (failed.retryAfterMs !== undefined) {
    return failed.retryAfterMs <= policy.maxRetryAfterMs ? failed.retryAfterMs : undefined;
  }
  const base = policy.baseDelayMs * 3 ** (failed.attempt - 1);
  return Math.round(base * (0.8 + 0.4 * random()));
}
