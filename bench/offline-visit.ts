import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { DB_NAME } from '../src/shared/cache-names';
import { launchBenchChromium } from './bench-browser';
import type { BenchServer } from './bench-server';
import { copyBuild, serveBuild } from './bench-server';
import type { FloorServer } from './offline-floor';
import { installFloor, serveFloor } from './offline-floor';
import { NAVIGATION_FACTS, PROBE_DONE, hasStoredRecord, visibilityProbe } from './page-scripts';
import type { NavigationFacts, VisibilityTiming } from './page-scripts';
import {
  SEED_ARTICLE_ID,
  firstParagraphText,
  readSeedArticle,
  staticArticleHtml,
} from './seed-article';
import { stopServiceWorkers, waitForController } from './service-worker-control';
import { pollPage } from './poll-page';
import { median, withTimeout } from './stats';

/** Runs per CPU rate and page kind (the median of these is reported). */
const RUNS = 7;
/** CPU slowdowns (CDP Emulation.setCPUThrottlingRate) and the target for each. */
const CONDITIONS = [
  { cpuSlowdown: 1, targetMs: 250 },
  { cpuSlowdown: 4, targetMs: 600 },
] as const;
/** One navigation, from about:blank to the painted paragraph. */
const RUN_TIMEOUT_MS = 30_000;

const ARTICLE_PATH = `/article/${encodeURIComponent(SEED_ARTICLE_ID)}`;
/** The plain page lives beside the app's files; a path with an extension never gets the shell. */
const STATIC_PATH = `/bench-static/${SEED_ARTICLE_ID}.html`;

/** Medians for one CPU rate, in ms since navigation start. */
export interface OfflineVisitRow {
  readonly cpuSlowdown: number;
  readonly targetMs: number;
  /** The app, offline, cold worker: first body paragraph painted. */
  readonly appMs: number;
  readonly appMinMs: number;
  readonly appMaxMs: number;
  /** The app: the paragraph entered the DOM. */
  readonly appDomMs: number;
  /**
   * The app: the shell's response ended (worker started and answered from the precache,
   * with the stored article written in: the boot view, src/sw/boot).
   */
  readonly appShellMs: number;
  /** The app: the last script or stylesheet loaded before the app's own page (from the worker's precache). */
  readonly appAssetsMs: number;
  /**
   * The service-worker floor, offline, cold worker: the same page (the app's boot view
   * without scripts) answered from Cache Storage by the smallest offline worker.
   */
  readonly floorMs: number;
  readonly floorMinMs: number;
  readonly floorMaxMs: number;
  /** The plain static page, online: first paragraph painted. */
  readonly staticMs: number;
  readonly staticMinMs: number;
  readonly staticMaxMs: number;
}

/** The offline repeat-visit benchmark's results. */
export interface OfflineVisitResult {
  readonly runs: number;
  readonly rows: readonly OfflineVisitRow[];
  /** Requests the server saw during the offline app runs (expected 0). */
  readonly offlineServerRequests: number;
  /** Bytes of the static page (uncompressed / as brotli). */
  readonly staticBytes: number;
  readonly staticBrotliBytes: number;
  readonly browser: string;
}

interface RunTiming extends VisibilityTiming {
  readonly shell: number;
  readonly assets: number;
}

/** Writes the plain article page (and its precompressed twins, as the build does) into `root`. */
async function writeStaticArticle(root: string, html: string): Promise<number> {
  const file = path.join(root, ...STATIC_PATH.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  const body = Buffer.from(html);
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  });
  await writeFile(file, body);
  await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
  await writeFile(`${file}.br`, brotli);
  return brotli.length;
}

/**
 * The first, online visit: the worker installs and takes control, and the
 * page stores the article in IndexedDB. Then the context goes offline.
 * Resolves with the HTML the worker answers the article's navigation with
 * (its boot view), opened once more: the floor serves the same page.
 */
async function visitOnceOnline(
  context: BrowserContext,
  server: BenchServer,
  url: string,
): Promise<string> {
  const page = await context.newPage();
  page.setDefaultTimeout(RUN_TIMEOUT_MS);
  try {
    await page.goto(url);
    await waitForController(page);
    await pollPage<true>(
      page,
      hasStoredRecord(DB_NAME, 'articles', SEED_ARTICLE_ID),
      RUN_TIMEOUT_MS,
      `${SEED_ARTICLE_ID} in IndexedDB`,
    );
    // Whatever the page and the worker still fetch (related feeds) finishes first.
    await withTimeout(server.settled(), RUN_TIMEOUT_MS, 'the first visit settling');
    const response = await page.goto(url);
    const html = (await response?.text()) ?? '';
    if (!response?.fromServiceWorker() || !html.includes('id="boot"')) {
      throw new Error(`${url}: the worker did not answer with the boot view`);
    }
    await withTimeout(server.settled(), RUN_TIMEOUT_MS, 'the second visit settling');
    return html;
  } finally {
    await page.close();
  }
}

/** One navigation in a new tab of `context`, timed by the probe. */
async function timeOneVisit(
  context: BrowserContext,
  url: string,
  selector: string,
  text: string,
  cpuSlowdown: number,
  coldWorker: boolean,
): Promise<RunTiming> {
  const page = await context.newPage();
  page.setDefaultTimeout(RUN_TIMEOUT_MS);
  try {
    await page.addInitScript({ content: visibilityProbe(selector, text) });
    const cdp = await context.newCDPSession(page);
    await withTimeout(
      cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown }),
      RUN_TIMEOUT_MS,
      'Emulation.setCPUThrottlingRate',
    );
    if (coldWorker) await stopServiceWorkers(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    let timing: VisibilityTiming;
    try {
      // The probe keeps the time itself; polling late does not change the number.
      timing = await pollPage<VisibilityTiming>(page, PROBE_DONE, RUN_TIMEOUT_MS, 'the paragraph');
    } catch (error) {
      const facts = await page.evaluate<NavigationFacts>(NAVIGATION_FACTS).catch(() => undefined);
      throw new Error(
        `${url}: the first paragraph never showed (heading: ${facts?.heading ?? '?'})`,
        { cause: error },
      );
    }
    const facts = await page.evaluate<NavigationFacts>(NAVIGATION_FACTS);
    if (coldWorker && !facts.controlled) {
      throw new Error(`${url}: no service worker controlled the offline visit`);
    }
    return { ...timing, shell: facts.responseEnd, assets: facts.assetsEnd };
  } finally {
    await page.close();
  }
}

function row(
  condition: (typeof CONDITIONS)[number],
  app: readonly RunTiming[],
  floor: readonly RunTiming[],
  plain: readonly RunTiming[],
): OfflineVisitRow {
  const appPainted = app.map((run) => run.painted);
  const floorPainted = floor.map((run) => run.painted);
  const staticPainted = plain.map((run) => run.painted);
  return {
    ...condition,
    appMs: median(appPainted),
    appMinMs: Math.min(...appPainted),
    appMaxMs: Math.max(...appPainted),
    appDomMs: median(app.map((run) => run.inserted)),
    appShellMs: median(app.map((run) => run.shell)),
    appAssetsMs: median(app.map((run) => run.assets)),
    floorMs: median(floorPainted),
    floorMinMs: Math.min(...floorPainted),
    floorMaxMs: Math.max(...floorPainted),
    staticMs: median(staticPainted),
    staticMinMs: Math.min(...staticPainted),
    staticMaxMs: Math.max(...staticPainted),
  };
}

/**
 * Offline repeat visit with a cold service worker: after one online visit of
 * the seed article, the context goes offline and each run stops every worker
 * (CDP) and opens the article in a new tab, timing navigation start → its
 * first body paragraph painted. Beside it, each run opens the same article as
 * a plain static HTML file, online, from the same server (its own context, so
 * no worker is involved), and the service-worker floor (offline-floor.ts): the
 * page the app's worker answered, without scripts, from the smallest offline
 * worker on its own origin, offline and cold like the app. Runs alternate
 * app / floor / static so all see the same machine load; one unrecorded
 * warm-up round precedes each CPU rate.
 */
export async function measureOfflineVisit(dist: string): Promise<OfflineVisitResult> {
  // A copy of the build with the plain page added, so one server serves both.
  const build = await copyBuild(dist);
  const { root } = build;
  let server: BenchServer | undefined;
  let floor: FloorServer | undefined;
  let browser: Browser | undefined;
  try {
    const article = await readSeedArticle(root);
    const text = firstParagraphText(article);
    const html = staticArticleHtml(article);
    const staticBrotliBytes = await writeStaticArticle(root, html);
    server = await serveBuild(root);
    browser = await launchBenchChromium();
    const appUrl = `${server.origin}${ARTICLE_PATH}`;
    const staticUrl = `${server.origin}${STATIC_PATH}`;

    const appContext = await browser.newContext();
    const staticContext = await browser.newContext();
    const floorContext = await browser.newContext();
    const bootView = await visitOnceOnline(appContext, server, appUrl);
    await appContext.setOffline(true);
    floor = await serveFloor(root, bootView);
    await installFloor(floorContext, floor);
    await floorContext.setOffline(true);

    const rows: OfflineVisitRow[] = [];
    let offlineServerRequests = 0;
    for (const condition of CONDITIONS) {
      const app: RunTiming[] = [];
      const floorRuns: RunTiming[] = [];
      const plain: RunTiming[] = [];
      for (let run = 0; run <= RUNS; run += 1) {
        const before = server.requestCount();
        const appRun = await timeOneVisit(
          appContext,
          appUrl,
          '.article-body p',
          text,
          condition.cpuSlowdown,
          true,
        );
        offlineServerRequests += server.requestCount() - before;
        const floorRun = await timeOneVisit(
          floorContext,
          floor.pageUrl,
          '.article-body p',
          text,
          condition.cpuSlowdown,
          true,
        );
        const staticRun = await timeOneVisit(
          staticContext,
          staticUrl,
          'p',
          text,
          condition.cpuSlowdown,
          false,
        );
        if (run === 0) continue; // warm-up
        app.push(appRun);
        floorRuns.push(floorRun);
        plain.push(staticRun);
      }
      rows.push(row(condition, app, floorRuns, plain));
    }
    return {
      runs: RUNS,
      rows,
      offlineServerRequests,
      staticBytes: Buffer.byteLength(html),
      staticBrotliBytes,
      browser: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
    await floor?.close();
    await build.dispose();
  }
}
