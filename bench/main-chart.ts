import type { FirstVisitResult } from './first-visit';
import { FIRST_VISIT_JS_BUDGET } from './first-visit';
import { pageGzipBytes } from './first-visit-totals';
import type { LighthouseRow } from './lighthouse';
import type { OfflineVisitResult } from './offline-visit';
import type { ChartRow } from './scale-chart';
import type { SlowFirstVisitResult } from './slow-first-visit';
import { SLOW_FIRST_VISIT_TARGET_MS } from './slow-first-visit';

/**
 * The page figures of issue 13 as bars of docs/benchmarks-chart.svg, each
 * against its budget: what a first visit fetches, the slow-4G first paragraph,
 * the offline visit against the service-worker floor, and Lighthouse's LCP and TBT.
 */

/** A first visit's script, every route, gzip KB against 30 KB. */
export function firstVisitChartRows(r: FirstVisitResult): ChartRow[] {
  return r.routes.map((route) => ({
    label: `first visit ${route.route}, JS gzip`,
    value: pageGzipBytes(route.totals, 'script') / 1024,
    budget: FIRST_VISIT_JS_BUDGET / 1024,
    unit: 'KB',
  }));
}

/** The slow-4G cold article's first paragraph, per network shape, against 1,000 ms. */
export function slowFirstVisitChartRows(r: SlowFirstVisitResult): ChartRow[] {
  return r.rows.map((row) => ({
    label: `article cold, ${row.latencyMs} ms slow 4G, 4× CPU`,
    value: Math.round(row.paintedMs),
    budget: SLOW_FIRST_VISIT_TARGET_MS,
    unit: 'ms',
  }));
}

/** The offline article at each CPU, as a multiple of the service-worker floor, against 1.3. */
export function offlineChartRows(r: OfflineVisitResult): ChartRow[] {
  return r.rows.map((row) => ({
    label: `offline article ${row.cpuSlowdown}× CPU, app / floor`,
    value: Number((row.appMs / row.floorMs).toFixed(2)),
    budget: 1.3,
    unit: '×',
  }));
}

/** Lighthouse's medians: LCP against 1,500 ms and TBT against 50 ms, per page. */
export function lighthouseChartRows(rows: readonly LighthouseRow[]): ChartRow[] {
  // lighthouserc's URLs, as the rows name them: a path, or a whole URL.
  const path = (url: string) => (url.startsWith('/') ? url : new URL(url).pathname);
  return rows.flatMap((row) => [
    {
      label: `Lighthouse ${path(row.url)} LCP`,
      value: Math.round(row.lcpMs),
      budget: 1500,
      unit: 'ms',
    },
    {
      label: `Lighthouse ${path(row.url)} TBT`,
      value: Math.round(row.tbtMs),
      budget: 50,
      unit: 'ms',
    },
  ]);
}
