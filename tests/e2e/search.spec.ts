import { expect, routeReady, test } from './fixtures';

test.describe('search', () => {
  test('when a word is searched, the query goes into ?q= and the result count is announced', async ({
    page,
  }) => {
    await page.goto('/search');
    await routeReady(page);
    const form = page.getByRole('search');
    const box = form.getByRole('searchbox', { name: '搜索新闻' });
    await expect(box).toHaveAttribute('name', 'q');
    await box.fill('数字强省');
    await form.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent('数字强省')}`);

    const main = page.getByRole('main');
    const seedLink = main.getByRole('link', {
      name: '山东省数字强省建设工作推进会召开',
      exact: true,
    });
    await expect(seedLink).toHaveAttribute('href', '/article/seed-271a4622fc35748e');
    const live = page
      .locator('[aria-live="polite"], [role="status"]')
      .filter({ hasText: /找到 \d+ 条结果/ });
    await expect(live).toHaveCount(1);
    const [, count = '0'] = /找到 (\d+) 条结果/.exec(await live.innerText()) ?? [];
    expect(Number(count)).toBeGreaterThan(0);
    await expect(main.locator('a[href^="/article/"]')).toHaveCount(Number(count));
  });

  test('a deep link with ?q= runs the search and fills the box', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('济南')}`);
    await expect(page.getByRole('searchbox', { name: '搜索新闻' })).toHaveValue('济南');
    await expect(page.getByRole('main').locator('a[href^="/article/"]').first()).toBeVisible();
  });

  test('a search without results says so and suggests what to try', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('没有这样的新闻zzz')}`);
    await routeReady(page);
    const main = page.getByRole('main');
    await expect(main.locator('a[href^="/article/"]')).toHaveCount(0);
    await expect(main.getByText(/没有找到|找到 0 条结果/).first()).toBeVisible();
  });
});
