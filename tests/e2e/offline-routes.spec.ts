import type { APIRequestContext, Page } from '@playwright/test';
import { expect, routeReady } from './fixtures';
import type { RouteFingerprint } from './offline-helpers';
import {
  allowOfflineFailures,
  offlineIndicator,
  offlineTest as test,
  routeFingerprint,
  TEXT,
  waitForStoredArticle,
  waitForStoredChannel,
  waitForWorkerControl,
  setOffline,
} from './offline-helpers';
import { resolveRoute, ROUTES } from './routes';

/**
 * One route of every kind (ROUTES has every about page and two searches; one of each is
 * enough here and keeps the two sweeps fast).
 */
const KINDS = new Set([
  'home',
  'a section channel',
  'a city channel',
  'the seed article',
  'an article with a figure',
  'search with results',
  'saved',
  'settings',
  'about: accessibility',
  '404',
]);
const OFFLINE_ROUTES = ROUTES.filter((route) => KINDS.has(route.name));

/** A route visited online, and what it showed. */
interface Visited {
  readonly name: string;
  readonly path: string;
  readonly online: RouteFingerprint;
}

/** Waits until what `path` shows is in IndexedDB (channels and articles; the rest is precache). */
async function waitForStoredData(page: Page, path: string): Promise<void> {
  const [, kind, id] = /^\/(channel|article)\/([^/?#]+)/.exec(path) ?? [];
  if (kind === 'channel' && id) await waitForStoredChannel(page, id);
  if (kind === 'article' && id) await waitForStoredArticle(page, decodeURIComponent(id));
  if (path === '/') {
    for (const section of ['hot', 'latest', 'photos']) await waitForStoredChannel(page, section);
  }
}

/**
 * What the route shows once late sections (an article's 相关新闻) have arrived: the first
 * fingerprint that a second look, half a second later, agrees with.
 */
async function settledFingerprint(page: Page): Promise<RouteFingerprint> {
  let last = await routeFingerprint(page);
  for (let look = 0; look < 20; look++) {
    await page.waitForTimeout(500);
    const next = await routeFingerprint(page);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error('the route kept changing for 10 s');
}

/** The first visit: every route once, online, after the service worker took control. */
async function visitEveryRoute(page: Page, request: APIRequestContext): Promise<Visited[]> {
  await page.goto('/');
  await routeReady(page);
  await waitForWorkerControl(page);
  await expect(offlineIndicator(page)).toHaveCount(0);

  expect(OFFLINE_ROUTES).toHaveLength(KINDS.size);
  const visited: Visited[] = [];
  for (const route of OFFLINE_ROUTES) {
    const path = await resolveRoute(route, request);
    await page.goto(path);
    await routeReady(page);
    await waitForStoredData(page, path);
    visited.push({ name: route.name, path, online: await settledFingerprint(page) });
  }
  return visited;
}

/** Loads `route` again with the network gone and expects what it showed online. */
async function expectSameOffline(page: Page, route: Visited): Promise<void> {
  await routeReady(page);
  const main = page.getByRole('main');
  await expect(main, route.name).not.toContainText(TEXT.channelNotDownloaded);
  await expect(main, route.name).not.toContainText(TEXT.articleNotDownloaded);
  // Sections that load after the route is ready (an article's 相关新闻 reads its channel's
  // stored page) are part of what it showed online: wait for them, then compare everything.
  await expect
    .poll(async () => (await routeFingerprint(page)).h2, { message: route.name })
    .toEqual(route.online.h2);
  const offline = await routeFingerprint(page);
  expect(offline.title, route.name).toBe(route.online.title);
  expect(offline.h1, route.name).toBe(route.online.h1);
  expect(offline.h2, route.name).toEqual(route.online.h2);
  expect(offline.articleText, route.name).toEqual(route.online.articleText);
  if (route.path.startsWith('/search')) {
    // Offline search runs over everything stored, which may be more than it found online.
    expect(offline.articleLinks, route.name).toEqual(
      expect.arrayContaining([...route.online.articleLinks]),
    );
  } else {
    expect(offline.articleLinks, route.name).toEqual(route.online.articleLinks);
  }
}

test.describe('after a first visit, every route reloads offline', () => {
  test.describe.configure({ timeout: 90_000 });

  test('with the browser offline (setOffline), each shows what it showed online and the header says 离线', async ({
    page,
    context,
    request,
    problems,
  }) => {
    const visited = await visitEveryRoute(page, request);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    for (const route of visited) {
      await test.step(`${route.name} (${route.path})`, async () => {
        await page.goto(route.path);
        await expectSameOffline(page, route);
        await expect(offlineIndicator(page)).toBeVisible();
      });
    }
    // And a plain reload of the page the reader is on.
    const last = visited.at(-1);
    if (!last) throw new Error('no routes');
    await page.reload();
    await expectSameOffline(page, last);
  });

  test('with the server stopped, each shows what it showed online', async ({
    page,
    request,
    app,
    problems,
  }) => {
    const visited = await visitEveryRoute(page, request);

    allowOfflineFailures(problems);
    await app.stop();
    for (const route of visited) {
      await test.step(`${route.name} (${route.path})`, async () => {
        await page.goto(route.path);
        await expectSameOffline(page, route);
      });
    }
  });
});
