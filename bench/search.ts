import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildContentApi } from '../content/lib/api';
import { CHANNELS } from '../content/lib/channels';
import { parseFeedPage } from '../src/shared/feed';
import { launchBenchChromium } from './bench-browser';
import { buildWithBenchPage, runPageStep } from './bundle-page';
import { serveBuild } from './bench-server';
import { pollPage } from './poll-page';
import type { CorpusPool } from './search-corpus';
import type { CorpusFacts, IndexSize, RecallRow, SearchBenchSteps, WriteRun } from './search-page';
import { median } from './stats';
import { stopServiceWorkers, waitForController } from './service-worker-control';

/**
 * Offline search over 10,000 generated Chinese articles (bench/search-corpus.ts),
 * in real Chromium: the app's own write path and engine against MiniSearch 7
 * with an Intl.Segmenter tokenizer, on the same corpus and the same 200 queries.
 *
 * Measured: indexing cost per article (putFeedPage with the indexer minus
 * without, plus the merges the upkeep does), the index's size against the
 * stored text, a first query on a cold start (the engine alone, and the app:
 * navigation to /search?q= until the first result is on screen), query
 * latency p50/p95 at 4× CPU slowdown, and recall over the first 500 results.
 */

/** Articles in the corpus. */
export const SEARCH_ARTICLES = 10_000;
/** CPU slowdown of the latency targets. */
const SLOW_CPU = 4;
/** App-start runs per CPU setting (medians are reported). */
const APP_RUNS = 3;
/** The query of the app-start runs. */
const APP_QUERY = '济南';

/** Targets from the issue. */
export const SEARCH_TARGETS = {
  indexMsPerArticle: 5,
  sizeRatio: 2,
  firstQueryMs: 1000,
  p95Ms: 50,
} as const;

/** Latency percentiles in ms. */
export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** Recall and precision over the first 500 results, with per-kind recall. */
export interface Recall {
  /** Right answers found / right answers (capped at 500 per query), over all queries. */
  readonly recall: number;
  /** Queries with every right answer found. */
  readonly complete: number;
  /** Results that do not contain the query / results. */
  readonly wrongShare: number;
  readonly byKind: Record<string, number>;
}

/** One engine's numbers. */
export interface EngineResult {
  readonly indexMsPerArticle: number;
  readonly indexBytes: number;
  readonly firstQueryMs: { readonly normal: number; readonly slow: number };
  readonly latency: { readonly normal: Latency; readonly slow: Latency };
  readonly recall: Recall;
}

/** Everything bench/run.ts reports. */
export interface SearchBenchResult {
  readonly corpus: CorpusFacts;
  readonly plain: WriteRun;
  readonly indexed: WriteRun;
  readonly size: IndexSize;
  readonly ours: EngineResult;
  readonly mini: EngineResult & { readonly saveMs: number };
  /** Navigation to /search?q= until the first result is painted, medians (ms). */
  readonly appFirstResultMs: { readonly normal: number; readonly slow: number };
  readonly browser: string;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

function latency(values: readonly number[]): Latency {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95), max: Math.max(...values) };
}

function recall(rows: readonly RecallRow[]): Recall {
  const expected = rows.reduce((sum, row) => sum + row.expected, 0);
  const found = rows.reduce((sum, row) => sum + row.found, 0);
  const returned = rows.reduce((sum, row) => sum + row.found + row.wrong, 0);
  const kinds = new Map<string, { expected: number; found: number }>();
  for (const row of rows) {
    const kind = kinds.get(row.kind) ?? { expected: 0, found: 0 };
    kind.expected += row.expected;
    kind.found += row.found;
    kinds.set(row.kind, kind);
  }
  return {
    recall: expected === 0 ? 1 : found / expected,
    complete: rows.filter((row) => row.found >= row.expected).length,
    wrongShare: returned === 0 ? 0 : rows.reduce((sum, row) => sum + row.wrong, 0) / returned,
    byKind: Object.fromEntries(
      [...kinds].map(([kind, row]) => [kind, row.expected === 0 ? 1 : row.found / row.expected]),
    ),
  };
}

/** Sentences and headlines of the content/ articles, the corpus is made from. */
export async function corpusPool(root: string): Promise<CorpusPool> {
  const api = await buildContentApi({ contentDir: path.join(root, 'content') });
  const sentences = new Set<string>();
  const titles = new Set<string>();
  for (const [name, file] of api) {
    if (!name.startsWith('feeds/')) continue;
    const page = parseFeedPage(JSON.parse(file.body), `https://bench.example/api/${name}`);
    for (const item of page.items) {
      titles.add(item.title);
      for (const sentence of item.text.split(/(?<=[。！？])/u)) {
        const trimmed = sentence.trim();
        // Not the demo notes and credits: the corpus is news text.
        if (trimmed.length >= 8 && trimmed.length <= 160 && !/示例|（|）/u.test(trimmed)) {
          sentences.add(trimmed);
        }
      }
    }
  }
  const cities = CHANNELS.filter((channel) => channel.kind === 'city').map(({ id, title }) => ({
    id,
    title,
  }));
  return { sentences: [...sentences], titles: [...titles], cities };
}

/** Runs `step` of the benchmark page with `args`, within `ms`. */
function step<K extends keyof SearchBenchSteps>(
  page: Page,
  name: K,
  args: Parameters<SearchBenchSteps[K]>,
  ms = 600_000,
): Promise<Awaited<ReturnType<SearchBenchSteps[K]>>> {
  return runPageStep(page, 'qiluSearchBench', name, args, ms) as Promise<
    Awaited<ReturnType<SearchBenchSteps[K]>>
  >;
}

async function throttle(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** An init script: records when the first search result is in the DOM and when it was painted. */
const FIRST_RESULT_PROBE = `(() => {
  const state = { inserted: -1, painted: -1 };
  window.__qiluFirstResult = state;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.search-hit')) return;
    state.inserted = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { state.painted = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Opens /search?q= in a new tab at `rate`× CPU; ms from navigation start to the first result painted. */
async function appFirstResult(
  pageOf: () => Promise<Page>,
  origin: string,
  rate: number,
): Promise<number> {
  const page = await pageOf();
  try {
    const cdp = await page.context().newCDPSession(page);
    await throttle(cdp, rate);
    await page.addInitScript({ content: FIRST_RESULT_PROBE });
    await page.goto(`${origin}/search?q=${encodeURIComponent(APP_QUERY)}`);
    return await pollPage<number>(
      page,
      '(() => { const s = window.__qiluFirstResult; return s && s.painted >= 0 ? s.painted : false; })()',
      60_000,
      'first search result',
    );
  } finally {
    await page.close();
  }
}

/**
 * Runs the search benchmark over the app build in `dist` (its store, engine
 * and search page). Takes a few minutes: 10,000 articles are written twice
 * and indexed by both engines.
 */
export async function measureSearch(
  root: string,
  dist: string,
  articleCount: number = SEARCH_ARTICLES,
): Promise<SearchBenchResult> {
  const copy = await buildWithBenchPage(
    root,
    dist,
    'bench-search',
    'search-page',
    await corpusPool(root),
  );
  const server = await serveBuild(copy.root);
  const browser = await launchBenchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/bench-search/index.html`);
    await page.waitForFunction(() => window.qiluSearchBench !== undefined);

    const corpus = await step(page, 'prepare', [articleCount]);
    const plain = await step(page, 'writeCorpus', [false]);
    const indexed = await step(page, 'writeCorpus', [true]);
    const size = await step(page, 'indexSize', []);

    /** An engine's cold start then its 200 queries, at 1× and then at SLOW_CPU× CPU. */
    const timed = async (
      cold: 'coldFirstQuery' | 'miniColdFirstQuery',
      queries: 'ourLatencies' | 'miniLatencies',
    ) => {
      const firstNormal = await step(page, cold, []);
      const normal = await step(page, queries, []);
      await throttle(cdp, SLOW_CPU);
      const firstSlow = await step(page, cold, []);
      const slow = await step(page, queries, []);
      await throttle(cdp, 1);
      return {
        firstQueryMs: { normal: firstNormal, slow: firstSlow },
        latency: { normal: latency(normal), slow: latency(slow) },
      };
    };

    const ourTimes = await timed('coldFirstQuery', 'ourLatencies');
    const ourRecall = await step(page, 'ourRecall', []);
    for (const row of ourRecall) {
      if (row.found < row.expected || row.wrong > 0)
        console.warn('search bench: our engine on', row);
    }

    const built = await step(page, 'miniBuild', []);
    const miniTimes = await timed('miniColdFirstQuery', 'miniLatencies');
    const miniRecall = await step(page, 'miniRecall', []);
    await page.close();

    // The app, as a returning reader opens it: installed worker, directory stored.
    const warmUp = await context.newPage();
    await warmUp.goto(`${server.origin}/`);
    await waitForController(warmUp);
    await server.settled(1000);
    await warmUp.close();
    const appRuns = async (rate: number): Promise<number> => {
      const times: number[] = [];
      for (let run = 0; run < APP_RUNS; run++) {
        const probe = await context.newPage();
        await stopServiceWorkers(await context.newCDPSession(probe));
        times.push(await appFirstResult(() => Promise.resolve(probe), server.origin, rate));
      }
      return median(times);
    };
    const appNormal = await appRuns(1);
    const appSlow = await appRuns(SLOW_CPU);

    const articles = corpus.articles;
    return {
      corpus,
      plain,
      indexed,
      size,
      ours: {
        indexMsPerArticle: (indexed.writeMs + indexed.upkeepMs - plain.writeMs) / articles,
        indexBytes: size.bytes,
        ...ourTimes,
        recall: recall(ourRecall),
      },
      mini: {
        indexMsPerArticle: built.buildMs / articles,
        indexBytes: built.jsonBytes,
        saveMs: built.saveMs,
        ...miniTimes,
        recall: recall(miniRecall),
      },
      appFirstResultMs: { normal: appNormal, slow: appSlow },
      browser: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser.close();
    await server.close();
    await copy.dispose();
  }
}
