import type { Page } from '@playwright/test';
import { axeViolations, expect, routeReady, watchPage } from './fixtures';
import { V2_DIR, V2_TAG } from './offline-build';
import { offlineTest as test, TEXT, waitForWorkerControl } from './offline-helpers';

/** The update prompt: a status region holding 「有新版本」. */
const prompt = (page: Page) => page.getByRole('status').filter({ hasText: TEXT.updateAvailable });

/** Which build a tab runs: version 2 marks `<html data-build>`, dist/ (version 1) does not. */
const build = (page: Page) => page.evaluate(() => document.documentElement.dataset.build ?? 'v1');

test.describe('a new version deployed while two tabs are open', () => {
  test('is offered as 有新版本 (a status, not a dialog) in both; 更新 in one reloads both into it, and no chunk is ever missing', async ({
    page,
    context,
    app,
    problems,
  }) => {
    test.setTimeout(60_000);
    const missing: string[] = [];
    context.on('response', (response) => {
      if (response.url().includes('/assets/') && response.status() >= 400) {
        missing.push(`${response.status()} ${response.url()}`);
      }
    });
    context.on('requestfailed', (request) => {
      if (request.url().includes('/assets/')) missing.push(`failed ${request.url()}`);
    });

    // Version 1 in two tabs: the first installed the worker, the second opened later.
    await page.goto('/');
    await routeReady(page);
    await waitForWorkerControl(page);
    const other = await context.newPage();
    await watchPage(other, problems);
    await other.goto('/channel/jinan');
    await routeReady(other);
    await waitForWorkerControl(other);
    expect([await build(page), await build(other)]).toEqual(['v1', 'v1']);

    // Deploy version 2 and let the browser check for it.
    app.serve(V2_DIR);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    for (const tab of [page, other]) {
      await expect(prompt(tab)).toBeVisible({ timeout: 15_000 });
      await expect(prompt(tab).getByRole('button', { name: '更新', exact: true })).toBeVisible();
      await expect(prompt(tab).getByRole('button', { name: '稍后', exact: true })).toBeVisible();
      await expect(tab.getByRole('dialog')).toHaveCount(0);
      await expect(tab.getByRole('alertdialog')).toHaveCount(0);
    }
    expect(await axeViolations(page), 'axe with the update prompt shown').toEqual([]);

    // Until the reader accepts, version 1 keeps working: a route chunk it never loaded
    // comes from its own precache, though the server now only has version 2's files.
    await other
      .getByRole('contentinfo')
      .getByRole('link', { name: '版权声明', exact: true })
      .click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('版权声明');
    expect(await build(other)).toBe('v1');
    // 稍后 puts the offer away in that tab only.
    await prompt(other).getByRole('button', { name: '稍后', exact: true }).click();
    await expect(prompt(other)).toHaveCount(0);
    await expect(prompt(page)).toBeVisible();

    // 更新 in the first tab: the new worker takes over and every open tab reloads into it.
    const reloads = [page, other].map((tab) => tab.waitForEvent('load'));
    await prompt(page).getByRole('button', { name: '更新', exact: true }).click();
    await Promise.all(reloads);
    for (const tab of [page, other]) {
      await routeReady(tab);
      expect(await build(tab)).toBe(V2_TAG);
      await expect(prompt(tab)).toHaveCount(0);
    }
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('版权声明');

    // Version 2's chunks, route after route.
    for (const [name, heading] of [
      ['设置', '阅读与无障碍设置'],
      ['搜索', '搜索'],
      ['收藏', '收藏与离线'],
    ] as const) {
      await page.getByRole('banner').getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    }
    await other
      .getByRole('navigation', { name: '城市' })
      .getByRole('link', { name: '青岛' })
      .click();
    await routeReady(other);
    await other.getByRole('main').locator('a[href^="/article/"]').first().click();
    await expect(other.getByRole('article')).toBeVisible();

    expect(missing, 'responses for /assets/ that failed').toEqual([]);
    expect(
      app.requests.filter(
        (request) => request.url.startsWith('/assets/') && (request.status ?? 0) >= 400,
      ),
      'the server never had to say 404 for a chunk',
    ).toEqual([]);
  });
});
