import type { APIRequestContext, Page } from '@playwright/test';
import { DOWNLOAD_IMAGE_CACHE } from '../../src/shared/cache-names';
import type { ChannelInfo, FeedItem } from './fixtures';
import { articlePath, channelDirectory, expect, routeReady } from './fixtures';
import {
  allowOfflineFailures,
  holdImages,
  openAndStoreChannel,
  offlineTest as test,
  TEXT,
  waitForWorkerControl,
} from './offline-helpers';

/** A stand-in origin for resolving feed URLs; requests go to the test's server by path. */
const FEED_ORIGIN = 'http://feed.invalid';

/** Every article of a channel (all pages, each once) and every image path its items use. */
async function wholeChannel(
  request: APIRequestContext,
  id: string,
): Promise<{ channel: ChannelInfo; items: FeedItem[]; images: string[] }> {
  const channel = (await channelDirectory(request)).find((entry) => entry.id === id);
  if (!channel) throw new Error(`no channel ${id}`);
  const items = new Map<string, FeedItem>();
  const images = new Set<string>();
  // Relative URLs in a feed resolve against the feed document's own URL.
  let url: string | undefined = new URL(channel.feed_url, `${FEED_ORIGIN}/api/channels.json`).href;
  while (url) {
    const response = await request.get(new URL(url).pathname);
    expect(response.ok(), url).toBe(true);
    const page = (await response.json()) as { items: FeedItem[]; next_url?: string };
    for (const item of page.items) {
      items.set(item.id, item);
      const bodyImages = [...(item.content_html ?? '').matchAll(/<img\b[^>]*\bsrc="([^"]+)"/gi)];
      for (const source of [item.image, ...bodyImages.map((match) => match[1])]) {
        const resolved = source ? new URL(source, url) : undefined;
        // Only the feed's own images: the download does not fetch other sites.
        if (resolved?.origin === FEED_ORIGIN) images.add(resolved.pathname);
      }
    }
    url = page.next_url ? new URL(page.next_url, url).href : undefined;
  }
  return { channel, items: [...items.values()], images: [...images] };
}

/** Records every value/max the page's progress bars take, from now on. */
async function recordProgress(page: Page): Promise<() => Promise<[number, number][]>> {
  await page.evaluate(() => {
    const samples: [number, number][] = [];
    Object.assign(window, { qiluProgressSamples: samples });
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) samples.push([bar.value, bar.max]);
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { qiluProgressSamples: [number, number][] }).qiluProgressSamples,
    );
}

/** The paths of `paths` that are in the downloaded-images cache. */
async function cachedImages(page: Page, paths: readonly string[]): Promise<string[]> {
  return page.evaluate(
    async ([cacheName, wanted]) => {
      const cache = await caches.open(cacheName);
      const found = await Promise.all(
        wanted.map(async (path) =>
          (await cache.match(new URL(path, location.href).href)) ? path : '',
        ),
      );
      return found.filter(Boolean);
    },
    [DOWNLOAD_IMAGE_CACHE, paths] as const,
  );
}

test.describe('下载离线 of a channel', () => {
  test('shows its progress to the end, says 下载完成 with the article count, and then every article of 济南 and its images open offline', async ({
    page,
    context,
    request,
    problems,
  }) => {
    test.setTimeout(90_000);
    const { channel, items, images } = await wholeChannel(request, 'jinan');
    await page.goto(`/channel/${channel.id}`);
    await routeReady(page);
    await waitForWorkerControl(page);
    const main = page.getByRole('main');

    const samples = await recordProgress(page);
    const release = await holdImages(context);
    await main.getByRole('button', { name: `下载离线：${channel.title}`, exact: true }).click();
    const progress = page.getByRole('progressbar', { name: '下载进度', exact: true });
    await expect(progress).toBeVisible();
    await expect(
      main.getByText(/已下载 \d+ 篇文章，\d+(\.\d)? [KM]B（第 \d+ \/ \d+ 步）/),
    ).toBeVisible();
    await expect(main.getByRole('button', { name: '取消下载', exact: true })).toBeVisible();

    release();
    const done = `下载完成：${items.length} 篇文章`;
    await expect(page.getByText(done).first()).toBeVisible({ timeout: 20_000 });
    // Announced politely too.
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: done })).not.toHaveCount(0);
    const seen = await samples();
    expect(seen.length, 'the progress bar was seen moving').toBeGreaterThan(0);
    expect(
      seen.some(([value, max]) => max > 0 && value === max),
      `the bar reached its end (seen: ${JSON.stringify(seen.slice(-5))})`,
    ).toBe(true);
    expect(await cachedImages(page, images)).toEqual(images);

    // Offline: the whole channel, page after page, then every article.
    allowOfflineFailures(problems);
    await context.setOffline(true);
    await page.goto(`/channel/${channel.id}`);
    await routeReady(page);
    const more = main.getByRole('button', { name: '加载更多', exact: true });
    /** Opens every page of the channel with 加载更多 (a no-op once all are shown). */
    const showAll = async () => {
      while (await more.isVisible()) {
        const before = await main.locator('a[href^="/article/"]').count();
        await more.click();
        await expect
          .poll(() => main.locator('a[href^="/article/"]').count())
          .toBeGreaterThan(before);
      }
      await expect(main.getByText('已显示全部')).toBeVisible();
    };
    await showAll();
    for (const item of items) {
      await expect(
        main.getByRole('link', { name: item.title, exact: true }).first(),
      ).toHaveAttribute('href', articlePath(item.id));
    }

    // Each article, opened from the list the way a reader does.
    const h1 = page.getByRole('heading', { level: 1 });
    for (const item of items) {
      await test.step(item.title, async () => {
        await showAll();
        await main.getByRole('link', { name: item.title, exact: true }).first().click();
        await expect(h1).toHaveText(item.title);
        await expect(main).not.toContainText(TEXT.articleNotDownloaded);
        // Its figures come from the image cache.
        for (const image of await page.getByRole('article').locator('figure img').all()) {
          await image.scrollIntoViewIfNeeded();
          await expect
            .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
            .toBeGreaterThan(0);
        }
        await page.goBack();
        await expect(h1).toHaveText(channel.title);
      });
    }
  });

  test('取消下载 stops it: the bar goes and 下载离线 is offered again', async ({
    page,
    context,
  }) => {
    await page.goto('/channel/qingdao');
    await routeReady(page);
    await waitForWorkerControl(page);
    const main = page.getByRole('main');
    const release = await holdImages(context);
    await main.getByRole('button', { name: '下载离线：青岛', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: '下载进度' })).toBeVisible();
    await main.getByRole('button', { name: '取消下载', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: '下载进度' })).toHaveCount(0);
    await expect(main.getByRole('button', { name: '下载离线：青岛', exact: true })).toBeVisible();
    release();
    await expect(page.getByText(/下载完成/)).toHaveCount(0);
  });

  test('cut off by a lost connection, it resumes where it stopped when the connection returns: no page fetched twice', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(90_000);
    allowOfflineFailures(problems);
    const { channel, items } = await wholeChannel(request, 'jinan');
    // Stored first: the worker stores what the prerendered first visit showed once it takes
    // control, and that fetch of the first page must not land in the download's count below.
    await openAndStoreChannel(page, channel.id);
    const main = page.getByRole('main');
    const pagePaths = (from: number): string[] =>
      app.requests
        .slice(from)
        .map((entry) => entry.url.split('?')[0] ?? '')
        .filter((path) => path.startsWith('/api/feeds/'));

    // The connection goes as the worker asks for the second page.
    let cut = false;
    await context.route('**/api/feeds/jinan-*.json*', async (route) => {
      if (!cut) {
        cut = true;
        await context.setOffline(true);
        await route.abort('internetdisconnected');
        return;
      }
      await route.continue();
    });
    const before = app.requests.length;
    await main.getByRole('button', { name: `下载离线：${channel.title}`, exact: true }).click();
    await expect(main.getByText(/网络已断开，下载已暂停，联网后会从中断处继续。/)).toBeVisible();
    expect(pagePaths(before)).toEqual(['/api/feeds/jinan.json']);

    await context.setOffline(false);
    await expect(main.getByText(/下载完成：\d+ 篇文章/)).toBeVisible({ timeout: 60_000 });
    const fetched = pagePaths(before);
    expect(fetched.length, 'every page of the channel').toBeGreaterThan(1);
    expect(new Set(fetched).size, `no page twice: ${fetched.join(' ')}`).toBe(fetched.length);
    // And everything is stored: the last article reads offline.
    await context.setOffline(true);
    const last = items.at(-1);
    if (!last) throw new Error('no items');
    await page.goto(articlePath(last.id));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(last.title ?? '');
  });
});
