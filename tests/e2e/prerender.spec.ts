import type { Page } from '@playwright/test';
import { SEED_ARTICLE_PATH } from './a11y-helpers';
import { appRunning, expect, routeReady, test } from './fixtures';
import {
  allowOfflineFailures,
  offlineTest,
  readStore,
  setOffline,
  waitForStoredArticle,
  waitForWorkerControl,
} from './offline-helpers';

/**
 * A first visit paints from HTML (tools/prerender.ts): home, channels, articles and the about
 * pages carry their content, and the app renders over it without replacing or moving anything.
 * What the page showed is stored once the worker controls it.
 */

const PAGES = [
  { path: '/', h1: '齐鲁轻读', content: '#main .home-section--lead li' },
  { path: '/channel/jinan', h1: '济南', content: '#main .news-list li' },
  { path: SEED_ARTICLE_PATH, h1: '山东省数字强省建设工作推进会召开', content: '.article-body p' },
  { path: '/about/accessibility', h1: '网站无障碍', content: '#main p' },
];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, h1, content } of PAGES) {
    test(`${path} shows its heading and content from the HTML alone`, async ({
      page,
      problems,
    }) => {
      // Without JavaScript, Chromium refuses the page's module preloads ("csp").
      problems.allow(/request failed: GET \S+\/assets\/\S+\.js csp/);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
      expect(await page.locator(content).count()).toBeGreaterThan(0);
      await expect(page.getByRole('link', { name: '跳到正文' })).toBeAttached();
    });
  }
});

/** Marks the prerendered heading and first content element, and sums layout shifts. */
function watchPrerenderedElements(): void {
  const win = window as unknown as { qiluShift: number };
  win.qiluShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
      win.qiluShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('readystatechange', () => {
    // 'interactive': the HTML is parsed and the app's module has not run yet.
    if (document.readyState !== 'interactive') return;
    // Kept by reference: the app's render drops attributes it did not write.
    (window as unknown as { qiluMarked: Element[] }).qiluMarked = [
      ...document.querySelectorAll('#main h1, #main li, #main p'),
    ];
  });
}

async function keptElements(page: Page): Promise<{ marked: number; kept: number }> {
  return page.evaluate(() => {
    const marked = (window as unknown as { qiluMarked?: Element[] }).qiluMarked ?? [];
    const kept = marked.filter((element) => element.isConnected).length;
    return { marked: marked.length, kept };
  });
}

test.describe('the app over a prerendered page', () => {
  test.use({ serviceWorkers: 'block' });

  // The app renders over the HTML at once for a reader with something stored (here a dismissed
  // install banner), and on a first visit at the first use of a control (src/app/first-visit).
  const STARTS = [
    {
      name: 'at once for a returning reader',
      prepare: (page: Page) =>
        page.addInitScript(() => localStorage.setItem('qilu:install-banner-dismissed', '1')),
      bring: async () => undefined,
    },
    {
      // Focus on a control brings the app without using it (a tap would open the city list,
      // a shift the reader asked for): what is measured is the app's render over the HTML.
      name: 'when a control is about to be used on a first visit',
      prepare: async () => undefined,
      bring: (page: Page) => page.getByRole('button', { name: '城市' }).focus(),
    },
  ];

  for (const { path } of PAGES) {
    for (const start of STARTS) {
      test(`${path}, ${start.name}: the app keeps every element of the HTML, nothing shifts, no feed is read`, async ({
        page,
      }) => {
        // A phone's screen: the header folds its 城市 list behind a button.
        await page.setViewportSize({ width: 412, height: 823 });
        const requests: string[] = [];
        page.on('request', (request) => requests.push(new URL(request.url()).pathname));
        await page.addInitScript(watchPrerenderedElements);
        await start.prepare(page);
        await page.goto(path);
        await routeReady(page);
        await start.bring(page);
        await appRunning(page);
        await page.waitForLoadState('networkidle');

        const { marked, kept } = await keptElements(page);
        expect(marked).toBeGreaterThan(0);
        expect(kept, 'elements the app replaced instead of reusing').toBe(marked);
        expect(
          await page.evaluate(() => (window as unknown as { qiluShift: number }).qiluShift),
        ).toBeLessThanOrEqual(0.02);
        // The page's data came with it: no feed, directory or article document was fetched,
        // and neither the feed parser nor the sync code was loaded.
        expect(requests.filter((url) => url.startsWith('/api/') && url.endsWith('.json'))).toEqual(
          [],
        );
        expect(requests.filter((url) => /\/assets\/(?:sync|feed|fetch)-/.test(url))).toEqual([]);
      });
    }
  }

  test('settings the reader chose apply before the page paints, without the app', async ({
    page,
    context,
    problems,
  }) => {
    await page.goto('/settings');
    await routeReady(page);
    // The reader picks 200 % text and the dark theme, as on the settings page.
    await page.evaluate(() => {
      localStorage.setItem('qilu:reading-prefs/textSize', '200');
      localStorage.setItem('qilu:reading-prefs/theme', '"dark"');
    });
    // The app mirrors what is on <html> into localStorage, after its first paint.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('qilu:root-attributes')))
      .toContain('"data-text-size":"200"');

    // A prerendered page with none of the app's code: only the inline script can set them.
    const fresh = await context.newPage();
    problems.allow(/\/assets\/\S+\.js(?: net::ERR_FAILED|\))/);
    await fresh.route('**/assets/*.js', (route) => route.abort());
    await fresh.goto(SEED_ARTICLE_PATH);
    await expect(fresh.getByRole('heading', { level: 1 })).toBeVisible();
    const html = fresh.locator('html');
    await expect(html).toHaveAttribute('data-text-size', '200');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await fresh.close();
  });

  test('省流量 stored: the app takes the pictures off the prerendered home', async ({ page }) => {
    await page.goto('/about/contact');
    await routeReady(page);
    await page.evaluate(() => localStorage.setItem('qilu:offline-prefs/noImages', 'true'));
    await page.goto('/');
    await routeReady(page);
    await expect(page.locator('.gallery')).toHaveClass(/gallery--text/);
    await expect(page.locator('.gallery img')).toHaveCount(0);
    await expect(page.locator('.gallery .card__caption a').first()).toBeVisible();
  });
});

offlineTest(
  'once the worker controls a prerendered article, it is stored and reads offline',
  async ({ page, context, problems }) => {
    await page.goto(SEED_ARTICLE_PATH);
    await routeReady(page);
    await waitForWorkerControl(page);
    await waitForStoredArticle(page, 'seed-271a4622fc35748e');
    // The channels the page listed are stored too, so 相关新闻 and the lists read offline.
    await expect
      .poll(async () => (await readStore(page, 'channelPages')).length)
      .toBeGreaterThan(0);

    allowOfflineFailures(problems);
    await setOffline(context, true);
    await page.goto(SEED_ARTICLE_PATH);
    await routeReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '山东省数字强省建设工作推进会召开',
    );
    expect(await page.locator('.article-body p').count()).toBeGreaterThan(5);
  },
);
