import { axeViolations, expect, routeReady } from './fixtures';
import {
  allowOfflineFailures,
  holdImages,
  offlineIndicator,
  offlineTest as test,
  TEXT,
  waitForStoredChannel,
  waitForWorkerControl,
  setOffline,
} from './offline-helpers';

// The new states of issue 3, each checked with axe (WCAG 2.2 AA + best practices) while shown.
test.describe('accessibility of the offline states', () => {
  test('the offline indicator and the never-downloaded channel message pass axe', async ({
    page,
    context,
    problems,
  }) => {
    await page.goto('/');
    await routeReady(page);
    await waitForWorkerControl(page);
    for (const section of ['hot', 'latest', 'photos']) await waitForStoredChannel(page, section);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    await page.reload();
    await routeReady(page);
    await expect(offlineIndicator(page)).toBeVisible();
    expect(await axeViolations(page), 'home, offline').toEqual([]);

    await page
      .getByRole('navigation', { name: '城市' })
      .getByRole('link', { name: '菏泽' })
      .click();
    await expect(page.getByRole('main')).toContainText(TEXT.channelNotDownloaded);
    expect(await axeViolations(page), 'a channel never downloaded').toEqual([]);
  });

  test('a download in progress and finished passes axe', async ({ page, context }) => {
    await page.goto('/channel/zibo');
    await routeReady(page);
    await waitForWorkerControl(page);
    const release = await holdImages(context);
    await page.getByRole('button', { name: '下载离线：淄博', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: '下载进度' })).toBeVisible();
    expect(await axeViolations(page), 'download in progress').toEqual([]);
    release();
    await expect(page.getByText(/下载完成：\d+ 篇文章/).first()).toBeVisible({ timeout: 20_000 });
    expect(await axeViolations(page), 'download finished').toEqual([]);
  });

  test('settings 离线与存储, with stored channels and the clear-all confirmation, passes axe', async ({
    page,
  }) => {
    await page.goto('/channel/jinan');
    await routeReady(page);
    await waitForWorkerControl(page);
    await waitForStoredChannel(page, 'jinan');
    await page.getByRole('banner').getByRole('link', { name: '设置', exact: true }).click();
    const heading = page.getByRole('heading', { level: 2, name: '离线与存储', exact: true });
    await expect(heading).toBeVisible();
    const section = page.locator('section').filter({ has: heading });
    await expect(section.getByText(/济南：\d+ 篇，约 [\d.]+ [KMG]?B/)).toBeVisible();
    await expect(
      section.getByRole('button', { name: '清除济南的离线内容', exact: true }),
    ).toBeVisible();
    expect(await axeViolations(page), 'settings with storage usage').toEqual([]);

    await section.getByRole('button', { name: '清除全部离线内容', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await axeViolations(page), 'settings asking to confirm clearing').toEqual([]);
  });
});
