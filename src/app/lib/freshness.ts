/**
 * When stored data counts as old enough to ask the network again. Readers get
 * what IndexedDB has at once; a refresh runs behind it only when the copy is
 * older than this, so flipping between channels does not re-fetch every feed.
 */

/** Stored feeds younger than this are shown without asking for a refresh. */
export const STALE_AFTER_MS = 5 * 60 * 1000;

/**
 * Some slack for clocks: a `fetchedAt` slightly in the future is a clock that
 * moved a little; one far in the future means the clock was set back, and
 * trusting it would freeze the data until the clock caught up.
 */
const CLOCK_SKEW_MS = 60 * 1000;

/**
 * Whether data fetched at `fetchedAt` (ms since epoch, `undefined` = never)
 * should be refreshed at `now`.
 */
export function isStale(
  fetchedAt: number | undefined,
  now: number,
  maxAgeMs: number = STALE_AFTER_MS,
): boolean {
  if (fetchedAt === undefined || !Number.isFinite(fetchedAt)) return true;
  if (fetchedAt > now + CLOCK_SKEW_MS) return true;
  return now - fetchedAt >= maxAgeMs;
}

/** The later of two optional times (a page record and its feed metadata both know when it was fetched). */
export function latestTime(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 「更新于」 text: "MM-DD HH:mm" in the device's time zone (this is when this
 * device fetched the feed, not a newsroom time), plus the ISO string for
 * `<time datetime>`.
 */
export function formatFetchedAt(ms: number): { readonly iso: string; readonly text: string } {
  const date = new Date(ms);
  return {
    iso: date.toISOString(),
    text: `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}
