import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import type { FeedItem } from './fixtures';
import {
  articlePath,
  channelDirectory,
  expect,
  feedPages,
  routeReady,
  withoutPrerenderedPages,
} from './fixtures';
import type { AppServer } from './offline-helpers';
import {
  allowOfflineFailures,
  offlineTest as test,
  TEXT,
  waitForStoredArticle,
  waitForWorkerControl,
} from './offline-helpers';

/**
 * One document per article (docs/feed-format.md): a link to an article that is not stored
 * opens with one small request for `articles/{id}.json`, where it used to read channel pages
 * until the article turned up; when a producer does not publish that document, the channel
 * scan still finds it.
 */

// The articles these tests link to stand for ones published after the build: no prerendered
// page carries them, so the app finds each one itself.
test.beforeEach(async ({ context }) => {
  await withoutPrerenderedPages(context);
});

/** Path of an article's own document on the test server. */
const documentPath = (id: string) => `/api/articles/${encodeURIComponent(id)}.json`;

/** A channel page after the first (`feeds/hot-2.json`): only a scan reads those unasked. */
const LATER_PAGE = /^\/api\/feeds\/[^/]+-\d+\.json$/;

/**
 * Old articles (from a channel's third page or later) that are on no channel's first page: a
 * cold deep link to one of them used to cost the scan every first page and then second pages
 * (25 to 29 of them with the demo content) before it turned up.
 */
async function deepArticles(request: APIRequestContext): Promise<FeedItem[]> {
  const channels = await channelDirectory(request);
  const pages = await Promise.all(channels.map((channel) => feedPages(request, channel)));
  const onFirstPages = new Set(pages.flatMap((chain) => chain[0] ?? []).map((item) => item.id));
  const deep = new Map<string, FeedItem>();
  for (const item of pages.flatMap((chain) => chain.slice(2).flat())) {
    if (!onFirstPages.has(item.id)) deep.set(item.id, item);
  }
  const found = [...deep.values()];
  expect(found.length, 'the demo content has old articles on no first page').toBeGreaterThan(1);
  return found;
}

/** Feed API paths the server was asked for since request number `from`. */
function apiPathsSince(app: AppServer, from: number): string[] {
  return app.requests
    .slice(from)
    .map((request) => request.url.split('?')[0] ?? '')
    .filter((path) => path.startsWith('/api/') && !path.startsWith('/api/images/'));
}

/** Opens `item` by its address and waits until its headline is the page's h1. */
async function openArticle(page: Page, item: FeedItem, timeout?: number): Promise<void> {
  await page.goto(articlePath(item.id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title, { timeout });
  await routeReady(page);
  await expect(page.getByRole('article')).toBeVisible();
}

/** Document URLs the service worker itself requested (Chromium reports them on the context). */
function workerDocumentRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker() && request.url().includes('/api/articles/')) {
      urls.push(request.url());
    }
  });
  return urls;
}

test.describe('a deep link to an article that is not stored', () => {
  test('asks for its own document and no channel scan, shows the article, and reads offline after a reload', async ({
    page,
    context,
    app,
    request,
    problems,
  }) => {
    const [item] = await deepArticles(request);
    if (!item) throw new Error('no deep article');

    await openArticle(page, item);
    await app.settled();
    const asked = apiPathsSince(app, 0);
    expect(asked.filter((path) => path === documentPath(item.id))).toHaveLength(1);
    expect(
      asked.filter((path) => LATER_PAGE.test(path)),
      'no later channel page',
    ).toEqual([]);
    // At most the first page of the channel it is read in, for 相关新闻; a scan reads them all.
    const feedPagesAsked = asked.filter((path) => path.startsWith('/api/feeds/'));
    expect(feedPagesAsked.length, `feed pages: ${feedPagesAsked.join(', ')}`).toBeLessThanOrEqual(
      1,
    );

    // Stored like any article: after a reload without a network it is still there.
    await waitForWorkerControl(page);
    await waitForStoredArticle(page, item.id);
    allowOfflineFailures(problems);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
    await routeReady(page);
    await expect(page.getByRole('main')).not.toContainText(TEXT.articleNotDownloaded);
  });

  test('with the service worker in control, the worker fetches the document for the page', async ({
    page,
    context,
    app,
    request,
  }) => {
    const [, item] = await deepArticles(request);
    if (!item) throw new Error('no second deep article');
    const fromWorker = workerDocumentRequests(context);

    await page.goto('/');
    await routeReady(page);
    await waitForWorkerControl(page);
    await app.settled();
    const before = app.requests.length;

    await openArticle(page, item);
    await app.settled();
    const asked = apiPathsSince(app, before);
    expect(asked.filter((path) => path === documentPath(item.id))).toHaveLength(1);
    expect(
      asked.filter((path) => LATER_PAGE.test(path)),
      'no later channel page',
    ).toEqual([]);
    expect(fromWorker.map((url) => new URL(url).pathname)).toEqual([documentPath(item.id)]);
    await waitForStoredArticle(page, item.id);
  });
});

test.describe('a producer that publishes no article documents (404)', () => {
  for (const worker of [false, true]) {
    test(`still finds a deep article by reading the channels, ${worker ? 'through the service worker' : 'before a service worker controls the page'}`, async ({
      page,
      context,
      app,
      request,
      problems,
    }) => {
      // Reading every first and second page and more, on a loaded CI machine.
      test.setTimeout(60_000);
      const [item] = await deepArticles(request);
      if (!item) throw new Error('no deep article');
      // The 404s asked for here, as the page and the worker report them.
      problems.allow(/HTTP 404: \S+\/api\/articles\//);
      problems.allow(/status of 404/);
      let refused = 0;
      // On the context, so that the worker's own fetches get the 404 too.
      await context.route('**/api/articles/**', (route) => {
        refused += 1;
        return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
      });
      if (worker) {
        await page.goto('/');
        await routeReady(page);
        await waitForWorkerControl(page);
        await app.settled();
      }
      const before = app.requests.length;

      await openArticle(page, item, 30_000);
      expect(refused, 'the article document was asked for first').toBeGreaterThan(0);
      expect(
        apiPathsSince(app, before).filter((path) => LATER_PAGE.test(path)).length,
        'the channels were scanned',
      ).toBeGreaterThan(0);
      await waitForStoredArticle(page, item.id);
    });
  }
});
