import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, formatFetchedAt, isStale, latestTime } from '../../src/app/lib/freshness';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('isStale', () => {
  it('treats data never fetched as stale', () => {
    expect(isStale(undefined, NOW)).toBe(true);
    expect(isStale(Number.NaN, NOW)).toBe(true);
  });

  it('keeps data younger than five minutes, refreshes it from five minutes on', () => {
    expect(STALE_AFTER_MS).toBe(5 * 60 * 1000);
    expect(isStale(NOW - 1000, NOW)).toBe(false);
    expect(isStale(NOW - STALE_AFTER_MS + 1, NOW)).toBe(false);
    expect(isStale(NOW - STALE_AFTER_MS, NOW)).toBe(true);
    expect(isStale(NOW - 24 * 60 * 60 * 1000, NOW)).toBe(true);
  });

  it('honours a custom age', () => {
    expect(isStale(NOW - 2000, NOW, 1000)).toBe(true);
    expect(isStale(NOW - 500, NOW, 1000)).toBe(false);
  });

  it('tolerates a slightly fast clock but refreshes data stamped far in the future', () => {
    expect(isStale(NOW + 10_000, NOW)).toBe(false);
    expect(isStale(NOW + 60 * 60 * 1000, NOW)).toBe(true);
  });
});

describe('latestTime', () => {
  it('picks the later of two times, ignoring a missing one', () => {
    expect(latestTime(1, 2)).toBe(2);
    expect(latestTime(3, undefined)).toBe(3);
    expect(latestTime(undefined, 4)).toBe(4);
    expect(latestTime(undefined, undefined)).toBeUndefined();
  });
});

describe('formatFetchedAt', () => {
  it('gives MM-DD HH:mm in local time and the ISO instant for <time datetime>', () => {
    const local = new Date(2026, 0, 5, 7, 3, 59).getTime();
    const { iso, text } = formatFetchedAt(local);
    expect(text).toBe('01-05 07:03');
    expect(iso).toBe(new Date(local).toISOString());
  });
});
