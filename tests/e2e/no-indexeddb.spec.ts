import { articlePath, expect, routeReady, test } from './fixtures';

/**
 * A browser without IndexedDB (some private modes, a disabled storage policy) and, here, without
 * a service worker either: nothing can be stored, so every page reads from the network, the
 * reader is told once that nothing will be there offline, and every route still works.
 */

test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
});

test('without IndexedDB the app reads home, a channel, an article and search from the network', async ({
  page,
  problems,
}) => {
  // The data layer warns once in the console that it reads from the network only.
  problems.allow(/IndexedDB unavailable/);
  await page.goto('/');
  await routeReady(page);
  await expect(page.getByRole('heading', { name: '热点新闻' })).toBeVisible();
  await expect(
    page.getByText('本机存储不可用，内容将直接从网络读取，离线时无法阅读。'),
  ).toBeVisible();

  await page.goto('/channel/jinan');
  await routeReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('济南');
  await expect(page.getByRole('main').getByRole('link', { name: /.+/ }).first()).toBeVisible();

  await page.goto(articlePath('seed-271a4622fc35748e'));
  await routeReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '山东省数字强省建设工作推进会召开',
  );

  // Search without an index: the substring fallback, traditional characters folded too.
  await page.goto(`/search?q=${encodeURIComponent('數字強省')}`);
  await routeReady(page);
  await expect(
    page.getByRole('main').getByRole('link', { name: '山东省数字强省建设工作推进会召开' }),
  ).toBeVisible();
});
