import type { APIRequestContext } from '@playwright/test';
import type { FeedItem } from './fixtures';
import {
  articlePath,
  axeViolations,
  channelDirectory,
  expect,
  feedPages,
  routeReady,
} from './fixtures';
import {
  allowOfflineFailures,
  offlineTest as test,
  readStore,
  setOffline,
  waitForWorkerControl,
} from './offline-helpers';

/**
 * Offline search in real Chromium with the service worker: what the reader
 * browsed, or downloaded for offline reading, is found with no network at
 * all, by the index the worker keeps as it stores articles.
 */

/** Pages a download takes by default (the settings' 下载深度). */
const DEFAULT_DEPTH = 3;

/** The articles of a channel's later pages that a default download takes (never shown otherwise). */
async function laterPageItems(request: APIRequestContext, id: string): Promise<FeedItem[]> {
  const channel = (await channelDirectory(request)).find((entry) => entry.id === id);
  if (!channel) throw new Error(`no channel ${id}`);
  const [first = [], ...later] = await feedPages(request, channel);
  const onFirst = new Set(first.map((item) => item.id));
  return later
    .slice(0, DEFAULT_DEPTH - 1)
    .flat()
    .filter((item) => !onFirst.has(item.id));
}

test.describe('offline search', () => {
  test('what was browsed online is found offline', async ({ page, context, problems }) => {
    await page.goto('/');
    await routeReady(page);
    await waitForWorkerControl(page);
    await page.goto(`/search?q=${encodeURIComponent('爱山东')}`);
    const main = page.getByRole('main');
    await expect(
      main.getByRole('link', { name: '山东省数字强省建设工作推进会召开' }),
    ).toBeVisible();

    allowOfflineFailures(problems);
    await setOffline(context, true);
    await page.goto(`/search?q=${encodeURIComponent('一网通揽')}`);
    await expect(main.locator('.search-hit mark').first()).toHaveText('一网通揽');
    await expect(main).toContainText(/当前离线。搜索范围：本机已保存的 \d+ 篇文章/);
    // A single character finds it too.
    await page.getByRole('searchbox', { name: '搜索新闻' }).fill('翔');
    await expect(main.locator('.search-hit mark').first()).toHaveText('翔');
  });

  test('after 下载离线 of a channel, its articles on every page are found offline and open', async ({
    page,
    context,
    request,
    problems,
  }) => {
    test.setTimeout(90_000);
    const later = await laterPageItems(request, 'qingdao');
    const target = later.at(-1);
    if (!target) throw new Error('青岛 has a single page: nothing to download beyond it');

    await page.goto('/channel/qingdao');
    await routeReady(page);
    await waitForWorkerControl(page);
    const main = page.getByRole('main');
    await main.getByRole('button', { name: '下载离线：青岛', exact: true }).click();
    await expect(page.getByText(/下载完成：\d+ 篇文章/).first()).toBeVisible({ timeout: 30_000 });
    // The worker indexed as it stored: no article waits for the page to index it.
    await expect.poll(async () => (await readStore(page, 'articles')).length).toBeGreaterThan(20);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    await page.goto(`/search?q=${encodeURIComponent(target.title)}&channel=qingdao`);
    const link = main.getByRole('link', { name: target.title, exact: true });
    await expect(link).toHaveAttribute('href', articlePath(target.id));
    await expect(main).toContainText('当前离线。');
    expect(await axeViolations(page)).toEqual([]);

    // Every later-page article is found by its headline.
    for (const item of later) {
      await page.getByRole('searchbox', { name: '搜索新闻' }).fill(item.title);
      await expect(main.getByRole('link', { name: item.title, exact: true }).first()).toBeVisible();
    }

    await page.getByRole('searchbox', { name: '搜索新闻' }).fill(target.title);
    await main.getByRole('link', { name: target.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title);
  });
});
