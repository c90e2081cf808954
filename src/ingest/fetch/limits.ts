/**
 * How much one source may cost: bytes, time and redirects. Every reader of bytes (file or
 * HTTP) enforces the same limits, so a hostile or broken source is refused the same way
 * whichever way it arrives.
 */
export interface SourceLimits {
  /** Most bytes accepted, counted after Content-Encoding is undone (what we would hold in memory). */
  readonly maxBytes: number;
  /** The whole read, every redirect and the full body included. */
  readonly timeoutMs: number;
  /** Most redirects followed before the source is refused. */
  readonly maxRedirects: number;
}

/** 50 MiB, 30 s, 5 redirects: far above any real feed or article page, far below harm. */
export const DEFAULT_SOURCE_LIMITS: SourceLimits = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
});

/**
 * Longest silence allowed between two chunks of a response (or before its headers). A
 * server that trickles a byte every few seconds would otherwise hold the whole timeout;
 * this catches a stall sooner. Never longer than the overall timeout.
 */
export const IDLE_TIMEOUT_MS = 15_000;

/** The defaults with `overrides` applied; a limit that is not a sensible number is a programming error. */
export function resolveLimits(overrides: Partial<SourceLimits> = {}): SourceLimits {
  const limits = { ...DEFAULT_SOURCE_LIMITS, ...withoutUndefined(overrides) };
  requireCount('maxBytes', limits.maxBytes);
  requireCount('maxRedirects', limits.maxRedirects);
  requireCount('timeoutMs', limits.timeoutMs);
  if (limits.timeoutMs === 0) throw new RangeError('timeoutMs must be greater than 0');
  return limits;
}

function requireCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/** `{ maxBytes: undefined }` means "the default", not "no limit". */
function withoutUndefined(overrides: Partial<SourceLimits>): Partial<SourceLimits> {
  return Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<SourceLimits>;
}
