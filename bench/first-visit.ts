/**
 * What a new user's browser really fetches on a first visit: a fresh profile,
 * a 412×823 mobile screen, the production server over the build, and every
 * request (the page's and its service worker's, told apart) until the network
 * has been quiet for a second. Replaces counting what index.html names, which
 * missed every chunk the entry loads after it starts.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { launchBenchChromium } from './bench-browser';
import { copyBuild, serveBuild } from './bench-server';
import { firstVisitTotals, kindOf } from './first-visit-totals';
import type { FirstVisitTotals, RecordedRequest } from './first-visit-totals';
import { sleep, withTimeout } from './stats';

/** The routes a first visit is measured on: home, a channel and the seed article. */
export const FIRST_VISIT_ROUTES = [
  '/',
  '/channel/jinan',
  '/article/seed-271a4622fc35748e',
] as const;

/** The budgets of issue 13, gzip bytes of everything the page fetches until quiet. */
export const FIRST_VISIT_JS_BUDGET = 30 * 1024;
export const FIRST_VISIT_CSS_BUDGET = 8 * 1024;

const QUIET_MS = 1000;
const VISIT_TIMEOUT_MS = 60_000;

/** One route's first visit. */
export interface FirstVisitRoute {
  readonly route: string;
  readonly requests: readonly RecordedRequest[];
  readonly totals: FirstVisitTotals;
  /** Whether a service worker controlled the page when the network went quiet. */
  readonly controlledAtEnd: boolean;
  /**
   * The first use of a control after that (the header's 城市 toggle): what the page
   * requested until quiet again, the app's code that a resting first visit
   * (src/app/first-visit) loads only then.
   */
  readonly firstUse: FirstVisitTotals;
  /** Whether every script of the first use was answered by the worker (its precache). */
  readonly firstUseFromWorker: boolean;
}

/** The first-visit benchmark's results. */
export interface FirstVisitResult {
  readonly routes: readonly FirstVisitRoute[];
  readonly browser: string;
}

/** The toggle every page's header has on a phone's screen: the control the bench uses first. */
const FIRST_CONTROL = { role: 'button', name: '城市' } as const;

async function record(request: Request, origin: string): Promise<RecordedRequest> {
  const url = new URL(request.url());
  const sameOrigin = url.origin === origin;
  const response = await request.response().catch(() => null);
  // A redirect or a failed request has no body to weigh.
  const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
  const sizes = await request.sizes().catch(() => null);
  return {
    url: sameOrigin ? `${url.pathname}${url.search}` : url.href,
    sameOrigin,
    kind: kindOf(request.resourceType()),
    status: response?.status() ?? 0,
    byServiceWorker: request.serviceWorker() !== null,
    encodedBytes: Math.max(0, sizes?.responseBodySize ?? 0),
    rawBytes: body.length,
    gzipBytes: body.length === 0 ? 0 : gzipSync(body, { level: 9 }).length,
  };
}

/**
 * Opens `route` in `context` and records every request it causes until none has
 * been in flight for QUIET_MS. Context-level events include the service worker's
 * requests (Playwright reports them there, with `request.serviceWorker()` set).
 */
async function visit(
  context: BrowserContext,
  origin: string,
  route: string,
): Promise<FirstVisitRoute> {
  const pending = new Set<Request>();
  // Which phase each request started in: the visit, or the first use of a control.
  const phaseOf = new Map<Request, 'visit' | 'first-use'>();
  const recorded: Promise<RecordedRequest & { phase: 'visit' | 'first-use' }>[] = [];
  let phase: 'visit' | 'first-use' = 'visit';
  let lastChange = Date.now();
  context.on('request', (request) => {
    pending.add(request);
    phaseOf.set(request, phase);
    lastChange = Date.now();
  });
  const done = (request: Request): void => {
    pending.delete(request);
    lastChange = Date.now();
    const started = phaseOf.get(request) ?? phase;
    recorded.push(record(request, origin).then((entry) => ({ ...entry, phase: started })));
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  const quiet = (what: string) =>
    withTimeout(
      (async () => {
        while (pending.size > 0 || Date.now() - lastChange < QUIET_MS) await sleep(100);
      })(),
      VISIT_TIMEOUT_MS,
      `the network going quiet ${what} on ${route}`,
    );
  const page = await context.newPage();
  await page.goto(`${origin}${route}`, { waitUntil: 'load', timeout: VISIT_TIMEOUT_MS });
  await quiet('after the visit');
  const controlledAtEnd = await page.evaluate(() => navigator.serviceWorker.controller !== null);

  const scriptsFromWorker: boolean[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scriptsFromWorker.push(response.fromServiceWorker());
    }
  });
  phase = 'first-use';
  await page.getByRole(FIRST_CONTROL.role, { name: FIRST_CONTROL.name }).click();
  await page.waitForFunction(() => !document.documentElement.classList.contains('prerendered'));
  await quiet('after the first use of a control');

  const requests = await Promise.all(recorded);
  const of = (wanted: 'visit' | 'first-use') =>
    requests.filter((entry) => entry.phase === wanted).map(({ phase: _, ...entry }) => entry);
  return {
    route,
    requests: of('visit'),
    totals: firstVisitTotals(of('visit')),
    controlledAtEnd,
    firstUse: firstVisitTotals(of('first-use')),
    firstUseFromWorker: scriptsFromWorker.length > 0 && scriptsFromWorker.every(Boolean),
  };
}

/** Measures the first visit of each of FIRST_VISIT_ROUTES, each in its own fresh profile. */
export async function measureFirstVisit(dist: string): Promise<FirstVisitResult> {
  const build = await copyBuild(dist);
  let browser: Browser | undefined;
  const server = await serveBuild(build.root);
  try {
    browser = await launchBenchChromium();
    const routes: FirstVisitRoute[] = [];
    for (const route of FIRST_VISIT_ROUTES) {
      // A new context is a new profile: empty HTTP cache, no worker, no storage.
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        isMobile: true,
        hasTouch: true,
        serviceWorkers: 'allow',
      });
      try {
        routes.push(await visit(context, server.origin, route));
      } finally {
        await context.close();
      }
    }
    return { routes, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser?.close();
    await server.close();
    await build.dispose();
  }
}
