import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { articlePath, axeViolations, expect, routeReady } from './fixtures';
import {
  allowOfflineFailures,
  articleParagraphs,
  offlineTest as test,
  openAndStoreArticle,
  openAndStoreChannel,
  waitForStoredChannel,
  TEXT,
  waitForWorkerControl,
  setOffline,
} from './offline-helpers';

const SEED_ID = 'seed-271a4622fc35748e';
const SEED_TITLE = '山东省数字强省建设工作推进会召开';

/** The page's mirror of the reading settings, as the worker will read it (src/shared/boot.ts). */
async function mirroredPrefs(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const cache = await caches.open('qilu-boot-v1');
    const response = await cache.match('/__qilu/boot-prefs.json');
    return response ? response.text() : '';
  });
}

test.describe('the service worker’s boot view of a stored article', () => {
  test('offline, the navigation answers with the article in the HTML, wearing the reader’s settings; then the app takes over', async ({
    page,
    context,
    problems,
  }) => {
    await openAndStoreArticle(page, SEED_ID);

    // The reader's settings: dark theme, 200% text. The page mirrors them for the worker.
    await page.evaluate(() => {
      localStorage.setItem(
        'qilu:reading-prefs',
        JSON.stringify({ v: 1, theme: 'dark', textSize: 200 }),
      );
    });
    await page.reload();
    await routeReady(page);
    await expect.poll(() => mirroredPrefs(page)).toContain('"data-theme":"dark"');

    allowOfflineFailures(problems);
    await setOffline(context, true);
    const response = await page.goto(articlePath(SEED_ID));
    expect(response?.fromServiceWorker()).toBe(true);
    const html = (await response?.text()) ?? '';
    // Before any script ran: the text, the headline block and the settings are in the HTML itself.
    expect(html).toContain('<div id="boot"');
    expect(html).toContain(SEED_TITLE);
    expect(html).toContain('<dt>责任编辑</dt><dd>阚金剑</dd>');
    expect(html).toMatch(/<html[^>]*class="booting"[^>]*data-theme="dark"/);
    expect(html).toMatch(/<html[^>]*data-text-size="200"/);
    expect(html).toContain(`<title>${SEED_TITLE}`);
    // The stylesheet is written in (one response paints the text), and the page's CSP allows
    // exactly that text by its hash (a blocked style would be a CSP violation, failing the test).
    expect(html).not.toContain('<link rel="stylesheet"');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style.length).toBeGreaterThan(1000);
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(response?.headers()['content-security-policy']).toContain(`'sha256-${hash}'`);

    // The app replaces it with its own page: one h1, one main, nothing doubled.
    await routeReady(page);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(SEED_TITLE);
    await expect(page.locator('main')).toHaveCount(1);
    const paragraphs = await articleParagraphs(page);
    expect(paragraphs.filter((text) => text.includes('数字强省')).length).toBeGreaterThan(0);
    // The app's own parts, which the boot view does not have, are there.
    await expect(page.getByRole('region', { name: '语音朗读' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  test('an article never stored gets the plain shell, and the app says it was not downloaded', async ({
    page,
    context,
    problems,
  }) => {
    await page.goto('/');
    await routeReady(page);
    await waitForWorkerControl(page);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    const response = await page.goto(articlePath('never-stored-article'));
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await response?.text()).not.toContain('id="boot"');
    await routeReady(page);
    await expect(page.getByRole('main')).toContainText(TEXT.articleNotDownloaded);
  });

  test('online too, a stored article opens from the boot view and the app takes over', async ({
    page,
  }) => {
    await openAndStoreArticle(page, SEED_ID);

    const response = await page.goto(articlePath(SEED_ID));
    expect(await response?.text()).toContain('<div id="boot"');
    await routeReady(page);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(SEED_TITLE);
  });
});

test.describe('the service worker’s boot view of a stored channel', () => {
  test('offline, the channel’s stored list is in the HTML; the app takes over with its own parts, nothing doubled', async ({
    page,
    context,
    problems,
  }) => {
    await openAndStoreChannel(page, 'jinan');
    const stored = await page
      .getByRole('main')
      .locator('.news-list h2 a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(stored.length).toBeGreaterThan(3);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    const response = await page.goto('/channel/jinan');
    expect(response?.fromServiceWorker()).toBe(true);
    const html = (await response?.text()) ?? '';
    expect(html).toContain('<div id="boot"');
    expect(html).toMatch(/<h1 class="page-title">济南<\/h1>/);
    expect(html).toContain('<title>济南 - ');
    for (const href of stored) expect(html).toContain(`href="${href}"`);

    await routeReady(page);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('济南');
    await expect(page.locator('main')).toHaveCount(1);
    // The same list, now with the app's parts: 下载离线 and the 收藏 toggles.
    await expect
      .poll(() =>
        page
          .getByRole('main')
          .locator('.news-list h2 a')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      )
      .toEqual(stored);
    await expect(page.getByRole('button', { name: '下载离线：济南' })).toBeVisible();
  });

  test('a channel never stored gets the plain shell', async ({ page, context, problems }) => {
    await page.goto('/');
    await routeReady(page);
    await waitForWorkerControl(page);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    const response = await page.goto('/channel/weihai');
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await response?.text()).not.toContain('id="boot"');
  });
});

test.describe('the service worker’s boot view of the stored front page', () => {
  /** The front page's headline links in the main content, in order. */
  const headlines = (page: Page) =>
    page
      .getByRole('main')
      .locator('.home-section a[href^="/article/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));

  test('offline, the sections’ stored first pages are in the HTML; the app takes over showing the same', async ({
    page,
    context,
    problems,
  }) => {
    await page.goto('/');
    await routeReady(page);
    await waitForWorkerControl(page);
    for (const section of ['hot', 'latest', 'photos']) await waitForStoredChannel(page, section);
    const online = await headlines(page);
    expect(online.length).toBeGreaterThan(10);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    const response = await page.goto('/');
    expect(response?.fromServiceWorker()).toBe(true);
    const html = (await response?.text()) ?? '';
    expect(html).toContain('<div id="boot"');
    expect(html).toContain('<title>齐鲁轻读 - 山东新闻离线阅读</title>');
    for (const href of online) expect(html).toContain(`href="${href}"`);

    await routeReady(page);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('main')).toHaveCount(1);
    await expect.poll(() => headlines(page)).toEqual(online);
    await expect(page.getByRole('region', { name: '城市频道' })).toBeVisible();
  });
});

test.describe('a boot view on screen, the app not yet started', () => {
  // What a screen reader hears of it: the page's heading, its sections and lists of headline links.
  const FRONT_PAGE = `
    - main:
      - heading "齐鲁轻读" [level=1]
      - region "热点新闻":
        - heading "热点新闻" [level=2]
        - list:
          - listitem:
            - link
        - paragraph:
          - link "更多热点新闻"
      - region "滚动":
        - heading "滚动" [level=2]
      - region "图片新闻":
        - heading "图片新闻" [level=2]
      - region "城市频道":
        - heading "城市频道" [level=2]
        - list:
          - listitem:
            - link "济南"
  `;
  const CHANNEL = `
    - main:
      - heading "济南" [level=1]
      - list:
        - listitem:
          - heading [level=2]:
            - link
  `;
  for (const [name, path, sections, snapshot] of [
    ['the front page', '/', ['hot', 'latest', 'photos'], FRONT_PAGE],
    ['a channel', '/channel/jinan', ['jinan'], CHANNEL],
  ] as const) {
    test(`${name}: a clean page for assistive technology`, async ({ page, context, problems }) => {
      await page.goto(path);
      await routeReady(page);
      await waitForWorkerControl(page);
      for (const section of sections) await waitForStoredChannel(page, section);

      allowOfflineFailures(problems);
      // The app's code never arrives: the boot view stays, as on a slow phone for a moment.
      // (The worker answers the page's requests, so they are taken out of its precache, and its
      // fetches for them fail: routing also keeps the HTTP cache from answering.)
      await context.route('**/assets/*.js', (route) => route.abort('internetdisconnected'));
      problems.allow(/^request failed: GET \S+\/assets\/\S+\.js net::ERR_/);
      problems.allow(/^console error: The app failed to load TypeError: Failed to fetch/);
      problems.allow(
        /^console error: Failed to load resource: net::ERR_\w+ \(\S+\/assets\/\S+\.js\)$/,
      );
      await page.evaluate(async () => {
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            if (/\/assets\/[^/]+\.js(?:\?|$)/.test(request.url)) await cache.delete(request);
          }
        }
      });
      await setOffline(context, true);
      await page.goto(path);
      await expect(page.locator('#boot')).toBeVisible();
      await expect(page.locator('html')).toHaveClass('booting');
      await expect(page.getByRole('main')).toMatchAriaSnapshot(snapshot);
      expect(await axeViolations(page)).toEqual([]);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    });
  }
});
