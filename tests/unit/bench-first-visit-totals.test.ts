import { describe, expect, it } from 'vitest';
import { firstVisitTotals, kindOf, pageGzipBytes } from '../../bench/first-visit-totals';
import type { RecordedRequest } from '../../bench/first-visit-totals';

/** Part of a recorded first visit of `/` (bench/first-visit.ts, Chromium, build of 2026-12-03). */
const request = (
  url: string,
  kind: RecordedRequest['kind'],
  sizes: [encoded: number, raw: number, gzip: number],
  byServiceWorker = false,
): RecordedRequest => ({
  url,
  sameOrigin: true,
  kind,
  status: 200,
  byServiceWorker,
  encodedBytes: sizes[0],
  rawBytes: sizes[1],
  gzipBytes: sizes[2],
});
const RECORDED: readonly RecordedRequest[] = [
  request('/', 'document', [505, 1409, 746]),
  request('/assets/index-Ca3yy-ap.js', 'script', [345, 698, 412]),
  request('/assets/shell-CALQAHM8.css', 'stylesheet', [3759, 19926, 4219]),
  request('/assets/shell-BDqttUx_.js', 'script', [29455, 92892, 33617]),
  request('/favicon.svg', 'other', [295, 295, 214]),
  request('/assets/register-gqs4CmZf.js', 'script', [2322, 6608, 2610]),
  request('/api/channels.json', 'fetch', [1200, 4000, 1300]),
  // The worker's precache downloads of the same files: not the page's bytes.
  request('/sw.js', 'script', [20000, 60000, 21000], true),
  request('/assets/shell-BDqttUx_.js', 'script', [29455, 92892, 33617], true),
  request('/api/channels.json', 'fetch', [1200, 4000, 1300], true),
];

describe('firstVisitTotals', () => {
  it('sums each kind of the page’s requests, in a fixed order, and lists the files', () => {
    const totals = firstVisitTotals(RECORDED);
    expect(totals.page.map((total) => total.kind)).toEqual([
      'document',
      'script',
      'stylesheet',
      'fetch',
      'other',
    ]);
    const scripts = totals.page.find((total) => total.kind === 'script');
    expect(scripts).toEqual({
      kind: 'script',
      count: 3,
      encodedBytes: 345 + 29455 + 2322,
      rawBytes: 698 + 92892 + 6608,
      gzipBytes: 412 + 33617 + 2610,
      urls: [
        '/assets/index-Ca3yy-ap.js',
        '/assets/shell-BDqttUx_.js',
        '/assets/register-gqs4CmZf.js',
      ],
    });
  });

  it('keeps the service worker’s requests out of the page’s totals', () => {
    const totals = firstVisitTotals(RECORDED);
    expect(pageGzipBytes(totals, 'script')).toBe(36639);
    expect(totals.serviceWorker).toEqual([
      {
        kind: 'script',
        count: 2,
        encodedBytes: 49455,
        rawBytes: 152892,
        gzipBytes: 54617,
        urls: ['/sw.js', '/assets/shell-BDqttUx_.js'],
      },
      {
        kind: 'fetch',
        count: 1,
        encodedBytes: 1200,
        rawBytes: 4000,
        gzipBytes: 1300,
        urls: ['/api/channels.json'],
      },
    ]);
  });

  it('lets a test hold the byte budgets: this visit is over 30 KB of JS, within 8 KB of CSS', () => {
    const totals = firstVisitTotals(RECORDED);
    expect(pageGzipBytes(totals, 'script') > 30 * 1024).toBe(true);
    expect(pageGzipBytes(totals, 'stylesheet')).toBe(4219);
    expect(pageGzipBytes(totals, 'font')).toBe(0);
  });

  it('counts nothing for no requests', () => {
    expect(firstVisitTotals([])).toEqual({ page: [], serviceWorker: [] });
  });
});

describe('kindOf', () => {
  it('maps Playwright resource types to the budget’s kinds', () => {
    expect(kindOf('script')).toBe('script');
    expect(kindOf('xhr')).toBe('fetch');
    expect(kindOf('fetch')).toBe('fetch');
    expect(kindOf('manifest')).toBe('manifest');
    expect(kindOf('texttrack')).toBe('other');
  });
});
