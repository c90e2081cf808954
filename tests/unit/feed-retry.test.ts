import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/shared/feed/errors';
import { DEFAULT_RETRY, retryAfterMs, retryDelay } from '../../src/shared/feed/retry';

const NOW = Date.parse('2026-12-02T08:00:00Z');
const http = (status: number): FeedError => new FeedError('http', `HTTP ${status}`, status);

describe('Retry-After', () => {
  it('reads delta seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs(' 0 ', NOW)).toBe(0);
    expect(retryAfterMs('Wed, 02 Dec 2026 08:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 07:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs(null, NOW)).toBeUndefined();
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs('-5', NOW)).toBeUndefined();
    expect(retryAfterMs('9'.repeat(100), NOW)).toBeUndefined();
  });
});

describe('the retry policy', () => {
  const failed = (error: unknown, attempt = 1, extra: { retryAfterMs?: number } = {}) =>
    retryDelay(DEFAULT_RETRY, { error, attempt, online: true, ...extra }, () => 0.5);

  it('backs off 0.4 s, then 1.2 s, and stops after three tries', () => {
    expect(failed(http(503), 1)).toBe(400);
    expect(failed(http(503), 2)).toBe(1200);
    expect(failed(http(503), 3)).toBeUndefined();
  });

  it('spreads the waits by ±20 %', () => {
    const low = retryDelay(DEFAULT_RETRY, { error: http(500), attempt: 1, online: true }, () => 0);
    const high = retryDelay(DEFAULT_RETRY, { error: http(500), attempt: 1, online: true }, () => 1);
    expect([low, high]).toEqual([320, 480]);
  });

  it('retries 408, 425, 429 and 5xx, not other statuses', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504])
      expect(failed(http(status))).toBe(400);
    for (const status of [400, 401, 403, 404, 410, 501])
      expect(failed(http(status))).toBeUndefined();
  });

  it('follows Retry-After up to its cap, and gives up beyond it', () => {
    expect(failed(http(429), 1, { retryAfterMs: 3000 })).toBe(3000);
    expect(failed(http(429), 1, { retryAfterMs: 10_001 })).toBeUndefined();
  });

  it('retries a network error only while online; a stall or cut-off body once; a refusal never', () => {
    const network = new FeedError('network', 'reset');
    expect(failed(network, 2)).toBe(1200);
    expect(
      retryDelay(DEFAULT_RETRY, { error: network, attempt: 1, online: false }),
    ).toBeUndefined();
    const stalled = new FeedError('timeout', 'stalled');
    expect(failed(stalled, 1)).toBe(400);
    expect(failed(stalled, 2)).toBeUndefined();
    expect(failed(new FeedError('json', 'cut', undefined, { truncated: true }), 1)).toBe(400);
    for (const code of ['json', 'not-feed', 'moved', 'too-large', 'schema'] as const) {
      expect(failed(new FeedError(code, code))).toBeUndefined();
    }
    expect(failed(new Error('not a feed error'))).toBeUndefined();
  });
});
