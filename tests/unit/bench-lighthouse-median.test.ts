import { describe, expect, it } from 'vitest';
import { medianRows } from '../../bench/lighthouse';
import type { LighthouseRow } from '../../bench/lighthouse';

const run = (url: string, performance: number, lcpMs: number, tbtMs: number): LighthouseRow => ({
  url,
  runs: 1,
  scores: { performance, accessibility: 1 },
  lcpMs,
  tbtMs,
  cls: 0.001,
});

describe('medianRows', () => {
  it('takes each URL’s median score and metric over its runs, one slow run left out', () => {
    const rows = medianRows([
      run('/', 0.96, 2353, 161),
      run('/article/a', 0.89, 2315, 348),
      run('/', 0.72, 4100, 900),
      run('/', 0.97, 2300, 150),
    ]);
    expect(rows).toEqual([
      {
        url: '/',
        runs: 3,
        scores: { performance: 0.96, accessibility: 1 },
        lcpMs: 2353,
        tbtMs: 161,
        cls: 0.001,
      },
      {
        url: '/article/a',
        runs: 1,
        scores: { performance: 0.89, accessibility: 1 },
        lcpMs: 2315,
        tbtMs: 348,
        cls: 0.001,
      },
    ]);
  });
});
