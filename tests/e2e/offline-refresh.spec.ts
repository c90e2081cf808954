import type { APIRequestContext, Page, Route } from '@playwright/test';
import type { FeedErrorCode } from '../../src/shared/feed/errors';
import { appRunning, channelDirectory, expect, feedPages, routeReady } from './fixtures';
import {
  allowOfflineFailures,
  articleParagraphs,
  feedErrorMessage,
  offlineIndicator,
  offlineTest as test,
  openFirstListedArticle,
  readStore,
  routeFingerprint,
  TEXT,
  waitForStoredArticle,
  waitForStoredChannel,
  waitForWorkerControl,
} from './offline-helpers';

/** The page asks for a refresh once stored data is older than five minutes (lib/freshness.ts). */
const PAST_STALE_MS = 6 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const SEED_ID = 'seed-271a4622fc35748e';

/** The title of an article in a channel's feed. */
async function titleOf(request: APIRequestContext, channelId: string, id: string) {
  const channel = (await channelDirectory(request)).find((entry) => entry.id === channelId);
  if (!channel) throw new Error(`no channel ${channelId}`);
  const item = (await feedPages(request, channel)).flat().find((entry) => entry.id === id);
  if (!item) throw new Error(`${id} is not in ${channelId}`);
  return item.title;
}

/** Opens `path` with the page clock faked from now, and waits for the worker and the data. */
async function firstVisit(page: Page, path: string, channelId: string): Promise<number> {
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.goto(path);
  await routeReady(page);
  await waitForWorkerControl(page);
  await waitForStoredChannel(page, channelId);
  return start;
}

test.describe('an article opened once', () => {
  test('is readable offline a day later', async ({ page, context, request, problems }) => {
    const title = await titleOf(request, 'hot', SEED_ID);
    const start = await firstVisit(page, '/channel/hot', 'hot');
    await page.getByRole('main').getByRole('link', { name: title, exact: true }).first().click();
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(title);
    await waitForStoredArticle(page, SEED_ID);
    const paragraphs = await articleParagraphs(page);
    expect(paragraphs.length).toBeGreaterThan(0);

    allowOfflineFailures(problems);
    await context.setOffline(true);
    await page.clock.setSystemTime(start + DAY_MS);
    await page.reload();
    expect(await page.evaluate(() => Date.now())).toBeGreaterThanOrEqual(start + DAY_MS);
    await expect(h1).toHaveText(title);
    await routeReady(page);
    expect(await articleParagraphs(page)).toEqual(paragraphs);
    await expect(page.getByRole('main')).not.toContainText(TEXT.articleNotDownloaded);
    await expect(offlineIndicator(page)).toBeVisible();
  });
});

/** A way for the feed to break, and what the reader should read about it. */
interface Failure {
  readonly name: string;
  readonly code: FeedErrorCode;
  readonly handle: (route: Route) => Promise<void>;
  /** Console lines the page may log about it. */
  readonly expected: RegExp[];
}

/** The real document, unconditionally (a 304 has no body to break). */
async function fullResponse(route: Route) {
  const headers = Object.fromEntries(
    Object.entries(route.request().headers()).filter(
      ([name]) => name !== 'if-none-match' && name !== 'if-modified-since',
    ),
  );
  return route.fetch({ headers });
}

// Broken networks and servers (stalls, resets, 5xx, 429, HTML pages, redirects, huge bodies)
// are in network-faults.spec.ts, from a fault-injecting server; here, a producer's bad document.
const FAILURES: Failure[] = [
  {
    name: 'a document that is not a JSON Feed',
    code: 'schema',
    handle: async (route) => {
      const response = await fullResponse(route);
      await route.fulfill({
        response,
        json: { version: 'https://jsonfeed.org/version/1.1', title: '济南', items: '没有' },
      });
    },
    expected: [],
  },
];

test.describe('a channel feed that starts failing after a first visit', () => {
  for (const failure of FAILURES) {
    test(`with ${failure.name}: the stored 济南 stays readable and says 「${feedErrorMessage(failure.code)}」`, async ({
      page,
      context,
      problems,
    }) => {
      for (const pattern of failure.expected) problems.allow(pattern);
      const message = feedErrorMessage(failure.code);
      const start = await firstVisit(page, '/channel/jinan', 'jinan');
      const main = page.getByRole('main');
      const before = await routeFingerprint(page);
      expect(before.articleLinks.length).toBeGreaterThan(0);

      let attempts = 0;
      await context.route('**/api/feeds/jinan.json', (route) => {
        attempts += 1;
        return failure.handle(route);
      });
      // Back a while later: the stored copy is stale, so opening the channel refreshes it.
      await page.clock.setSystemTime(start + PAST_STALE_MS);
      await page.reload();
      await routeReady(page);
      const waitMs = 5_000;
      await expect
        .poll(() => attempts, { message: 'the stale channel was refreshed' })
        .toBeGreaterThan(0);
      await expect(main).toContainText(message, { timeout: waitMs });
      expect((await routeFingerprint(page)).articleLinks).toEqual(before.articleLinks);

      await openFirstListedArticle(page);
    });
  }
});

test.describe('a conditional refresh', () => {
  test('sends If-None-Match and, on 304, stores nothing but the time it checked', async ({
    page,
    app,
  }) => {
    const feedPath = '/api/feeds/jinan.json';
    const start = await firstVisit(page, '/channel/jinan', 'jinan');
    // The app refreshes what it shows (a resting first visit has no app: the next page has).
    await page.reload();
    await routeReady(page);
    await appRunning(page);
    await app.settled();
    const first = app.requestsTo(feedPath).find((request) => request.status === 200);
    expect(first, 'the first visit fetched the feed').toBeDefined();
    const feedUrl = `${app.origin}${feedPath}`;
    const metaOf = async () =>
      (await readStore(page, 'feedMeta')).find((meta) => meta.url === feedUrl);
    await expect.poll(async () => (await metaOf())?.etag).toBeTruthy();
    const metaBefore = await metaOf();
    const articlesBefore = await readStore(page, 'articles');
    const pagesBefore = await readStore(page, 'channelPages');
    const seen = app.requests.length;

    // The reader comes back to the tab later: visibility changes, the copy is stale.
    await page.clock.setSystemTime(start + PAST_STALE_MS);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

    await expect
      .poll(() => app.requests.slice(seen).filter((r) => r.url === feedPath && r.status))
      .not.toHaveLength(0);
    const refresh = app.requests.slice(seen).find((r) => r.url === feedPath);
    expect(refresh?.headers['if-none-match']).toBe(metaBefore?.etag);
    expect(refresh?.status).toBe(304);

    await expect
      .poll(async () => (await metaOf())?.fetchedAt ?? 0)
      .toBeGreaterThan(metaBefore?.fetchedAt ?? Infinity);
    const metaAfter = await metaOf();
    expect({ ...metaAfter, fetchedAt: 0 }).toEqual({ ...metaBefore, fetchedAt: 0 });
    expect(await readStore(page, 'articles')).toEqual(articlesBefore);
    const withoutTimes = (pages: typeof pagesBefore) =>
      pages.map((record) => ({ ...record, fetchedAt: 0 }));
    expect(withoutTimes(await readStore(page, 'channelPages'))).toEqual(withoutTimes(pagesBefore));
    // Nothing changed, so nothing is announced as updated.
    await expect(
      page.locator('[aria-live], [role="status"]').filter({ hasText: '已更新' }),
    ).toHaveCount(0);
  });
});
