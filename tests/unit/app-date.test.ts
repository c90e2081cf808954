import { describe, expect, it } from 'vitest';
import { formatDateTime, formatListDate } from '../../src/app/lib/date';

describe('formatDateTime (the article 发布时间)', () => {
  it('shows the digits of the feed timestamp, not the device time zone', () => {
    expect(formatDateTime('2023-05-06T10:30:13+08:00')).toBe('2023-05-06 10:30:13');
    expect(formatDateTime('2023-05-06T23:59:59-05:00')).toBe('2023-05-06 23:59:59');
    expect(formatDateTime('2023-12-31T00:00:00Z')).toBe('2023-12-31 00:00:00');
  });

  it('accepts a lowercase t, a space separator and fractional seconds', () => {
    expect(formatDateTime('2023-05-06t10:30:13+08:00')).toBe('2023-05-06 10:30:13');
    expect(formatDateTime('2023-05-06 10:30:13.250+08:00')).toBe('2023-05-06 10:30:13');
  });

  it('fills in :00 when the timestamp has no seconds', () => {
    expect(formatDateTime('2023-05-06T10:30+08:00')).toBe('2023-05-06 10:30:00');
  });

  it('returns anything unparseable unchanged', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('2023-05-06')).toBe('2023-05-06');
  });
});

describe('formatListDate (lists)', () => {
  it('shows date and time to the minute in the feed offset', () => {
    expect(formatListDate('2023-05-06T10:30:13+08:00')).toBe('2023-05-06 10:30');
    expect(formatListDate('2024-02-29T07:05:00+08:00')).toBe('2024-02-29 07:05');
  });

  it('returns anything unparseable unchanged', () => {
    expect(formatListDate('not a date')).toBe('not a date');
  });
});
