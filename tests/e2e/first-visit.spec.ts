import type { Page } from '@playwright/test';
import { SEED_ARTICLE_PATH } from './a11y-helpers';
import { axeViolations, expect, routeReady, test } from './fixtures';
import {
  allowOfflineFailures,
  offlineIndicator,
  offlineTest,
  readStore,
  setOffline,
  waitForStoredArticle,
  waitForWorkerControl,
} from './offline-helpers';

/**
 * The resting first visit (src/app/first-visit): a prerendered page in a fresh profile runs
 * only the entry until the reader uses a control. These tests hold the promises that make that
 * safe: the first use of a control is answered (once, by the app, on the same element, by mouse
 * and by keyboard), links work as links, the worker stores what the page shows and records the
 * article as read, the connection lost brings the app, and a reader with anything stored gets
 * the app at once.
 */

const SEED_ID = 'seed-271a4622fc35748e';

/** Scripts the page itself (not its worker) requested, by path. */
function pageScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.serviceWorker() || request.resourceType() !== 'script') return;
    scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

function isResting(page: Page) {
  return page.evaluate(() => document.documentElement.classList.contains('resting'));
}

test.describe('a resting first visit', () => {
  // A phone's screen: the header folds its 城市 list behind a button.
  test.use({ viewport: { width: 412, height: 823 } });

  test('runs the entry alone, answers the first use of 收藏 once the app is in, on the same button', async ({
    page,
  }) => {
    const scripts = pageScripts(page);
    await page.goto(SEED_ARTICLE_PATH);
    await routeReady(page);
    await waitForWorkerControl(page);
    expect(await isResting(page)).toBe(true);
    expect(scripts, 'the entry is the only script before a control is used').toHaveLength(1);

    const save = page.getByRole('button', { name: '收藏', exact: true });
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    const before = await save.elementHandle();
    await save.click();
    // Done once: 已收藏, not saved and then unsaved again by a replay.
    const saved = page.getByRole('button', { name: '收藏', exact: true, pressed: true });
    await expect(saved).toHaveText('已收藏');
    expect(await isResting(page)).toBe(false);
    expect(scripts.length).toBeGreaterThan(1);
    // Preact hydrated the page's own element: the button the reader pressed is the one that answered.
    expect(await saved.evaluate((element, old) => element === old, before)).toBe(true);
    await expect(saved).not.toHaveAttribute('aria-busy');
    await expect
      .poll(async () => (await readStore(page, 'user')).find((record) => record.id === SEED_ID))
      .toMatchObject({ savedAt: expect.any(Number) });
  });

  test('a keyboard user’s Enter on a control is answered the same way', async ({ page }) => {
    await page.goto('/channel/jinan');
    await routeReady(page);
    expect(await isResting(page)).toBe(true);
    const toggle = page.getByRole('button', { name: '城市' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await isResting(page)).toBe(false);
    // The disclosure keeps the keyboard where it was.
    await expect(toggle).toBeFocused();
  });

  test('links work as links before the app is in, and the page is clean for axe while resting', async ({
    page,
  }) => {
    const scripts = pageScripts(page);
    await page.goto('/');
    await routeReady(page);
    expect(await isResting(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const before = [...scripts];
    await page.getByRole('main').getByRole('link', { name: '济南', exact: true }).click();
    await expect(page).toHaveURL(/\/channel\/jinan$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('济南');
    // The link was followed as a link: a new document, which (the worker controlling it now)
    // starts the app at once. The resting page itself loaded nothing but its entry.
    expect(before).toHaveLength(1);
    expect(
      await page.evaluate(
        () => new URL(performance.getEntriesByType('navigation')[0]?.name ?? '').pathname,
      ),
    ).toBe('/channel/jinan');
  });

  for (const path of ['/', '/channel/jinan', SEED_ARTICLE_PATH]) {
    test(`${path}: a screen reader hears the same page resting and once the app is in`, async ({
      page,
    }) => {
      await page.goto(path);
      await routeReady(page);
      expect(await isResting(page)).toBe(true);
      const resting = await page.locator('body').ariaSnapshot();
      // Focus on a control brings the app without using it.
      await page.getByRole('button', { name: '城市' }).focus();
      await expect(page.locator('html.prerendered')).toHaveCount(0);
      expect(await page.locator('body').ariaSnapshot()).toBe(resting);
    });
  }

  test('keyboard only: the skip link, then a link followed with Enter opens the next page at its top', async ({
    page,
  }) => {
    await page.goto('/');
    await routeReady(page);
    expect(await isResting(page)).toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // The first link in the main content, followed as a link: a new page, read from its top.
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const href = await focused.getAttribute('href');
    expect(href).toMatch(/^\/(?:article|channel)\//);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href ?? ''}$`));
    await routeReady(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  });

  test('a reader with settings stored gets the app at once, so the page shows their choices', async ({
    page,
  }) => {
    await page.goto('/about/accessibility');
    await routeReady(page);
    await page.evaluate(() => localStorage.setItem('qilu:install-banner-dismissed', '1'));
    await page.goto('/');
    // Controlled by now, and with something of the reader's stored: either way the app runs.
    await expect(page.locator('html.prerendered, html.resting')).toHaveCount(0);
  });
});

offlineTest(
  'the worker stores a resting article, records it as read, and it reads offline',
  async ({ page, context, problems }) => {
    const opened = Date.now();
    await page.goto(SEED_ARTICLE_PATH);
    await routeReady(page);
    await waitForWorkerControl(page);
    await waitForStoredArticle(page, SEED_ID);
    await expect
      .poll(async () => (await readStore(page, 'user')).find((record) => record.id === SEED_ID))
      .toMatchObject({ lastReadAt: expect.any(Number) });
    const record = (await readStore(page, 'user')).find((user) => user.id === SEED_ID);
    expect(record?.lastReadAt).toBeGreaterThanOrEqual(opened - 1000);
    expect(await isResting(page)).toBe(true);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    // The connection lost brings the app (from the worker's precache), which says so.
    await expect(offlineIndicator(page)).toBeVisible();
    expect(await isResting(page)).toBe(false);

    // The channel the article is in reads offline too, and says 「已读」 as the worker recorded.
    await page.goto('/channel/jinan');
    await routeReady(page);
    await expect(
      page.getByRole('main').getByRole('link', { name: /山东省数字强省建设工作推进会召开.*已读/ }),
    ).toBeVisible();
  },
);
