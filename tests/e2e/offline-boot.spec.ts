import type { Page } from '@playwright/test';
import { articlePath, axeViolations, expect, routeReady } from './fixtures';
import {
  allowOfflineFailures,
  articleParagraphs,
  offlineTest as test,
  openAndStoreArticle,
  openAndStoreChannel,
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

  test('while it shows, the boot view is a clean page for assistive technology', async ({
    page,
    context,
    problems,
  }) => {
    await openAndStoreChannel(page, 'jinan');

    allowOfflineFailures(problems);
    // The app's code never arrives: the boot view stays, as on a slow phone for a moment.
    await page.route('**/assets/*.js', (route) => route.abort());
    await setOffline(context, true);
    await page.goto('/channel/jinan');
    await expect(page.locator('#boot')).toBeVisible();
    await expect(page.getByRole('main')).toMatchAriaSnapshot(`
      - main:
        - heading "济南" [level=1]
        - list:
          - listitem:
            - heading [level=2]:
              - link
    `);
    expect(await axeViolations(page)).toEqual([]);
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
