import type { Page } from '@playwright/test';
import { articlePath, axeViolations, expect, routeReady, test } from './fixtures';
import { waitForWorkerControl } from './offline-helpers';

/**
 * The search page over the production build: results from the articles
 * stored on the device (the first page of every channel is stored as the
 * page opens), as the reader types, with the query in the URL.
 */

const SEED = 'seed-271a4622fc35748e';
const SEED_TITLE = '山东省数字强省建设工作推进会召开';

function searchBox(page: Page) {
  return page.getByRole('search').getByRole('searchbox', { name: '搜索新闻' });
}

/**
 * Waits until the search has its final answer. On a new device (every test's fresh context)
 * that takes fetching the first page of every channel and indexing it in the page, a few
 * seconds on a busy machine: more than the default expect timeout, so it gets its own.
 */
async function resultsFinal(page: Page): Promise<void> {
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/找到 \d+ 条/, {
    timeout: 20_000,
  });
}

/** Opens the search page for `query` and waits for its final answer; returns the page's main. */
async function openSearch(page: Page, query: string) {
  await page.goto(`/search?q=${encodeURIComponent(query)}`);
  await resultsFinal(page);
  return page.getByRole('main');
}

/** The polite status line with the result count, and the count it says. */
async function announcedCount(page: Page): Promise<number> {
  const live = page
    .locator('[aria-live="polite"], [role="status"]')
    .filter({ hasText: /找到 \d+ 条结果/ });
  await expect(live).toHaveCount(1);
  const [, count = '-1'] = /找到 (\d+) 条结果/.exec(await live.innerText()) ?? [];
  return Number(count);
}

test.describe('search', () => {
  test('when a word is searched, the query goes into ?q= and the result count is announced', async ({
    page,
  }) => {
    await page.goto('/search');
    await routeReady(page);
    const form = page.getByRole('search');
    await expect(searchBox(page)).toHaveAttribute('name', 'q');
    await searchBox(page).fill('数字强省');
    await form.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('数字强省')}`);
    await resultsFinal(page);

    const main = page.getByRole('main');
    const seedLink = main.getByRole('link', { name: SEED_TITLE, exact: true });
    await expect(seedLink).toHaveAttribute('href', articlePath(SEED));
    const count = await announcedCount(page);
    expect(count).toBeGreaterThan(0);
    await expect(main.locator('a[href^="/article/"]')).toHaveCount(count);
  });

  test('results come as the reader types, each with headline, channel, date and a marked excerpt', async ({
    page,
  }) => {
    await page.goto('/search');
    await routeReady(page);
    await searchBox(page).pressSequentially('周乃翔', { delay: 50 });
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('周乃翔')}`);
    await resultsFinal(page);
    const hit = page.getByRole('main').getByRole('listitem').filter({ hasText: SEED_TITLE });
    await expect(hit.getByRole('heading', { level: 3 })).toHaveText(SEED_TITLE);
    await expect(hit.getByRole('link')).toHaveAttribute('href', articlePath(SEED));
    await expect(hit.locator('time')).toHaveAttribute('datetime', '2023-05-06T10:30:13+08:00');
    await expect(hit.locator('.news-item__channel')).not.toBeEmpty();
    await expect(hit.locator('mark').first()).toHaveText('周乃翔');
    await expect(hit.locator('.search-hit__snippet')).toContainText('省长周乃翔主持');
    await expect(page.getByRole('main')).toContainText(/搜索范围：本机已保存的 \d+ 篇文章/);
  });

  test('a headline match is marked in the headline itself', async ({ page }) => {
    await openSearch(page, '数字强省');
    const heading = page.getByRole('main').getByRole('heading', { name: SEED_TITLE });
    await expect(heading.locator('mark')).toHaveText('数字强省');
  });

  test('a deep link with ?q= runs the search and fills the box', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('济南')}`);
    await expect(searchBox(page)).toHaveValue('济南');
    await resultsFinal(page);
    await expect(page.getByRole('main').locator('a[href^="/article/"]').first()).toBeVisible();
  });

  test('a search without results says so and suggests what to try', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('没有这样的新闻zzz')}`);
    await routeReady(page);
    await resultsFinal(page);
    const main = page.getByRole('main');
    await expect(main.getByText('没有找到包含“没有这样的新闻zzz”的文章。可以试试：')).toBeVisible();
    await expect(main.locator('a[href^="/article/"]')).toHaveCount(0);
    await expect(main.getByRole('listitem').filter({ hasText: '只搜一个字' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('when no article has every word, partial matches are offered and said to be partial', async ({
    page,
  }) => {
    const main = await openSearch(page, '周乃翔 没有这样的词zzz');
    await expect(main.getByRole('status')).toContainText(
      /没有完全匹配的文章，找到 \d+ 条部分匹配的结果/,
    );
    await expect(main.getByRole('link', { name: SEED_TITLE, exact: true })).toBeVisible();
    await expect(main.getByText('没有同时包含所有词的文章')).toBeVisible();
  });

  test('the channel filter narrows the results and goes into the URL', async ({ page }) => {
    const main = await openSearch(page, '示例');
    await expect(main.locator('.search-hit').first()).toBeVisible();
    await main.getByRole('combobox', { name: '频道' }).selectOption({ label: '青岛' });
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('示例')}&channel=qingdao`);
    await expect(main.locator('.search-hit .news-item__channel').first()).toHaveText('青岛');
    const channels = await main.locator('.search-hit .news-item__channel').allInnerTexts();
    expect(new Set(channels)).toEqual(new Set(['青岛']));
    expect(await axeViolations(page)).toEqual([]);
  });

  test('显示更多结果 adds the next results and moves focus to the first of them', async ({
    page,
  }) => {
    const main = await openSearch(page, '示例');
    const links = main.locator('.search-hit a[href^="/article/"]');
    await expect(links).toHaveCount(10);
    // A new device indexes in the page until the worker takes over and stores the same pages
    // again: the results may be ranked anew meanwhile. The test is of 显示更多结果 on a settled
    // index, so it waits for the worker and a quiet network.
    await waitForWorkerControl(page);
    await page.waitForLoadState('networkidle');
    await resultsFinal(page);
    await main.getByRole('button', { name: '显示更多结果' }).click();
    await expect(links.nth(10)).toBeFocused();
    await expect(links).toHaveCount(20);
    await expect(
      page.locator('[aria-live="polite"]').filter({ hasText: /已加载 \d+ 条/ }),
    ).not.toHaveCount(0);
  });

  test('settings are found by what readers call them', async ({ page }) => {
    for (const [query, entry] of [
      ['长辈', '长辈版'],
      ['字号', '字号'],
      ['朗读', '语音朗读'],
    ] as const) {
      await page.goto(`/search?q=${encodeURIComponent(query)}`);
      const settings = page.getByRole('region', { name: '设置' });
      await expect(settings.getByRole('link', { name: entry, exact: true })).toBeVisible();
    }
  });

  test('axe finds nothing on a page of results', async ({ page }) => {
    await openSearch(page, '数字强省');
    await expect(page.getByRole('main').locator('mark').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('search and the back button', () => {
  test('typing replaces the history entry: Back leaves the search page', async ({ page }) => {
    await page.goto('/');
    await routeReady(page);
    await page.getByRole('banner').getByRole('link', { name: '搜索', exact: true }).click();
    await expect(page).toHaveURL('/search');
    await searchBox(page).fill('济南');
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('济南')}`);
    await searchBox(page).fill('济南 泉');
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('济南 泉')}`);
    await page.goBack();
    await expect(page).toHaveURL('/');
  });

  test('editing a search reached by a link adds an entry: Back shows the earlier search again', async ({
    page,
  }) => {
    await openSearch(page, '济南');
    await searchBox(page).fill('周乃翔');
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('周乃翔')}`);
    await expect(page.getByRole('main').getByRole('link', { name: SEED_TITLE })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('济南')}`);
    await expect(searchBox(page)).toHaveValue('济南');
    expect(await announcedCount(page)).toBeGreaterThan(1);
  });

  test('after opening a result, Back returns to the same results', async ({ page }) => {
    await openSearch(page, '一网通揽');
    await page.getByRole('main').getByRole('link', { name: SEED_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
    await page.goBack();
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('一网通揽')}`);
    await expect(searchBox(page)).toHaveValue('一网通揽');
    await expect(page.getByRole('main').locator('mark').first()).toHaveText('一网通揽');
  });
});
