/**
 * A cold online first visit of the seed article on a slow phone: a fresh
 * profile (no cache, no worker), 412×823, CPU 4× slower by CDP, the network
 * shaped by CDP to slow 4G, timed from navigation start to the first body
 * paragraph painted (the same probe as the offline visit). Two shapes: the
 * one Lighthouse simulates (150 ms round trip, 1.6 Mbps down, 750 Kbps up),
 * applied per request, and DevTools' 「Slow 4G」 preset (the same after its
 * packet-level correction: 562.5 ms, 1.47 Mbps, 675 Kbps), harsher.
 */
import type { Browser } from 'playwright-core';
import { launchBenchChromium } from './bench-browser';
import { copyBuild, serveBuild } from './bench-server';
import { PROBE_DONE, visibilityProbe } from './page-scripts';
import type { VisibilityTiming } from './page-scripts';
import { pollPage } from './poll-page';
import { SEED_ARTICLE_ID, firstParagraphText, readSeedArticle } from './seed-article';
import { median } from './stats';

/** The target for the first paragraph on slow 4G at 4× CPU. */
export const SLOW_FIRST_VISIT_TARGET_MS = 1000;

const ARTICLE_PATH = `/article/${SEED_ARTICLE_ID}`;
const CPU_SLOWDOWN = 4;
const RUNS = 5;
const RUN_TIMEOUT_MS = 30_000;

/** A network shape for CDP's Network.emulateNetworkConditions. */
interface NetworkShape {
  readonly name: string;
  readonly latencyMs: number;
  readonly downKbps: number;
  readonly upKbps: number;
}

const SHAPES: readonly NetworkShape[] = [
  { name: 'slow 4G as Lighthouse simulates it', latencyMs: 150, downKbps: 1638.4, upKbps: 750 },
  { name: 'DevTools 「Slow 4G」 preset', latencyMs: 562.5, downKbps: 1474.56, upKbps: 675 },
];

/** One shape's runs. */
export interface SlowFirstVisitRow {
  readonly shape: string;
  readonly latencyMs: number;
  readonly downKbps: number;
  readonly paintedMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly insertedMs: number;
}

/** The benchmark's results. */
export interface SlowFirstVisitResult {
  readonly rows: readonly SlowFirstVisitRow[];
  readonly runs: number;
  readonly browser: string;
}

async function oneVisit(
  browser: Browser,
  url: string,
  text: string,
  shape: NetworkShape,
): Promise<VisibilityTiming> {
  // A new context is a new profile: empty HTTP cache, no worker, no storage.
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(RUN_TIMEOUT_MS);
    await page.addInitScript({ content: visibilityProbe('.article-body p', text) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: shape.latencyMs,
      // CDP takes bytes per second.
      downloadThroughput: (shape.downKbps * 1024) / 8,
      uploadThroughput: (shape.upKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'commit' });
    return await pollPage<VisibilityTiming>(page, PROBE_DONE, RUN_TIMEOUT_MS, 'the paragraph');
  } finally {
    await context.close();
  }
}

/** Measures the cold slow-4G visit of the seed article, RUNS times per shape after a warm-up. */
export async function measureSlowFirstVisit(dist: string): Promise<SlowFirstVisitResult> {
  const build = await copyBuild(dist);
  const server = await serveBuild(build.root);
  let browser: Browser | undefined;
  try {
    const text = firstParagraphText(await readSeedArticle(build.root));
    browser = await launchBenchChromium();
    const url = `${server.origin}${ARTICLE_PATH}`;
    const rows: SlowFirstVisitRow[] = [];
    for (const shape of SHAPES) {
      const runs: VisibilityTiming[] = [];
      // The first run warms the server's file cache and the browser's process; it is not counted.
      for (let run = 0; run <= RUNS; run += 1) {
        const timing = await oneVisit(browser, url, text, shape);
        if (run > 0) runs.push(timing);
      }
      const painted = runs.map((timing) => timing.painted);
      rows.push({
        shape: shape.name,
        latencyMs: shape.latencyMs,
        downKbps: shape.downKbps,
        paintedMs: median(painted),
        minMs: Math.min(...painted),
        maxMs: Math.max(...painted),
        insertedMs: median(runs.map((timing) => timing.inserted)),
      });
    }
    return { rows, runs: RUNS, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    await build.dispose();
  }
}

/** The section's heading: also how `npm run bench -- --only slow-first-visit` finds it. */
export const SLOW_FIRST_VISIT_HEADING =
  '## Cold online article on slow 4G at 4× CPU (target: first paragraph painted ≤ 1.0 s)';

/** The section's lines, for a result or an error message. */
export function slowFirstVisitSection(
  outcome: { ok: true; value: SlowFirstVisitResult } | { ok: false; error: string },
): string[] {
  const heading = [SLOW_FIRST_VISIT_HEADING, ''];
  if (!outcome.ok) return [...heading, `**Failed:** ${outcome.error.replaceAll('\n', ' ')}`, ''];
  const r = outcome.value;
  return [
    ...heading,
    `The seed article (\`${ARTICLE_PATH}\`) in a fresh profile (no cache, no worker), 412×823 mobile, from the ` +
      'production server over a copy of `dist/`, CPU 4× slower (CDP `Emulation.setCPUThrottlingRate`), the network ' +
      'shaped by CDP `Network.emulateNetworkConditions` (its latency is added to every request, so a reused ' +
      'connection costs as much as a new one). Timed from navigation start to the first body paragraph painted ' +
      '(an init-script MutationObserver sees its text, then the next frame). ' +
      `Medians of ${r.runs} runs after a warm-up; ${r.browser}, headless.`,
    '',
    '| network | latency per request | down | paragraph in DOM | painted (min–max) | target | within |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.rows.map(
      (row) =>
        `| ${row.shape} | ${row.latencyMs} ms | ${(row.downKbps / 1024).toFixed(2)} Mbps | ` +
        `${Math.round(row.insertedMs)} ms | ${Math.round(row.paintedMs)} ms (${Math.round(row.minMs)}–${Math.round(row.maxMs)}) | ` +
        `${SLOW_FIRST_VISIT_TARGET_MS} ms | ${row.paintedMs <= SLOW_FIRST_VISIT_TARGET_MS ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
}
