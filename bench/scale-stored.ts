import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { DB_NAME } from '../src/shared/cache-names';
import { launchBenchChromium } from './bench-browser';
import type { BenchServer } from './bench-server';
import { serveBuild } from './bench-server';
import { buildWithBenchPage, runPageStep } from './bundle-page';
import { hasStoredRecord } from './page-scripts';
import { pollPage } from './poll-page';
import type { FillResult, ScaleBenchSteps, StoreCounts } from './scale-stored-page';
import { corpusPool } from './search';
import { median, withTimeout } from './stats';
import { stopServiceWorkers, waitForController } from './service-worker-control';

/**
 * The app with 10,000 articles already stored, in real Chromium: the search
 * benchmark's corpus (bench/search-corpus.ts) written into the app's own
 * database through `putFeedPage` with the indexer (bench/scale-stored-page.ts)
 * as pages of 20 of 热点新闻, 滚动 and the 16 cities, then, offline with a
 * cold service worker, the home page and a city's channel page opened again
 * and again: time to the first stored item painted, the channel's 20 and the
 * next 20 after 「+更多」, the store's size and the tab's JS heap.
 */

/** Articles stored. */
export const STORED_ARTICLES = 10_000;
/** The channel page measured (a city: 31 or 32 pages of the corpus). */
export const PROBE_CHANNEL = 'jinan';
/** Measured runs per route and CPU setting (after one warm-up run). */
const RUNS = 5;
/** Cold reads of a page in the store query timing. */
export const QUERY_RUNS = 10;
/** CPU slowdowns (CDP Emulation.setCPUThrottlingRate). */
const RATES = [1, 4] as const;
/** Items of one channel page. */
const PAGE_SIZE = 20;

/** Aims: DESIGN.md's offline repeat-visit budget, taken as ours for the first screen, and its store budget. */
export const STORED_AIMS = {
  firstScreenMs: { 1: 250, 4: 600 },
  /** DESIGN.md: newest 20 of a channel ≤ 25 ms. */
  pageQueryMs: 25,
} as const;

/** A median with its spread, ms. */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** One route at one CPU setting. */
export interface RouteRow {
  readonly route: string;
  readonly rate: number;
  /** Navigation start → the first stored item painted. */
  readonly firstItem: Timing;
  /** Navigation start → the whole first page (20 items; home: its first list) painted. */
  readonly firstPage: Timing;
  /**
   * Navigation start → the app's own page in place, painted (under the worker's boot view the
   * app renders hidden, then takes over; without one this is when the first item painted).
   */
  readonly appReady: Timing;
  /** Median of: the shell answered by the cold worker (navigation responseEnd). */
  readonly shellMs: number;
  /** Median of: the last script that arrived before the first item was in the DOM (resource timing). */
  readonly scriptsMs: number;
  /** Press of 「+更多」 → the next 20 painted (channel page only). */
  readonly more?: Timing;
}

/** The tab's JS heap after a forced GC, with the page settled. */
export interface HeapRow {
  readonly route: string;
  /** Runtime.getHeapUsage usedSize. */
  readonly usedBytes: number;
  /** Performance.getMetrics JSHeapUsedSize. */
  readonly metricsBytes: number;
  /** performance.measureUserAgentSpecificMemory, when the page is cross-origin isolated. */
  readonly uaSpecificBytes?: number;
}

/** One store filled and measured, in a fresh browser context (a profile of its own). */
export interface StoredScenario {
  readonly fill: FillResult;
  readonly countsBefore: StoreCounts;
  readonly countsAfter: StoreCounts;
  readonly usageBytes: number;
  /** Cold reads of page 0 and 1 of PROBE_CHANNEL: open + read, and the read alone. */
  readonly query: readonly { rate: number; page: number; timing: Timing; readMs: number }[];
  readonly rows: readonly RouteRow[];
  readonly heap: readonly HeapRow[];
  /** What reached the server while the context was offline (should be nothing). */
  readonly offlineRequests: readonly string[];
  /** Whether the app's origin is cross-origin isolated (measureUserAgentSpecificMemory needs it). */
  readonly crossOriginIsolated: boolean;
}

/** Everything the report needs. */
export interface StoredScaleResult {
  readonly stored: StoredScenario;
  /** The same runs over a small store, to tell the app's own start from what 10,000 add. */
  readonly baseline: StoredScenario;
  readonly runs: number;
  readonly browser: string;
}

/** Articles of the baseline store: two pages in each of the 18 channels. */
export const BASELINE_ARTICLES = 720;

function timing(values: readonly number[]): Timing {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

function step<K extends keyof ScaleBenchSteps>(
  page: Page,
  name: K,
  args: Parameters<ScaleBenchSteps[K]>,
  ms = 900_000,
): Promise<Awaited<ReturnType<ScaleBenchSteps[K]>>> {
  return runPageStep(page, 'qiluScaleBench', name, args, ms) as Promise<
    Awaited<ReturnType<ScaleBenchSteps[K]>>
  >;
}

async function throttle(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

const PROBE = '__qiluStoredProbe';

/**
 * An init script: watches the DOM from the start for links to the expected
 * articles under `container`; records when the first one and when `full` of
 * them are in the DOM, and the frame after each (rAF, then a task: painted),
 * and whether the first had a box on screen then.
 */
function listProbe(container: string, ids: readonly string[], full: number): string {
  return `(() => {
  const container = ${JSON.stringify(container)};
  const ids = new Set(${JSON.stringify(ids)});
  const full = ${full};
  const state = { first: -1, firstPainted: -1, full: -1, fullPainted: -1, app: -1, appPainted: -1, visible: false, shell: -1, scripts: -1 };
  // The app's page: its list inside #app, with the worker's boot view (if any) gone.
  const appInPlace = () =>
    !document.getElementById('boot') &&
    !document.documentElement.classList.contains('booting') &&
    document.querySelector('#app ' + container + ' a[href^="/article/"]') !== null;
  window[${JSON.stringify(PROBE)}] = state;
  const links = () => [...document.querySelectorAll(container + ' a[href^="/article/"]')].filter((a) => {
    const id = decodeURIComponent(a.getAttribute('href').slice('/article/'.length).split(/[?#]/)[0]);
    return ids.has(id);
  });
  const afterPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  const observer = new MutationObserver(() => {
    const found = links();
    if (found.length > 0 && state.first < 0) {
      state.first = performance.now();
      const first = found[0];
      const before = state.first;
      afterPaint((t) => {
        state.firstPainted = t;
        state.visible = first.checkVisibility();
        const nav = performance.getEntriesByType('navigation')[0];
        state.shell = nav ? nav.responseEnd : -1;
        state.scripts = Math.max(-1, ...performance.getEntriesByType('resource')
          .filter((r) => /\\.js(?:\\?|$)/.test(r.name) && r.responseEnd <= before)
          .map((r) => r.responseEnd));
      });
    }
    if (found.length >= full && state.full < 0) {
      state.full = performance.now();
      afterPaint((t) => { state.fullPainted = t; });
    }
    if (state.app < 0 && appInPlace()) {
      state.app = performance.now();
      observer.disconnect();
      afterPaint((t) => { state.appPainted = t; });
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
})()`;
}

const PROBE_DONE = `(() => { const s = window[${JSON.stringify(PROBE)}]; return s && s.fullPainted >= 0 && s.firstPainted >= 0 && s.appPainted >= 0 ? s : false; })()`;

/** Clicks 「+更多」 and resolves with ms from the click until `target` items are painted. */
function pressMore(target: number, nextId: string): string {
  return `(async () => {
  const list = document.querySelector('.news-list');
  const button = document.querySelector('.channel-more__button');
  if (!list || !button) throw new Error('no list or no 更多 button');
  return await new Promise((resolve, reject) => {
    let start = 0;
    const observer = new MutationObserver(() => {
      const items = list.querySelectorAll(':scope > li');
      if (items.length < ${target}) return;
      observer.disconnect();
      const href = items[${target / 2}].querySelector('a[href^="/article/"]')?.getAttribute('href') || '';
      if (!href.endsWith('/' + encodeURIComponent(${JSON.stringify(nextId)}))) {
        reject(new Error('item ${target / 2 + 1} after 更多 is ' + href));
        return;
      }
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(list, { childList: true });
    start = performance.now();
    button.click();
  });
})()`;
}

interface Visit {
  readonly firstItem: number;
  readonly shell: number;
  readonly scripts: number;
  readonly firstPage: number;
  readonly appReady: number;
  readonly more?: number;
  readonly heap?: HeapRow;
}

/** One cold visit of `route` in a new tab at `rate`× CPU, offline, service worker stopped. */
async function visit(
  context: BrowserContext,
  origin: string,
  route: string,
  probe: string,
  rate: number,
  more: { target: number; nextId: string } | undefined,
  measureHeap: boolean,
): Promise<Visit> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await stopServiceWorkers(cdp);
    await throttle(cdp, rate);
    await page.addInitScript({ content: probe });
    await page.goto(`${origin}${route}`);
    const state = await pollPage<{
      firstPainted: number;
      fullPainted: number;
      appPainted: number;
      visible: boolean;
      shell: number;
      scripts: number;
    }>(page, PROBE_DONE, 120_000, `stored list on ${route}`);
    if (!state.visible)
      throw new Error(`${route}: the first stored item was painted without a box`);
    const moreMs =
      more &&
      (await withTimeout(
        page.evaluate<number>(pressMore(more.target, more.nextId)),
        120_000,
        `更多 on ${route}`,
      ));
    let heap: HeapRow | undefined;
    if (measureHeap) {
      // Let the start-up's background work (stored-page checks, upkeep messages) finish first.
      await page.waitForTimeout(2000);
      const uaSpecificBytes = await page.evaluate(async () => {
        const measure = (
          performance as Performance & {
            measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
          }
        ).measureUserAgentSpecificMemory;
        if (!self.crossOriginIsolated || !measure) return undefined;
        return (await measure.call(performance)).bytes;
      });
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      await cdp.send('Performance.enable');
      const metrics = await cdp.send('Performance.getMetrics');
      heap = {
        route,
        usedBytes: usage.usedSize,
        metricsBytes: metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN,
        ...(uaSpecificBytes !== undefined && { uaSpecificBytes }),
      };
    }
    return {
      firstItem: state.firstPainted,
      firstPage: state.fullPainted,
      appReady: state.appPainted,
      shell: state.shell,
      scripts: state.scripts,
      ...(moreMs !== undefined && { more: moreMs }),
      ...(heap && { heap }),
    };
  } finally {
    await page.close();
  }
}

/** A fresh context: the app run online once, `articleCount` stored, then measured offline. */
async function scenario(
  browser: Browser,
  server: BenchServer,
  articleCount: number,
): Promise<StoredScenario> {
  const context = await browser.newContext();
  try {
    // A returning reader: the app ran online once (worker installed, directory stored).
    const app = await context.newPage();
    await app.goto(`${server.origin}/`);
    await waitForController(app);
    await pollPage(app, hasStoredRecord(DB_NAME, 'directory', 'current'), 30_000, 'directory');
    await server.settled(1000);
    await app.close();

    const bench = await context.newPage();
    const benchCdp = await context.newCDPSession(bench);
    await bench.goto(`${server.origin}/bench-scale/index.html`);
    await bench.waitForFunction(() => window.qiluScaleBench !== undefined);
    const fill = await step(bench, 'fill', [articleCount]);
    const countsBefore = await step(bench, 'counts', []);
    // Let the browser settle its writes before asking how much disk they took.
    await bench.waitForTimeout(1000);
    const usageBytes = await step(bench, 'usage', []);
    const query: { rate: number; page: number; timing: Timing; readMs: number }[] = [];
    for (const rate of RATES) {
      await throttle(benchCdp, rate);
      for (const pageIndex of [0, 1]) {
        const times = await step(bench, 'pageQuery', [PROBE_CHANNEL, pageIndex, QUERY_RUNS]);
        query.push({
          rate,
          page: pageIndex,
          timing: timing(times.map((t) => t.openMs + t.readMs)),
          readMs: median(times.map((t) => t.readMs)),
        });
      }
    }
    await throttle(benchCdp, 1);

    const ids = (channel: string, index: number): readonly string[] =>
      fill.pageIds[channel]?.[index] ?? [];
    const routes = [
      {
        route: '/',
        // The home page's first lists: 热点新闻 (its first 8) and 滚动 (its first 10).
        probe: listProbe('.home', [...ids('hot', 0), ...ids('latest', 0)], 8),
        more: undefined,
      },
      {
        route: `/channel/${PROBE_CHANNEL}`,
        probe: listProbe('.news-list', ids(PROBE_CHANNEL, 0), PAGE_SIZE),
        more: { target: 2 * PAGE_SIZE, nextId: ids(PROBE_CHANNEL, 1)[0] ?? '' },
      },
    ];

    await context.setOffline(true);
    const responsesBefore = server.responses.length;
    const rows: RouteRow[] = [];
    const heap: HeapRow[] = [];
    for (const rate of RATES) {
      for (const route of routes) {
        const visits: Visit[] = [];
        for (let run = 0; run <= RUNS; run++) {
          // The last 1× run also measures the heap; run 0 warms the caches and is dropped.
          const measureHeap = rate === 1 && run === RUNS;
          const v = await visit(
            context,
            server.origin,
            route.route,
            route.probe,
            rate,
            route.more,
            measureHeap,
          );
          if (v.heap) heap.push(v.heap);
          if (run > 0) visits.push(v);
        }
        const moreTimes = visits.flatMap((v) => (v.more === undefined ? [] : [v.more]));
        rows.push({
          route: route.route,
          rate,
          firstItem: timing(visits.map((v) => v.firstItem)),
          firstPage: timing(visits.map((v) => v.firstPage)),
          appReady: timing(visits.map((v) => v.appReady)),
          shellMs: median(visits.map((v) => v.shell)),
          scriptsMs: median(visits.map((v) => v.scripts)),
          ...(moreTimes.length > 0 && { more: timing(moreTimes) }),
        });
      }
    }
    const offlineRequests = server.responses
      .slice(responsesBefore)
      .map((r) => `${r.method} ${r.url} ${r.status}`);
    await context.setOffline(false);
    const countsAfter = await step(bench, 'counts', []);
    const crossOriginIsolated = await bench.evaluate(() => self.crossOriginIsolated);
    return {
      fill,
      countsBefore,
      countsAfter,
      usageBytes,
      query,
      rows,
      heap,
      offlineRequests,
      crossOriginIsolated,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs the benchmark over the build in `dist`: a small store first (the
 * baseline), then `articleCount`. Takes a few minutes: 10,000 articles are
 * written and indexed, then each route is opened 2 × (1 + RUNS) times per store.
 */
export async function measureStoredScale(
  root: string,
  dist: string,
  articleCount: number = STORED_ARTICLES,
): Promise<StoredScaleResult> {
  const copy = await buildWithBenchPage(
    root,
    dist,
    'bench-scale',
    'scale-stored-page',
    await corpusPool(root),
  );
  const server = await serveBuild(copy.root);
  const browser = await launchBenchChromium();
  try {
    const baseline = await scenario(browser, server, Math.min(BASELINE_ARTICLES, articleCount));
    const stored = await scenario(browser, server, articleCount);
    return {
      stored,
      baseline,
      runs: RUNS,
      browser: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser.close();
    await server.close();
    await copy.dispose();
  }
}
