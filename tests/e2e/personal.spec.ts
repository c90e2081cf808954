import type { Locator, Page } from '@playwright/test';
import {
  articlePath,
  axeViolations,
  expect,
  routeReady,
  test,
  withoutPrerenderedPages,
} from './fixtures';
import { readStore } from './offline-helpers';

/**
 * The reader's own traces, in real Chromium with IndexedDB: 已读 marks in lists, 最近阅读 and
 * clearing it, the reading position offered back with 「继续阅读」, and 分享 (the system share
 * sheet, or copying the link, or a field to copy it by hand).
 */

const SEED_ID = 'seed-271a4622fc35748e';
const SEED_TITLE = '山东省数字强省建设工作推进会召开';

/** The shell's polite live region. */
function liveRegion(page: Page): Locator {
  return page.locator('[aria-live="polite"]');
}

/** The headline links of the first list in the main content. */
function listLinks(page: Page): Locator {
  return page.getByRole('main').getByRole('list').first().locator('a[href^="/article/"]');
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await routeReady(page);
}

/** The reader's record of article `id` in IndexedDB, read directly. */
async function userRecord(page: Page, id: string) {
  return (await readStore(page, 'user')).find((record) => record.id === id);
}

test.describe('read articles in lists', () => {
  test('say 「已读」 in words, in the link’s name, on the channel list and on home', async ({
    page,
  }) => {
    await open(page, '/channel/jinan');
    const links = listLinks(page);
    const first = links.first();
    const title = (await first.innerText()).trim();
    await expect(page.getByRole('main').getByText('已读', { exact: true })).toHaveCount(0);

    const id = decodeURIComponent((await first.getAttribute('href'))?.split('/').pop() ?? '');
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // From a resting first visit the link is followed as a link: the article's page records the
    // read in IndexedDB (not in the list page's memory), which the list reads when it is back.
    await expect.poll(async () => (await userRecord(page, id))?.lastReadAt ?? 0).toBeGreaterThan(0);
    await page.goBack();
    await routeReady(page);

    // Seen and heard: a visible word inside the link, so the link's name says it too.
    await expect(first).toHaveAccessibleName(`${title} 已读`);
    await expect(first.locator('.read-mark')).toBeVisible();
    await expect(first.locator('.read-mark')).toHaveText('已读');
    await expect(links.nth(1)).not.toHaveAccessibleName(/已读/);
    await expect(page.getByRole('main').getByText('已读', { exact: true })).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);

    // A full reload reads the mark back from IndexedDB; home marks the same article.
    await open(page, '/');
    const onHome = page
      .getByRole('region', { name: '热点新闻' })
      .getByRole('link', { name: `${title} 已读` });
    await expect(onHome).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('最近阅读 on /saved', () => {
  test('lists opened articles newest first, and 清除阅读记录 clears them and the 已读 marks', async ({
    page,
  }) => {
    await open(page, '/channel/jinan');
    const links = listLinks(page);
    const titles = (await links.allInnerTexts()).slice(0, 2).map((title) => title.trim());
    const paths = await links.evaluateAll((anchors) =>
      anchors.slice(0, 2).map((anchor) => anchor.getAttribute('href') ?? ''),
    );
    for (const path of paths) {
      await open(page, path);
      await expect.poll(async () => (await readStore(page, 'user')).length).toBeGreaterThan(0);
    }
    await expect.poll(async () => (await readStore(page, 'user')).length).toBe(2);

    await open(page, '/saved');
    const history = page.getByRole('region', { name: '最近阅读' });
    await expect(history.getByRole('list').getByRole('link')).toHaveText([...titles].reverse());
    await expect(history.getByRole('list')).toContainText('阅读于');
    expect(await axeViolations(page)).toEqual([]);

    await history.getByRole('button', { name: '清除阅读记录' }).click();
    await expect(history).toContainText('还没有阅读记录。');
    await expect(liveRegion(page)).toHaveText('已清除 2 条阅读记录。');
    await expect(history.getByRole('heading', { name: '最近阅读' })).toBeFocused();
    expect(await readStore(page, 'user')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: '城市' })
      .getByRole('link', { name: '济南' })
      .click();
    await routeReady(page);
    await expect(listLinks(page).first()).toHaveAccessibleName(titles[0] ?? '');
    await expect(page.getByRole('main').getByText('已读', { exact: true })).toHaveCount(0);
  });

  test('with nothing read or saved, both sections say so honestly', async ({ page }) => {
    await open(page, '/saved');
    await expect(page.getByRole('region', { name: '收藏的文章' })).toContainText(
      '还没有收藏的文章。',
    );
    await expect(page.getByRole('region', { name: '最近阅读' })).toContainText('还没有阅读记录。');
    await expect(page.getByRole('button', { name: '清除阅读记录' })).toHaveCount(0);
  });
});

test.describe('the reading position', () => {
  // A phone-sized window makes the seed article several screens long.
  test.use({ viewport: { width: 390, height: 500 } });

  /** How far the window is scrolled. */
  const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

  /** Scrolls to `fraction` of the article's scrollable span and waits until it is stored. */
  async function readTo(page: Page, fraction: number): Promise<number> {
    // 相关新闻 arrives after the article on a cold visit (it needs the channel's first page, and
    // the article itself came from its own document) and makes the article longer: scroll once
    // the layout is complete, so the fraction the test aims at is the one the app measures.
    await expect(
      page.getByRole('heading', { level: 2, name: '相关新闻', exact: true }),
    ).toBeVisible();
    const target = await page.evaluate((part) => {
      const article = document.querySelector('article');
      if (!article) throw new Error('no article');
      const top = article.getBoundingClientRect().top + window.scrollY;
      const y = top + part * (article.offsetHeight - window.innerHeight);
      window.scrollTo(0, y);
      return y;
    }, fraction);
    await expect
      .poll(async () => (await userRecord(page, SEED_ID))?.position ?? -1, {
        message: `the position ${fraction} is stored`,
      })
      .toBeCloseTo(fraction, 1);
    return target;
  }

  test('is offered back after a reload with 「继续阅读」, which scrolls there and moves focus', async ({
    page,
  }) => {
    await open(page, articlePath(SEED_ID));
    const target = await readTo(page, 0.6);
    await expect(page.getByRole('button', { name: '继续阅读', exact: true })).toHaveCount(0);

    await page.reload();
    await routeReady(page);
    const resume = page.getByRole('button', { name: '继续阅读', exact: true });
    await expect(resume).toBeVisible();
    await expect(page.getByRole('article')).toContainText('上次读到约 60%。');
    // Offered, not imposed: the page stays at the top until the reader asks.
    expect(await scrollY(page)).toBeLessThan(target / 2);
    expect(await axeViolations(page)).toEqual([]);

    await resume.click();
    await expect.poll(() => scrollY(page)).toBeGreaterThan(target - 50);
    expect(await scrollY(page)).toBeLessThan(target + 50);
    await expect(resume).toHaveCount(0);
    // Focus is on the text now on screen, so reading (or Tab) goes on from there.
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element?.closest('.article-body')) return undefined;
      const box = element.getBoundingClientRect();
      return { bottom: box.bottom, top: box.top, height: window.innerHeight };
    });
    expect(focused, 'focus is in the article body').toBeDefined();
    expect(focused?.bottom).toBeGreaterThan(0);
    expect(focused?.top).toBeLessThan(focused?.height ?? 0);
  });

  test('can be dismissed with 关闭, which leaves the page where it is and focuses the headline', async ({
    page,
  }) => {
    await open(page, articlePath(SEED_ID));
    await readTo(page, 0.5);
    await open(page, '/');
    await page.getByRole('region', { name: '热点新闻' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);

    const dismiss = page.getByRole('button', { name: '关闭继续阅读提示' });
    await expect(dismiss).toBeVisible();
    const before = await scrollY(page);
    await dismiss.click();
    await expect(page.getByRole('button', { name: '继续阅读', exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    expect(await scrollY(page)).toBeLessThanOrEqual(before);
  });

  test('stays on offer when the reader arrives from a scrolled list and leaves without acting', async ({
    page,
  }) => {
    await open(page, articlePath(SEED_ID));
    await readTo(page, 0.5);
    await open(page, '/channel/hot');
    const seedLink = page.getByRole('main').locator(`a[href="${articlePath(SEED_ID)}"]`);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await seedLink.first().evaluate((link: HTMLElement) => link.click());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
    // Arriving moved focus (and the view) to the headline: that is not where the reader read to.
    await expect(page.getByRole('button', { name: '继续阅读', exact: true })).toBeVisible();
    await page.getByRole('link', { name: '首页', exact: true }).first().click();
    await routeReady(page);
    expect((await userRecord(page, SEED_ID))?.position).toBeCloseTo(0.5, 1);
    await open(page, articlePath(SEED_ID));
    await expect(page.getByRole('article')).toContainText('上次读到约 50%。');
  });

  test('is not offered near the start of an article', async ({ page }) => {
    await open(page, articlePath(SEED_ID));
    await readTo(page, 0.5);
    // Back near the top: that is where the reader is now, and nothing is worth offering.
    await readTo(page, 0.01);
    await page.reload();
    await routeReady(page);
    await expect(page.getByRole('article').getByRole('button', { name: '收藏' })).toBeVisible();
    await expect(page.getByRole('button', { name: '继续阅读', exact: true })).toHaveCount(0);
  });
});

test.describe('分享', () => {
  test('without navigator.share, copies the app’s own link and announces 「链接已复制」', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.addInitScript(() => {
      Reflect.deleteProperty(Navigator.prototype, 'share');
    });
    await open(page, articlePath(SEED_ID));
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);

    await page.getByRole('button', { name: '分享' }).click();
    await expect(liveRegion(page)).toHaveText('链接已复制');
    // The feed gives this article no url of its own: the app's link is the canonical one.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL ?? ''}${articlePath(SEED_ID)}`,
    );
    await expect(page.getByRole('textbox')).toHaveCount(0);
  });

  test('when copying fails too, shows the link in a field, focused and selected, to copy by hand', async ({
    page,
    baseURL,
  }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(Navigator.prototype, 'share');
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        configurable: true,
        get: () => ({
          writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
        }),
      });
    });
    await open(page, articlePath(SEED_ID));
    await page.getByRole('button', { name: '分享' }).click();

    const field = page.getByRole('textbox', { name: '文章链接（请手动复制）' });
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(`${baseURL ?? ''}${articlePath(SEED_ID)}`);
    await expect(field).toBeFocused();
    expect(
      await field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd]),
    ).toEqual([0, `${baseURL ?? ''}${articlePath(SEED_ID)}`.length]);
    await expect(liveRegion(page)).toHaveText('无法自动复制，请手动复制下面的链接');
    expect(await axeViolations(page)).toEqual([]);
  });

  test.describe('with the feed’s own url', () => {
    // Every feed request goes through the page (no worker), so the test can rewrite the feed.
    test.use({ serviceWorkers: 'block' });

    test('hands the title and the feed’s url to navigator.share, and copies nothing', async ({
      page,
      context,
    }) => {
      const portalUrl = 'https://www.dzwww.com/shandong/sdnews/202305/t20230506_0000.htm';
      // The rewritten feed reaches pages that read it themselves (not prerendered ones).
      await withoutPrerenderedPages(context);
      await context.route('**/api/feeds/jinan.json', async (route) => {
        const response = await route.fetch();
        const feed = (await response.json()) as { items: { id: string; url?: string }[] };
        for (const item of feed.items) if (item.id === SEED_ID) item.url = portalUrl;
        await route.fulfill({ response, json: feed });
      });
      await page.addInitScript(() => {
        const calls: unknown[] = [];
        Object.defineProperty(window, 'sharedData', { value: calls });
        Object.defineProperty(Navigator.prototype, 'share', {
          configurable: true,
          value: (data: unknown) => {
            calls.push(data);
            return Promise.resolve();
          },
        });
      });

      await open(page, '/channel/jinan');
      await listLinks(page)
        .and(page.locator(`[href="${articlePath(SEED_ID)}"]`))
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
      await expect(page.getByRole('link', { name: '阅读原文' })).toHaveAttribute('href', portalUrl);

      await page.getByRole('button', { name: '分享' }).click();
      await expect
        .poll(() =>
          page.evaluate(() => (window as unknown as { sharedData: unknown[] }).sharedData),
        )
        .toEqual([{ title: SEED_TITLE, url: portalUrl }]);
      await expect(liveRegion(page)).not.toHaveText('链接已复制');
    });
  });
});
