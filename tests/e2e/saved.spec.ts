import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { IMAGE_CACHE, SAVED_IMAGE_CACHE } from '../../src/shared/cache-names';
import type { ChannelInfo, FeedItem } from './fixtures';
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
  storedArticleIds,
  TEXT,
  waitForStoredChannel,
  waitForWorkerControl,
} from './offline-helpers';
import { fillQuota, useSmallQuota } from './quota';

/**
 * 收藏 (saved articles), in real Chromium with the service worker and IndexedDB: saving from a
 * list and from the article, reading saved articles and their pictures offline, removing several
 * with an undo, and surviving eviction when the device runs out of space.
 */

const SEED_ID = 'seed-271a4622fc35748e';

/** The shell's polite live region, where 「已收藏」 and friends are announced. */
function liveRegion(page: Page): Locator {
  return page.locator('[aria-live="polite"]');
}

/** The 收藏 toggle of a list item: named 「收藏」 plus the headline (hidden on screen). */
function listToggle(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('button', { name: `收藏：${title}`, exact: true });
}

/** The 收藏 toggle of the article on screen. */
function articleToggle(page: Page): Locator {
  return page.getByRole('article').getByRole('button', { name: '收藏', exact: true });
}

/** The 济南 channel as channels.json lists it. */
async function jinanChannel(request: APIRequestContext): Promise<ChannelInfo> {
  const jinan = (await channelDirectory(request)).find((channel) => channel.id === 'jinan');
  if (!jinan) throw new Error('no jinan channel');
  return jinan;
}

/** The first item of 济南's first page with a picture in its body, and its image URLs. */
async function jinanArticleWithFigure(
  request: APIRequestContext,
  origin: string,
): Promise<{ item: FeedItem; images: string[] }> {
  const jinan = await jinanChannel(request);
  const feedUrl = new URL(jinan.feed_url, `${origin}/api/channels.json`).href;
  const [firstPage = []] = await feedPages(request, jinan);
  for (const item of firstPage) {
    const sources = [...(item.content_html ?? '').matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map(
      (match) => new URL(match[1] ?? '', feedUrl).href,
    );
    if (sources.length > 0) {
      const lead = item.image ? [new URL(item.image, feedUrl).href] : [];
      return { item, images: [...new Set([...lead, ...sources])] };
    }
  }
  throw new Error('no article with a figure on the first page of jinan');
}

/** Which of `urls` a cache (by default the saved-images cache) holds, read with the Cache API. */
async function cachedImages(
  page: Page,
  urls: readonly string[],
  cacheName: string = SAVED_IMAGE_CACHE,
): Promise<string[]> {
  return page.evaluate(
    async ([cacheName, list]) => {
      const cache = await caches.open(cacheName);
      const hits = await Promise.all(
        list.map(async (url) => (await cache.match(url)) !== undefined),
      );
      return list.filter((_, i) => hits[i]);
    },
    [cacheName, urls] as const,
  );
}

/** The reader's record of article `id` in IndexedDB, read directly. */
async function userRecord(page: Page, id: string) {
  return (await readStore(page, 'user')).find((record) => record.id === id);
}

/** Opens 济南 with the worker in control and its first page stored. */
async function openJinan(page: Page): Promise<void> {
  await page.goto('/channel/jinan');
  await routeReady(page);
  await waitForWorkerControl(page);
  await waitForStoredChannel(page, 'jinan');
}

test.describe('saving an article (收藏)', () => {
  test('from the 济南 list keeps the article and its pictures, and both read offline', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    const { item, images } = await jinanArticleWithFigure(request, app.origin);
    await openJinan(page);
    // Whatever the list's thumbnails put into the image cache goes: the pictures must come
    // from the save itself (the article page is never opened online).
    await page.evaluate(
      async ([cacheName, urls]) => {
        const cache = await caches.open(cacheName);
        await Promise.all(urls.map((url) => cache.delete(url)));
      },
      [IMAGE_CACHE, images] as const,
    );
    expect(await cachedImages(page, images, IMAGE_CACHE)).toEqual([]);
    expect(await cachedImages(page, images)).toEqual([]);

    const toggle = listToggle(page, item.title);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toHaveText('收藏');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The state is in words on screen, not only in the colour.
    await expect(toggle).toHaveText('已收藏');
    await expect(liveRegion(page)).toHaveText('已收藏');
    expect(await axeViolations(page)).toEqual([]);

    await expect.poll(async () => (await userRecord(page, item.id))?.savedAt).toBeGreaterThan(0);
    await expect
      .poll(() => cachedImages(page, images), { message: 'the pictures were cached by the save' })
      .toEqual(images);
    // The first save asked the browser to keep the origin's storage.
    expect(await page.evaluate(() => localStorage.getItem('qilu:persist-asked'))).not.toBeNull();
    // The image cache's own limits (count, age, quota) may take everything in it: the saved
    // article's pictures live apart and stay.
    await page.evaluate((cacheName) => caches.delete(cacheName), IMAGE_CACHE);

    // Offline, the deep link opens the article (a fresh navigation: no memory of the visit).
    allowOfflineFailures(problems);
    await context.setOffline(true);
    await page.goto(articlePath(item.id));
    await routeReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
    await expect(page.getByRole('main')).not.toContainText(TEXT.articleNotDownloaded);
    await expect(articleToggle(page)).toHaveAttribute('aria-pressed', 'true');
    const figures = page.getByRole('article').locator('.article-body img');
    expect(await figures.count()).toBeGreaterThan(0);
    for (const image of await figures.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
    }

    // And /saved lists it, offline too.
    await page.goto('/saved');
    await routeReady(page);
    const savedList = page.getByRole('region', { name: '收藏的文章' }).getByRole('list');
    await expect(savedList.getByRole('link')).toHaveText([item.title]);
    expect(await axeViolations(page)).toEqual([]);

    // Unsaved, its pictures are no longer kept apart from the image cache's limits.
    await context.setOffline(false);
    await page.goto(articlePath(item.id));
    await routeReady(page);
    await articleToggle(page).click();
    await expect(articleToggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect
      .poll(() => cachedImages(page, images), { message: 'the worker dropped the pictures' })
      .toEqual([]);
  });

  test('on the article page toggles both ways, announcing each, and /saved follows', async ({
    page,
  }) => {
    await openJinan(page);
    await page.goto(articlePath(SEED_ID));
    await routeReady(page);
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const toggle = articleToggle(page);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(liveRegion(page)).toHaveText('已收藏');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/saved');
    await routeReady(page);
    await expect(
      page.getByRole('region', { name: '收藏的文章' }).getByRole('link', { name: title }),
    ).toBeVisible();

    await page.goBack();
    await routeReady(page);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toHaveText('收藏');
    await expect(liveRegion(page)).toHaveText('已取消收藏');
    await expect.poll(async () => (await userRecord(page, SEED_ID))?.savedAt).toBeUndefined();

    await page.goto('/saved');
    await routeReady(page);
    await expect(page.getByRole('main')).toContainText('还没有收藏的文章。');
  });
});

test.describe('/saved with several saved articles', () => {
  test('lists them newest saved first; 移除所选 removes the chosen ones, and 撤销 brings them back', async ({
    page,
  }) => {
    await openJinan(page);
    const headlines = page.getByRole('main').getByRole('list').first().getByRole('heading');
    const titles = (await headlines.allInnerTexts()).slice(0, 3).map((title) => title.trim());
    const savedCount = async () =>
      (await readStore(page, 'user')).filter((record) => record.savedAt !== undefined).length;
    for (const [index, title] of titles.entries()) {
      await listToggle(page, title).click();
      await expect(listToggle(page, title)).toHaveAttribute('aria-pressed', 'true');
      // Stored (not only shown as pressed) before the next one: each has its own save time.
      await expect.poll(savedCount).toBe(index + 1);
    }

    await page.goto('/saved');
    await routeReady(page);
    const region = page.getByRole('region', { name: '收藏的文章' });
    const links = region.getByRole('list').getByRole('link');
    const newestFirst = [...titles].reverse();
    await expect(links).toHaveText(newestFirst);
    expect(await axeViolations(page)).toEqual([]);

    // Removing with nothing chosen removes nothing and says why.
    const remove = region.getByRole('button', { name: /^移除所选/ });
    await remove.click();
    await expect(liveRegion(page)).toHaveText('请先勾选要移除的文章。');
    await expect(links).toHaveCount(3);

    const [first = '', second = '', third = ''] = newestFirst;
    await region.getByRole('checkbox', { name: `选择：${first}` }).check();
    await region.getByRole('checkbox', { name: `选择：${third}` }).check();
    await expect(remove).toHaveText('移除所选（2）');
    await remove.click();
    await expect(links).toHaveText([second]);
    await expect(liveRegion(page)).toHaveText('已移除 2 篇收藏，可以撤销。');
    const undo = region.getByRole('button', { name: '撤销' });
    await expect(undo).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const stored = await readStore(page, 'user');
    expect(stored.filter((record) => record.savedAt !== undefined)).toHaveLength(1);

    // 撤销 restores them in their old places (their save times are kept).
    await undo.click();
    await expect(links).toHaveText(newestFirst);
    await expect(liveRegion(page)).toHaveText('已恢复 2 篇收藏。');
    await expect(undo).toHaveCount(0);

    // 全选 and remove: the honest empty state, with focus on the section's heading.
    await region.getByRole('button', { name: '全选' }).click();
    await expect(region.getByRole('checkbox', { checked: true })).toHaveCount(3);
    await remove.click();
    await expect(region).toContainText('还没有收藏的文章。');
    await expect(region.getByRole('heading', { name: '收藏的文章' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);

    // A reload reads the same from IndexedDB.
    await page.reload();
    await routeReady(page);
    await expect(region).toContainText('还没有收藏的文章。');
  });
});

test.describe('eviction under a small quota', () => {
  test('an article saved with the 收藏 button is never evicted and still reads offline', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(120_000);
    await useSmallQuota(page, context, app.origin, problems);
    for (const id of ['jinan', 'hot', 'latest']) {
      await page.goto(`/channel/${id}`);
      await routeReady(page);
      await waitForWorkerControl(page);
      await waitForStoredChannel(page, id);
    }
    await page.goto('/channel/jinan');
    await routeReady(page);
    const seedLink = page.getByRole('main').locator(`a[href="${articlePath(SEED_ID)}"]`);
    const title = (await seedLink.first().innerText()).trim();
    await listToggle(page, title).click();
    await expect(listToggle(page, title)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await userRecord(page, SEED_ID))?.savedAt).toBeGreaterThan(0);
    const firstVisit = (await storedArticleIds(page)).filter((id) => id !== SEED_ID);

    // The device fills up; then city after city is opened. Each must be written and makes
    // room first by evicting the least recently used articles (the write may still fail, shown
    // as an error: the space freed is not always usable at once), until every article of the
    // first visit has gone. The seed article, stored first of all, would have gone with them
    // if saving did not protect it.
    expect(await fillQuota(page)).toBeGreaterThan(0);
    problems.allow(/QuotaExceeded|quota|storage/i);
    const cities = (await channelDirectory(request)).filter(
      (channel) => channel.kind === 'city' && channel.id !== 'jinan',
    );
    const remaining = async (): Promise<string[]> => {
      const now = new Set(await storedArticleIds(page));
      return firstVisit.filter((id) => now.has(id));
    };
    const main = page.getByRole('main');
    for (const city of cities) {
      if ((await remaining()).length === 0) break;
      await page
        .getByRole('navigation', { name: '城市' })
        .getByRole('link', { name: city.title, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(city.title);
      // Written, or refused for lack of space: either way the attempt (and its eviction) is over.
      await expect(
        main
          .locator('.news-list')
          .or(main.getByRole('button', { name: '重试' }))
          .first(),
      ).toBeVisible({ timeout: 15_000 });
    }
    expect(await remaining(), 'every unsaved article of the first visit was evicted').toEqual([]);
    expect(await storedArticleIds(page), 'the saved article is still stored').toContain(SEED_ID);

    allowOfflineFailures(problems);
    await context.setOffline(true);
    await page.goto('/saved');
    await routeReady(page);
    await page
      .getByRole('region', { name: '收藏的文章' })
      .getByRole('link', { name: title })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('main')).not.toContainText(TEXT.articleNotDownloaded);
  });
});
