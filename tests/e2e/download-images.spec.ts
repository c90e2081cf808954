import type { Locator, Page } from '@playwright/test';
import { DOWNLOAD_IMAGE_CACHE, IMAGE_CACHE } from '../../src/shared/cache-names';
import type { Article, Block } from '../../src/shared/feed/types';
import { articlePath, channelDirectory, expect, routeReady } from './fixtures';
import {
  allowOfflineFailures,
  holdImages,
  offlineTest as test,
  readStore,
  TEXT,
  waitForStoredChannel,
  waitForWorkerControl,
} from './offline-helpers';
import { fillQuota, useSmallQuota } from './quota';

/**
 * 下载离线 and what it keeps: the pictures of downloaded articles live outside the image
 * cache's limits until no stored article uses them, and a disk that fills up mid-download
 * stops it cleanly, keeping saved articles and what was already downloaded.
 */

/** What the reader is told when the disk filled up mid-download (src/app/data/download.ts). */
const DOWNLOAD_FULL_MESSAGE = '存储空间已满，下载已停止。已下载的内容仍可离线阅读。';

/** The URLs in a cache (by default the downloaded-images cache), read with the Cache API. */
async function cacheUrls(page: Page, cacheName: string = DOWNLOAD_IMAGE_CACHE): Promise<string[]> {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => request.url).sort();
  }, cacheName);
}

/** The lead image and figures of an article, as the app stores it. */
function imagesOf(article: Article): string[] {
  const urls = new Set<string>();
  if (article.image) urls.add(article.image.src);
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.t === 'figure') urls.add(block.src);
      else if (block.t === 'quote') visit(block.c);
    }
  };
  visit(article.blocks);
  return [...urls];
}

/** The shell's polite live region, where the app announces outcomes. */
function liveRegion(page: Page): Locator {
  return page.locator('[aria-live="polite"]');
}

/** Waits until every picture of the article on screen has loaded (it has a width). */
async function expectPicturesShown(page: Page): Promise<void> {
  const pictures = page.getByRole('article').locator('img');
  expect(await pictures.count(), 'the article has pictures').toBeGreaterThan(0);
  for (const picture of await pictures.all()) {
    await picture.scrollIntoViewIfNeeded();
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
  }
}

test.describe('下载离线 keeps the pictures of the articles it stored', () => {
  test('they show offline after the image cache is gone, and clearing the channel removes them', async ({
    page,
    context,
    problems,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/channel/jinan');
    await routeReady(page);
    await waitForWorkerControl(page);
    const main = page.getByRole('main');
    await main.getByRole('button', { name: '下载离线：济南', exact: true }).click();
    await expect(main.getByText(/下载完成：\d+ 篇文章/)).toBeVisible({ timeout: 30_000 });

    // An article only 济南 lists, with a figure in its body.
    const stored = await readStore(page, 'articles');
    const chosen = stored.find(
      (record) =>
        record.channelIds.length === 1 &&
        record.channelIds[0] === 'jinan' &&
        record.article.blocks.some((block) => block.t === 'figure'),
    );
    if (!chosen) throw new Error('no article of 济南 alone with a figure');
    const pictures = imagesOf(chosen.article);
    const kept = await cacheUrls(page);
    for (const url of pictures) expect(kept, 'the download kept its pictures').toContain(url);

    // What the image cache's count, age and quota limits amount to: the whole cache gone.
    expect(await page.evaluate((name) => caches.delete(name), IMAGE_CACHE)).toBe(true);

    allowOfflineFailures(problems);
    await context.setOffline(true);
    await page.goto(articlePath(chosen.article.id));
    await routeReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(chosen.article.title);
    await expect(main).not.toContainText(TEXT.articleNotDownloaded);
    await expectPicturesShown(page);

    // Cleared in 设置 (offline too): the pictures no stored article uses go with the channel.
    await page.goto('/settings');
    await routeReady(page);
    await main.getByRole('button', { name: '清除济南的离线内容', exact: true }).click();
    await expect(liveRegion(page)).toHaveText('已清除济南的离线内容。');
    const left = await readStore(page, 'articles');
    expect(left.map((record) => record.article.id)).not.toContain(chosen.article.id);
    const stillUsed = new Set(left.flatMap((record) => imagesOf(record.article)));
    const remaining = await cacheUrls(page);
    for (const url of pictures) expect(remaining).not.toContain(url);
    expect(
      remaining.filter((url) => !stillUsed.has(url)),
      'no kept picture that no stored article uses',
    ).toEqual([]);
    expect(kept.length, 'the clearing dropped pictures').toBeGreaterThan(remaining.length);
  });
});

test.describe('downloaded pictures under a small quota', () => {
  test('go with their articles when eviction takes them', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(120_000);
    await useSmallQuota(page, context, app.origin, problems);
    await page.goto('/channel/jinan');
    await routeReady(page);
    await waitForWorkerControl(page);
    const main = page.getByRole('main');
    await main.getByRole('button', { name: '下载离线：济南', exact: true }).click();
    await expect(main.getByText(/下载完成：\d+ 篇文章/)).toBeVisible({ timeout: 30_000 });
    const downloaded = (await readStore(page, 'articles')).filter((record) =>
      record.channelIds.includes('jinan'),
    );
    const kept = await cacheUrls(page);
    const pictures = new Set(downloaded.flatMap((record) => imagesOf(record.article)));
    expect(kept.filter((url) => pictures.has(url)).length, 'pictures kept').toBeGreaterThan(0);

    // The device fills up; city after city is opened, each written by making room, until
    // every downloaded article of 济南 has been evicted (as in saved.spec.ts).
    expect(await fillQuota(page)).toBeGreaterThan(0);
    problems.allow(/QuotaExceeded|quota|storage/i);
    const ids = new Set(downloaded.map((record) => record.article.id));
    const remaining = async (): Promise<string[]> =>
      (await readStore(page, 'articles'))
        .map((record) => record.article.id)
        .filter((id) => ids.has(id));
    const cities = (await channelDirectory(request)).filter(
      (channel) => channel.kind === 'city' && channel.id !== 'jinan',
    );
    for (const city of cities) {
      if ((await remaining()).length === 0) break;
      await page
        .getByRole('navigation', { name: '城市' })
        .getByRole('link', { name: city.title, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(city.title);
      await expect(
        main
          .locator('.news-list')
          .or(main.getByRole('button', { name: '重试' }))
          .first(),
      ).toBeVisible({ timeout: 15_000 });
    }
    expect(await remaining(), 'every downloaded article of 济南 was evicted').toEqual([]);

    // The worker dropped the pictures no stored article uses any more.
    const unused = async (): Promise<string[]> => {
      const used = new Set(
        (await readStore(page, 'articles')).flatMap((record) => imagesOf(record.article)),
      );
      return (await cacheUrls(page)).filter((url) => !used.has(url));
    };
    await expect.poll(unused, { message: 'no kept picture without its article' }).toEqual([]);
    expect((await cacheUrls(page)).length).toBeLessThan(kept.length);
  });
});

test.describe('a disk that fills up during 下载离线', () => {
  test('stops the download with a message; saved articles and the pages already stored read offline, and it does not start again by itself', async ({
    page,
    context,
    app,
    problems,
  }) => {
    test.setTimeout(180_000);
    await useSmallQuota(page, context, app.origin, problems);
    await page.goto('/channel/jinan');
    await routeReady(page);
    await waitForWorkerControl(page);
    await waitForStoredChannel(page, 'jinan');
    const main = page.getByRole('main');

    // Two articles saved from the list.
    const links = main.locator('.news-list a[href^="/article/"]');
    const saved: { id: string; title: string }[] = [];
    for (const link of await links.all()) {
      const href = (await link.getAttribute('href')) ?? '';
      const id = decodeURIComponent(href.replace('/article/', ''));
      if (saved.some((entry) => entry.id === id)) continue;
      saved.push({ id, title: (await link.innerText()).trim() });
      if (saved.length === 2) break;
    }
    expect(saved).toHaveLength(2);
    for (const { title } of saved) {
      const toggle = main.getByRole('button', { name: `收藏：${title}`, exact: true });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    }
    await expect
      .poll(async () => (await readStore(page, 'user')).filter((u) => u.savedAt).length)
      .toBe(2);

    // 全部城市下载离线, held at the first city's pictures: its pages are stored by then.
    const release = await holdImages(context);
    await page.goto('/settings');
    await routeReady(page);
    await main.getByRole('button', { name: '全部城市下载离线', exact: true }).click();
    await expect
      .poll(async () => (await readStore(page, 'downloads'))[0]?.pages.length ?? 0, {
        message: 'the first city is downloaded',
      })
      .toBeGreaterThan(0);
    const [plan] = await readStore(page, 'downloads');
    if (!plan) throw new Error('no download recorded');
    const firstCity = plan.pages[0]?.channelId ?? '';
    expect(plan.channelIds.length, 'many channels').toBeGreaterThan(3);

    // Then the device runs out of space, and the download goes on.
    expect(await fillQuota(page)).toBeGreaterThan(0);
    problems.allow(/^console error: .*(QuotaExceeded|quota|storage)/i);
    release();
    await expect(main.getByText(`下载没有完成：${DOWNLOAD_FULL_MESSAGE}`)).toBeVisible({
      timeout: 120_000,
    });
    await expect(liveRegion(page)).toHaveText(DOWNLOAD_FULL_MESSAGE);
    await expect(page.getByRole('progressbar', { name: '下载进度' })).toHaveCount(0);
    // Stopped for good: its record is gone, so nothing resumes it.
    expect(await readStore(page, 'downloads')).toEqual([]);

    // Reloaded, and the worker woken by a message (what resumes an interrupted download): no
    // feed page is fetched, no download shown.
    await page.reload();
    await routeReady(page);
    await waitForWorkerControl(page);
    const before = app.requests.length;
    const reply = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const { port1, port2 } = new MessageChannel();
          port1.onmessage = (event) => resolve(event.data);
          navigator.serviceWorker.controller?.postMessage(
            { type: 'resume-downloads', requestId: 'e2e-resume' },
            [port2],
          );
        }),
    );
    expect(reply).toMatchObject({ requestId: 'e2e-resume', ok: true });
    await expect(main.getByRole('button', { name: '全部城市下载离线', exact: true })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: '下载进度' })).toHaveCount(0);
    expect(await readStore(page, 'downloads')).toEqual([]);
    expect(
      app.requests.slice(before).filter((entry) => entry.url.startsWith('/api/feeds/')),
      'no download started again',
    ).toEqual([]);

    const pages = await readStore(page, 'channelPages');
    const storedCities = new Set(pages.map((entry) => entry.channelId));
    expect(
      plan.channelIds.filter((id) => !storedCities.has(id)).length,
      'it stopped before the last city',
    ).toBeGreaterThan(0);

    // Offline: the saved articles read with their text…
    const articles = new Map(
      (await readStore(page, 'articles')).map((record) => [record.article.id, record.article]),
    );
    allowOfflineFailures(problems);
    await context.setOffline(true);
    for (const { id, title } of saved) {
      expect(articles.has(id), `saved ${id} is still stored`).toBe(true);
      await page.goto(articlePath(id));
      await routeReady(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(main).not.toContainText(TEXT.articleNotDownloaded);
      await expect(page.getByRole('article').locator('p').first()).not.toBeEmpty();
    }

    // …and so does the first city's page the download stored before the disk was full.
    const firstPage = pages.find((entry) => entry.channelId === firstCity && entry.pageIndex === 0);
    const listed = firstPage?.articleIds.find((id) => articles.has(id));
    expect(listed, `an article of ${firstCity} is still stored`).toBeDefined();
    const article = articles.get(listed ?? '');
    if (!article) throw new Error('unreachable');
    await page.goto(`/channel/${firstCity}`);
    await routeReady(page);
    await main.getByRole('link', { name: article.title, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
    await expect(main).not.toContainText(TEXT.articleNotDownloaded);
  });
});
