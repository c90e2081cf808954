import type { Page, Route } from '@playwright/test';
import { READING_PREFS_KEY } from '../../src/app/lib/reading-prefs';
import { elementsPastTheEdge, horizontalOverflow } from './a11y-helpers';
import { articlePath, expect, routeReady, test, withoutPrerenderedPages } from './fixtures';

/**
 * Reflow (WCAG 1.4.10) with content no editor would write but any feed may carry: headlines,
 * summaries, metadata and body text made of long tokens with no break opportunity in them (a
 * URL, a run of Latin letters, a run of digits, markup shown as text), and a channel whose title
 * is one long word. On a 320 px screen with 200% text the page must never scroll sideways, on
 * every kind of page that shows feed text, and the compact header (src/app/components/site-header)
 * must leave the first screen to the news.
 *
 * The hostile items go in with page.route, on top of the demo feed's first page of every channel;
 * the service worker is blocked so that every feed request is the page's own and passes the route.
 */

test.use({ serviceWorkers: 'block', viewport: { width: 320, height: 640 } });

// The prerendered pages carry the demo content; the hostile items reach a page that reads the
// feeds itself, as one the build did not prerender (content newer than the build).
test.beforeEach(async ({ page }) => {
  await withoutPrerenderedPages(page);
});

/** A word of the headline that search finds (search works on Chinese characters). */
const SEARCH_WORD = '超长标题';

const LONG_URL = `https://example.com/${'averyveryverylongpathsegment'.repeat(3)}`;
const LONG_LATIN = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
const LONG_DIGITS = '1234567890'.repeat(8);
const MARKUP_AS_TEXT = '<div><span>'.repeat(8);

/** Two hostile items, so that the article of one lists the other under 相关新闻. */
const HOSTILE_IDS = ['hostile-long-a', 'hostile-long-b'] as const;

/** A JSON Feed item whose every text field is long unbreakable tokens (within LIMITS). */
function hostileItem(id: string, index: number): Record<string, unknown> {
  return {
    id,
    title: `${SEARCH_WORD}${index}${LONG_URL}${LONG_DIGITS}${MARKUP_AS_TEXT}`,
    summary: `${LONG_LATIN}${LONG_DIGITS}${MARKUP_AS_TEXT}`,
    content_html: [
      `<p>${SEARCH_WORD}：${LONG_LATIN}</p>`,
      `<p><a href="${LONG_URL}">${LONG_URL}</a></p>`,
      `<p>${'&lt;div&gt;'.repeat(30)}</p>`,
      `<h2>${LONG_DIGITS}${LONG_DIGITS}</h2>`,
      `<ul><li>${LONG_URL}</li><li>${LONG_LATIN}</li></ul>`,
      `<blockquote><p>${LONG_LATIN}</p></blockquote>`,
    ].join(''),
    url: LONG_URL,
    image: '/api/images/binzhou-1.svg',
    date_published: `2024-01-0${index + 1}T08:00:00+08:00`,
    authors: [{ name: LONG_LATIN.slice(0, 100) }],
    tags: [LONG_DIGITS.slice(0, 50)],
    _news: {
      kicker: `${LONG_URL}${LONG_DIGITS}`.slice(0, 200),
      subtitles: [`${MARKUP_AS_TEXT}${LONG_LATIN}`.slice(0, 200)],
      source: LONG_URL.slice(0, 100),
      editor: LONG_DIGITS,
      credit: `（${LONG_URL}${LONG_LATIN}）`,
    },
  };
}

/** Puts the hostile items first on every channel's first page, and a long-titled channel in the directory. */
async function serveHostileFeeds(page: Page): Promise<void> {
  await page.route('**/api/feeds/*.json', async (route: Route) => {
    const response = await route.fetch();
    // Later pages (hot-2.json …) keep their items: an item must not repeat across pages.
    if (/-\d+\.json$/.test(new URL(route.request().url()).pathname)) {
      await route.fulfill({ response });
      return;
    }
    const feed = (await response.json()) as { items: unknown[] };
    feed.items = [...HOSTILE_IDS.map(hostileItem), ...feed.items];
    await route.fulfill({ response, json: feed });
  });
  await page.route('**/api/channels.json', async (route: Route) => {
    const response = await route.fetch();
    const directory = (await response.json()) as { channels: { id: string; title: string }[] };
    for (const channel of directory.channels) {
      if (channel.id === 'heze') channel.title = `Heze${'z'.repeat(36)}`;
    }
    await route.fulfill({ response, json: directory });
  });
}

/** Expects the page not to scroll sideways, naming what sticks out when it does. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  expect(await page.evaluate(elementsPastTheEdge), `${what}: nothing past the edge`).toEqual([]);
  expect(await horizontalOverflow(page), `${what}: no sideways scrolling`).toBeLessThanOrEqual(0);
}

/**
 * Expects the header to take at most a fifth of the first screen, and the first headline link of
 * main to start above `share` of the screen's height: on home (a heading, then the headlines)
 * 60%. A channel first has its heading, 更新于 and the 下载离线 button: 80%, and in 长辈版,
 * whose 60 px targets and wider spacing double at 200% text, only "on the first screen".
 */
async function expectNewsOnFirstScreen(page: Page, what: string, share: number): Promise<void> {
  const height = page.viewportSize()?.height ?? 0;
  const banner = await page.getByRole('banner').boundingBox();
  expect(banner, `${what}: the header has a box`).not.toBeNull();
  expect(
    (banner?.y ?? 0) + (banner?.height ?? Infinity),
    `${what}: the header ends in the top fifth of the screen`,
  ).toBeLessThanOrEqual(height * 0.2);
  const link = page.getByRole('main').locator('a[href^="/article/"]').first();
  await expect(link).toBeVisible();
  const box = await link.boundingBox();
  expect(box, `${what}: the first headline has a box`).not.toBeNull();
  expect(box?.y ?? Infinity, `${what}: the first headline starts on the first screen`).toBeLessThan(
    height * share,
  );
}

/** Shows every part of the header that folds away (the menu, the city list), to measure it too. */
async function openHeaderMenus(page: Page): Promise<void> {
  const banner = page.getByRole('banner');
  for (const name of ['菜单', '城市']) {
    const toggle = banner.getByRole('button', { name, exact: true });
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') {
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    }
  }
}

/** Expects a hostile headline among the links of main (the content the page is measured with). */
async function expectHostileHeadline(page: Page): Promise<void> {
  const link = page.getByRole('main').getByRole('link', { name: new RegExp(SEARCH_WORD) });
  await expect(link.first()).toBeVisible();
}

/** Opens `path` with 200% text (and 长辈版 when asked) set before the app starts. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await routeReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
}

for (const elder of [false, true]) {
  test.describe(`hostile long tokens at 320 px with 200% text${elder ? ' in 长辈版' : ''}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        READING_PREFS_KEY,
        JSON.stringify({ v: 1, textSize: 200, elder }),
      ] as const);
      await serveHostileFeeds(page);
    });

    test('home and a channel: no sideways scrolling, and the first headline is on the first screen', async ({
      page,
    }) => {
      await open(page, '/');
      await expect(page.getByRole('main').getByText(SEARCH_WORD).first()).toBeVisible();
      await expectNewsOnFirstScreen(page, 'home', 0.6);
      await expectNoSidewaysScroll(page, 'home');
      await openHeaderMenus(page);
      await expectNoSidewaysScroll(page, 'home with the header menus open');

      await open(page, '/channel/jinan');
      await expect(page.getByRole('main').getByText(SEARCH_WORD).first()).toBeVisible();
      await expectNewsOnFirstScreen(page, 'channel', elder ? 1 : 0.8);
      await expectNoSidewaysScroll(page, 'channel');

      await open(page, '/channel/heze');
      await expectNoSidewaysScroll(page, 'a channel with a one-word title of 40 letters');
    });

    test('an article, its 相关新闻, search results and 收藏: no sideways scrolling', async ({
      page,
    }) => {
      // Home stores the first pages, so the article is read from IndexedDB.
      await open(page, '/');
      await open(page, articlePath(HOSTILE_IDS[0]));
      await expect(page.getByRole('region', { name: '相关新闻' })).toContainText(SEARCH_WORD);
      await expectNoSidewaysScroll(page, 'article');

      await page.getByRole('article').getByRole('button', { name: '收藏', exact: true }).click();
      await expect(page.locator('[aria-live="polite"]')).toHaveText('已收藏');

      await open(page, `/search?q=${encodeURIComponent(SEARCH_WORD)}`);
      await expect(page.getByText(/找到 \d+ 条/).first()).toBeAttached({ timeout: 20_000 });
      await expectHostileHeadline(page);
      await expectNoSidewaysScroll(page, 'search results');

      await open(page, '/saved');
      await expectHostileHeadline(page);
      await expectNoSidewaysScroll(page, 'saved');

      await open(page, '/about/contact');
      await expectNoSidewaysScroll(page, 'an about page');
    });
  });
}
