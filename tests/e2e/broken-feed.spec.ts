import type { Page } from '@playwright/test';
import { feedErrorUserMessage } from '../../src/shared/feed/errors';
import { expect, routeReady, test, withoutPrerenderedPages } from './fixtures';

/** FeedError user messages (src/shared/feed/errors.ts), as readers see them. */
const HTTP_MESSAGE = feedErrorUserMessage('http', 500);
const JSON_MESSAGE = '收到的内容不完整或已损坏，请稍后重试。';

// Requests are broken with page.route, which sees only what the page fetches; a service worker
// would fetch on its own, out of reach. Blocking it keeps these tests about the page's handling.
test.use({ serviceWorkers: 'block' });

// A prerendered page carries its data and reads no feed on a first visit; these tests are
// about the page reading one itself, as it does for a page the build did not prerender.
test.beforeEach(async ({ page }) => {
  await withoutPrerenderedPages(page);
});

/** Lets the real response through but cuts its body in half, like a dropped connection. */
async function truncate(page: Page, pattern: string): Promise<void> {
  await page.route(pattern, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
  });
}

test.describe('a channel feed that fails', () => {
  test('with HTTP 500, the 热点新闻 section shows the error and 重试 while the others work, and 重试 recovers', async ({
    page,
    problems,
  }) => {
    problems.allow(/status of 500/);
    problems.allow(/HTTP 500: .*\/api\/feeds\/hot\.json$/);
    await page.route('**/api/feeds/hot.json', (route) =>
      route.fulfill({ status: 500, body: 'boom' }),
    );

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const hot = page.getByRole('region', { name: '热点新闻', exact: true });
    await expect(hot).toContainText(HTTP_MESSAGE);
    await expect(hot.locator('details').filter({ hasText: '技术细节' })).toHaveCount(1);
    const retry = hot.getByRole('button', { name: '重试', exact: true });
    await expect(retry).toBeVisible();

    // The other sections and the header still work.
    await expect(
      page
        .getByRole('region', { name: '滚动', exact: true })
        .locator('a[href^="/article/"]')
        .first(),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: '图片新闻', exact: true })
        .locator('a[href^="/article/"]')
        .first(),
    ).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: '城市' }).getByRole('link').first(),
    ).toBeVisible();

    await page.unroute('**/api/feeds/hot.json');
    await retry.click();
    await expect(hot.locator('a[href^="/article/"]').first()).toBeVisible();
    await expect(hot).not.toContainText(HTTP_MESSAGE);
  });

  test('with truncated JSON, the city channel shows the error and 重试 while other channels still open', async ({
    page,
    problems,
  }) => {
    problems.allow(/JSON|Unexpected end|Unterminated/i);
    await truncate(page, '**/api/feeds/jinan.json');

    await page.goto('/channel/jinan');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('济南');
    const main = page.getByRole('main');
    await expect(main).toContainText(JSON_MESSAGE);
    const retry = main.getByRole('button', { name: '重试', exact: true });
    await expect(retry).toBeVisible();

    // Another channel is unaffected.
    await page
      .getByRole('navigation', { name: '城市' })
      .getByRole('link', { name: '青岛', exact: true })
      .click();
    await routeReady(page);
    await expect(main.locator('a[href^="/article/"]').first()).toBeVisible();
    await expect(main).not.toContainText(JSON_MESSAGE);
  });

  test('the retry button in the channel itself recovers without leaving the page', async ({
    page,
    problems,
  }) => {
    problems.allow(/JSON|Unexpected end|Unterminated/i);
    await truncate(page, '**/api/feeds/zibo.json');
    await page.goto('/channel/zibo');
    const main = page.getByRole('main');
    await expect(main).toContainText(JSON_MESSAGE);
    await page.unroute('**/api/feeds/zibo.json');
    await main.getByRole('button', { name: '重试', exact: true }).click();
    await expect(main.locator('a[href^="/article/"]').first()).toBeVisible();
    await expect(main).not.toContainText(JSON_MESSAGE);
    await expect(page).toHaveURL('/channel/zibo');
  });
});

test.describe('a channel directory that fails', () => {
  test('shows a small error with 重试 in the header navigation, keeps the page usable, and recovers', async ({
    page,
    problems,
  }) => {
    problems.allow(/status of 503/);
    problems.allow(/HTTP 503: .*\/api\/channels\.json$/);
    await page.route('**/api/channels.json', (route) =>
      route.fulfill({ status: 503, body: 'down' }),
    );

    await page.goto('/about/accessibility');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('网站无障碍');
    const banner = page.getByRole('banner');
    const retry = banner.getByRole('button', { name: '重试' }).first();
    await expect(retry).toBeVisible();
    await expect(
      page.getByRole('contentinfo').getByRole('link', { name: '联系我们', exact: true }),
    ).toBeVisible();

    await page.unroute('**/api/channels.json');
    await retry.click();
    await expect(
      page
        .getByRole('navigation', { name: '城市' })
        .getByRole('link', { name: '济南', exact: true }),
    ).toBeVisible();
  });
});
