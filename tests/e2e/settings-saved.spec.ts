import { expect, routeReady, test } from './fixtures';

test.describe('settings', () => {
  test('choosing 特大 in 字号 enlarges the root font size and is remembered after a reload', async ({
    page,
  }) => {
    await page.goto('/settings');
    await routeReady(page);
    const rootSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const group = page
      .getByRole('radiogroup', { name: '字号' })
      .or(page.getByRole('group', { name: '字号' }));
    await expect(group.getByRole('radio', { name: '标准', exact: true })).toBeChecked();
    const before = await rootSize();

    await group.getByRole('radio', { name: '特大', exact: true }).check();
    await expect.poll(rootSize).toBeGreaterThan(before);
    const enlarged = await rootSize();

    await page.reload();
    await routeReady(page);
    await expect(group.getByRole('radio', { name: '特大', exact: true })).toBeChecked();
    expect(await rootSize()).toBe(enlarged);
  });
});

test.describe('saved', () => {
  test('with nothing saved, says so honestly and links back to 首页', async ({ page }) => {
    await page.goto('/saved');
    await routeReady(page);
    const main = page.getByRole('main');
    await expect(main).toContainText('还没有收藏的文章。');
    await expect(main.getByRole('link', { name: /首页/ })).toHaveAttribute('href', '/');
  });
});
