import type { Page } from '@playwright/test';
import { axeViolations, expect, routeReady, test } from './fixtures';

const SEED_ARTICLE = '/article/seed-271a4622fc35748e';
const PREFS_KEY = 'qilu:reading-prefs';

/** Stores reading settings as the app would, then opens `path` with them. */
async function openWithPrefs(page: Page, path: string, prefs: Record<string, unknown>) {
  await page.goto('/settings');
  await routeReady(page);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    PREFS_KEY,
    JSON.stringify({ v: 1, ...prefs }),
  ] as const);
  await page.goto(path);
  await routeReady(page);
}

/** A radio group of the settings page by its legend. */
function group(page: Page, name: string) {
  return page.getByRole('radiogroup', { name }).or(page.getByRole('group', { name }));
}

function px(value: string): number {
  return parseFloat(value);
}

const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe('reading settings', () => {
  test('200% text makes article body text at least 30 px, and it is remembered after a reload', async ({
    page,
  }) => {
    await page.goto('/settings');
    await routeReady(page);
    await group(page, '字号').getByRole('radio', { name: '超大', exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');

    await page.goto(SEED_ARTICLE);
    await routeReady(page);
    const paragraph = page.locator('.article-body p').first();
    const size = async () => px(await paragraph.evaluate((el) => getComputedStyle(el).fontSize));
    expect(await size()).toBeGreaterThanOrEqual(30);

    await page.reload();
    await routeReady(page);
    expect(await size()).toBeGreaterThanOrEqual(30);
  });

  test('a change in another tab applies here, and this tab’s settings page shows it', async ({
    page,
    context,
  }) => {
    await page.goto('/settings');
    await routeReady(page);
    const other = await context.newPage();
    await other.goto('/settings');
    await routeReady(other);

    await group(other, '字号').getByRole('radio', { name: '超大', exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
    await expect(
      group(page, '字号').getByRole('radio', { name: '超大', exact: true }),
    ).toBeChecked();

    // A change here now keeps the other tab's choice instead of writing the old one back.
    await group(page, '主题').getByRole('radio', { name: '深色' }).check();
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(other.locator('html')).toHaveAttribute('data-text-size', '200');
    await other.close();
  });

  test('the settings are on <html> before the app renders anything (no flash)', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const order: string[] = [];
      (window as unknown as { paintOrder: string[] }).paintOrder = order;
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes' && record.target === document.documentElement) {
            order.push(`attr:${record.attributeName ?? ''}`);
          } else if (
            record.type === 'childList' &&
            record.target instanceof Element &&
            record.target.id === 'app' &&
            record.addedNodes.length > 0
          ) {
            order.push('render');
          }
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    // The shell, as the worker answers every navigation with it and the server answers a page
    // the build did not prerender (prerender.spec.ts checks the prerendered pages).
    await openWithPrefs(page, '/settings', { theme: 'dark', textSize: 150 });
    const order = await page.evaluate(
      () => (window as unknown as { paintOrder: string[] }).paintOrder,
    );
    const firstRender = order.indexOf('render');
    expect(firstRender).toBeGreaterThan(0);
    expect(order.slice(0, firstRender)).toEqual(
      expect.arrayContaining(['attr:data-theme', 'attr:data-text-size']),
    );
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('follows the device dark mode until the reader picks a theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/settings');
    await routeReady(page);
    const themes = group(page, '主题');
    await expect(themes.getByRole('radio', { name: '跟随系统' })).toBeChecked();
    expect(await bodyBackground(page)).toBe('rgb(18, 18, 18)');

    await themes.getByRole('radio', { name: '默认', exact: true }).check();
    await expect.poll(() => bodyBackground(page)).toBe('rgb(255, 255, 255)');
    await page.reload();
    await routeReady(page);
    expect(await bodyBackground(page)).toBe('rgb(255, 255, 255)');

    await group(page, '主题').getByRole('radio', { name: '高对比度' }).check();
    await expect.poll(() => bodyBackground(page)).toBe('rgb(0, 0, 0)');
  });

  test('line height, paragraph and letter spacing change the article text', async ({ page }) => {
    await page.goto(SEED_ARTICLE);
    await routeReady(page);
    const paragraph = page.locator('.article-body p').first();
    const style = () =>
      paragraph.evaluate((el) => {
        const computed = getComputedStyle(el);
        return {
          lineHeight: parseFloat(computed.lineHeight) / parseFloat(computed.fontSize),
          margin: parseFloat(computed.marginBlockEnd) / parseFloat(computed.fontSize),
          letter: parseFloat(computed.letterSpacing) || 0,
        };
      });
    const before = await style();

    await page.goto('/settings');
    await routeReady(page);
    await group(page, '行距').getByRole('radio', { name: '更宽松' }).check();
    await group(page, '段落间距').getByRole('radio', { name: '加大' }).check();
    await group(page, '字间距').getByRole('radio', { name: '加宽' }).check();
    await page.goto(SEED_ARTICLE);
    await routeReady(page);
    const after = await style();
    expect(after.lineHeight).toBeGreaterThan(before.lineHeight);
    expect(after.lineHeight).toBeGreaterThanOrEqual(2);
    expect(after.margin).toBeGreaterThan(before.margin);
    expect(after.letter).toBeGreaterThan(before.letter);
  });

  test('减少动画 turns transitions off and is remembered', async ({ page }) => {
    await page.goto('/settings');
    await routeReady(page);
    await group(page, '动画').getByRole('radio', { name: '减少动画' }).check();
    await page.reload();
    await routeReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
    const duration = await page.evaluate(() => getComputedStyle(document.body).transitionDuration);
    expect(parseFloat(duration)).toBeLessThan(0.001);
  });

  test('长辈版 gives body text of at least 20 px and targets of at least 60 px', async ({
    page,
  }) => {
    await page.goto('/settings');
    await routeReady(page);
    const elder = page.getByRole('switch', { name: '开启长辈版' });
    await expect(elder).not.toBeChecked();
    await elder.check();
    await page.reload();
    await routeReady(page);
    await expect(page.getByRole('switch', { name: '开启长辈版' })).toBeChecked();

    await page.goto('/');
    await routeReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-elder', '');
    const bodySize = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.body).fontSize),
    );
    expect(bodySize).toBeGreaterThanOrEqual(20);
    const settingsLink = page.getByRole('banner').getByRole('link', { name: '设置' });
    const box = await settingsLink.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(60);
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(60);
  });

  test('searching 长辈 finds the setting and leads to it', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('长辈')}`);
    await routeReady(page);
    const settings = page.getByRole('region', { name: '设置' });
    const link = settings.getByRole('link', { name: '长辈版' });
    await expect(link).toHaveAttribute('href', '/settings#elder');
    await link.click();
    await routeReady(page);
    await expect(page.getByRole('switch', { name: '开启长辈版' })).toBeVisible();
  });

  for (const query of ['关怀', '大字']) {
    test(`searching ${query} finds 长辈版`, async ({ page }) => {
      await page.goto(`/search?q=${encodeURIComponent(query)}`);
      await routeReady(page);
      await expect(
        page.getByRole('region', { name: '设置' }).getByRole('link', { name: '长辈版' }),
      ).toBeVisible();
    });
  }
});

const CONFIGS: { name: string; prefs: Record<string, unknown> }[] = [
  { name: '默认', prefs: { theme: 'light' } },
  { name: '深色', prefs: { theme: 'dark' } },
  { name: '高对比度', prefs: { theme: 'contrast' } },
  { name: '长辈版', prefs: { elder: true } },
];

for (const config of CONFIGS) {
  for (const path of ['/', SEED_ARTICLE, '/settings']) {
    test(`axe finds nothing on ${path} with ${config.name}`, async ({ page }) => {
      await openWithPrefs(page, path, config.prefs);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('following the device dark mode, axe finds nothing on the seed article', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(SEED_ARTICLE);
  await routeReady(page);
  expect(await bodyBackground(page)).toBe('rgb(18, 18, 18)');
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('at 320px wide with 200% text', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of ['/', '/channel/jinan', SEED_ARTICLE, '/settings']) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await openWithPrefs(page, path, { textSize: 200 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'reflow: no horizontal scrolling').toBeLessThanOrEqual(0);
    });
  }
});
