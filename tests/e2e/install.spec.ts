import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { ENGAGED_AFTER, INSTALL_BANNER_DISMISSED_KEY } from '../../src/app/install/keys';
import {
  articlePath,
  axeViolations,
  channelDirectory,
  expect,
  feedPages,
  routeReady,
  test,
  watchPage,
} from './fixtures';
import { readStore, waitForWorkerControl } from './offline-helpers';

/**
 * 「安装到主屏幕」: the manifest passes Chromium's own installability check, the quiet banner
 * waits for real engagement and goes for good when dismissed, 长辈版 never sees it, the
 * settings entry opens the browser's dialog, and iOS Safari gets the illustrated how-to.
 *
 * Headless Chromium does not reliably fire `beforeinstallprompt` (it depends on engagement
 * heuristics and the browser UI), so the tests dispatch one themselves: a plain Event with the
 * `prompt()` and `userChoice` members Chromium's BeforeInstallPromptEvent has, recording calls.
 */

const BANNER = { name: '安装齐鲁轻读' } as const;

/** Dispatches a stand-in `beforeinstallprompt` whose dialog answers `outcome`. */
async function offerInstall(page: Page, outcome: 'accepted' | 'dismissed' = 'dismissed') {
  await page.evaluate((answer) => {
    const calls = { prompt: 0 };
    (window as unknown as { installCalls: typeof calls }).installCalls = calls;
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => {
        calls.prompt += 1;
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: answer, platform: 'web' }),
    });
    dispatchEvent(event);
  }, outcome);
}

/** How often the page called prompt() on the last stand-in event. */
function promptCalls(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { installCalls?: { prompt: number } }).installCalls?.prompt ?? 0,
  );
}

/** The first `count` article ids of the hot channel. */
async function hotArticles(request: APIRequestContext, count: number): Promise<string[]> {
  const hot = (await channelDirectory(request)).find((channel) => channel.id === 'hot');
  if (!hot) throw new Error('no hot channel');
  const [first = []] = await feedPages(request, hot);
  const ids = first.slice(0, count).map((item) => item.id);
  expect(ids).toHaveLength(count);
  return ids;
}

/** The ids the app has recorded as read (最近阅读), straight from IndexedDB. */
async function readIds(page: Page): Promise<string[]> {
  return (await readStore(page, 'user')).flatMap((record) =>
    record.lastReadAt === undefined ? [] : [record.id],
  );
}

/** Opens each article in turn (full page loads) and waits until the app has recorded it read. */
async function readArticles(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await page.goto(articlePath(id));
    await routeReady(page);
    await expect.poll(() => readIds(page)).toContain(id);
  }
}

/** Opens an article by following its link on the current page (no reload), and waits for it. */
async function readInApp(page: Page, id: string): Promise<void> {
  await page
    .locator(`a[href="${articlePath(id)}"]`)
    .first()
    .click();
  await routeReady(page);
  await expect.poll(() => readIds(page)).toContain(id);
}

/**
 * Reads enough articles to count as engaged, then opens `path`; with `outcome`, the browser
 * then offers installation (a stand-in event whose dialog answers `outcome`).
 */
async function openEngaged(
  page: Page,
  request: APIRequestContext,
  path: string,
  outcome?: 'accepted' | 'dismissed',
): Promise<void> {
  await readArticles(page, await hotArticles(request, ENGAGED_AFTER));
  await page.goto(path);
  await routeReady(page);
  if (outcome) await offerInstall(page, outcome);
}

/** A new visit to the same page, where the browser offers installation again. */
async function reloadWithOffer(page: Page): Promise<void> {
  await page.reload();
  await routeReady(page);
  await offerInstall(page);
}

/** The banner's host shows the last count of articles read it has made. */
function countedReads(page: Page) {
  return page.locator('#install-banner-host');
}

test.describe('installing the app', () => {
  test('Chromium finds the app installable once the service worker controls it', async ({
    playwright,
    launchOptions,
    baseURL,
    problems,
    request,
  }) => {
    // The browser fetches the manifest itself (not through the page's network): ask the server.
    const response = await request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);

    // Test contexts are incognito, where Chromium never installs anything ("in-incognito"):
    // this check needs a browser with a real profile.
    const profile = await mkdtemp(path.join(tmpdir(), 'qilu-install-profile-'));
    const browser = await playwright.chromium.launchPersistentContext(profile, {
      ...launchOptions,
      baseURL,
      locale: 'zh-CN',
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await watchPage(page, problems);
      await page.goto('/');
      await routeReady(page);
      await waitForWorkerControl(page);

      const cdp = await browser.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    } finally {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  test('every shortcut opens its page', async ({ page }) => {
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
      shortcuts: { name: string; url: string }[];
    };
    const headings: Record<string, string> = {
      热点新闻: '热点新闻',
      济南: '济南',
      搜索: '搜索',
      收藏: '收藏与离线',
    };
    expect(manifest.shortcuts.map((shortcut) => shortcut.name)).toEqual(Object.keys(headings));
    for (const shortcut of manifest.shortcuts) {
      await page.goto(shortcut.url);
      await routeReady(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        headings[shortcut.name] ?? '',
      );
    }
  });

  test('the banner waits for three articles read, then can be dismissed for good', async ({
    page,
    request,
  }) => {
    const ids = await hotArticles(request, ENGAGED_AFTER);
    await readArticles(page, ids.slice(0, ENGAGED_AFTER - 1));

    await page.goto('/channel/hot');
    await routeReady(page);
    await offerInstall(page);
    // The banner has counted the reads so far, and stays away.
    await expect(countedReads(page)).toHaveAttribute(
      'data-articles-read',
      String(ENGAGED_AFTER - 1),
    );
    await expect(page.getByRole('region', BANNER)).toHaveCount(0);

    // One more article, read in the app without a reload: now it appears.
    await readInApp(page, ids[ENGAGED_AFTER - 1] ?? '');
    const banner = page.getByRole('region', BANNER);
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('heading', { level: 2, ...BANNER })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // It never takes focus by itself.
    expect(await banner.evaluate((el) => el.contains(document.activeElement))).toBe(false);

    await banner.getByRole('button', { name: '不再提示' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.locator('#main')).toBeFocused();
    expect(
      await page.evaluate((key) => localStorage.getItem(key), INSTALL_BANNER_DISMISSED_KEY),
    ).not.toBeNull();

    // After a reload the browser offers installation again: the settings entry takes the
    // offer (so the event was handled), the banner does not come back.
    await reloadWithOffer(page);
    await page.getByRole('link', { name: '设置', exact: true }).click();
    await routeReady(page);
    await expect(page.getByRole('button', { name: '安装到主屏幕' })).toBeVisible();
    await expect(page.locator('#install-banner-host')).toHaveCount(0);
    await expect(page.getByRole('region', BANNER)).toHaveCount(0);
  });

  test('「安装到主屏幕」 in the banner opens the browser dialog and the banner goes', async ({
    page,
    request,
  }) => {
    await openEngaged(page, request, '/', 'accepted');
    const banner = page.getByRole('region', BANNER);
    await banner.getByRole('button', { name: '安装到主屏幕' }).click();
    await expect(banner).toHaveCount(0);
    expect(await promptCalls(page)).toBe(1);
    await expect(page.locator('#main')).toBeFocused();
  });

  test('长辈版 never shows the banner: it leaves when switched on and stays away', async ({
    page,
    request,
  }) => {
    await openEngaged(page, request, '/settings', 'dismissed');
    const banner = page.getByRole('region', BANNER);
    await expect(banner).toBeVisible();

    await page.getByRole('switch', { name: '开启长辈版' }).check();
    await expect(banner).toHaveCount(0);

    // A new visit in 长辈版: the offer is held for the settings entry, the banner never loads.
    await reloadWithOffer(page);
    await expect(page.getByRole('button', { name: '安装到主屏幕' })).toBeVisible();
    await expect(page.locator('#install-banner-host')).toHaveCount(0);
  });

  test('the settings entry calls prompt() and says how it went', async ({ page }) => {
    await page.goto('/settings');
    await routeReady(page);
    const section = page.getByRole('region', { name: '安装到主屏幕' });
    // No offer from the browser (yet): an honest sentence, no button.
    await expect(section.getByRole('button')).toHaveCount(0);
    await expect(section).toContainText('浏览器菜单');

    await offerInstall(page, 'dismissed');
    const install = section.getByRole('button', { name: '安装到主屏幕' });
    await install.click();
    await expect(section.getByRole('status')).toHaveText(/已取消安装/);
    expect(await promptCalls(page)).toBe(1);
    await expect(section.getByRole('heading', { name: '安装到主屏幕' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('installing on iOS Safari', () => {
  // An iPhone's Safari. Chromium does not have `navigator.standalone`, which only iOS WebKit
  // has (false in a browser tab): it is added so the page sees what an iPhone would show it.
  test.use({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    viewport: { width: 390, height: 844 },
  });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'standalone', {
        configurable: true,
        get: () => false,
      });
    });
  });

  test('after engagement the banner offers the illustrated how-to, axe clean', async ({
    page,
    request,
  }) => {
    await openEngaged(page, request, '/');
    const banner = page.getByRole('region', BANNER);
    const show = banner.getByRole('button', { name: '查看添加方法' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(banner.getByRole('listitem')).toHaveCount(0);

    await show.click();
    await expect(show).toHaveAttribute('aria-expanded', 'true');
    const steps = banner.getByRole('listitem');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText('分享');
    await expect(steps.nth(1)).toContainText('添加到主屏幕');
    // Every picture has a text equivalent.
    for (const picture of await banner.getByRole('img').all()) {
      await expect(picture).toHaveAccessibleName(/^图示：/);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  test('settings shows the how-to instead of a button', async ({ page }) => {
    await page.goto('/settings');
    await routeReady(page);
    const section = page.getByRole('region', { name: '安装到主屏幕' });
    await expect(section.getByRole('listitem')).toHaveCount(3);
    await expect(section.getByRole('button')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
