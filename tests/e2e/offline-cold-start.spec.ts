import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import {
  articlePath,
  channelDirectory,
  expect,
  feedPages,
  routeReady,
  watchPage,
} from './fixtures';
import {
  allowOfflineFailures,
  offlineIndicator,
  offlineTest as test,
  readStore,
  storedArticleIds,
  TEXT,
  waitForStoredChannel,
  waitForWorkerControl,
  watchServiceWorkers,
  setOffline,
} from './offline-helpers';

// A cold start is a browser that was closed and opened again: a persistent profile on disk,
// so the service worker, its caches and IndexedDB survive while everything in memory goes.
test.describe('a cold offline start after one visit', () => {
  test('shows the shell and what was stored, and says plainly what was never downloaded', async ({
    playwright,
    launchOptions,
    locale,
    timezoneId,
    viewport,
    app,
    request,
    problems,
  }) => {
    test.setTimeout(60_000);
    const profile = await mkdtemp(join(tmpdir(), 'qilu-cold-'));
    const options: BrowserContextOptions = { baseURL: app.origin, locale, timezoneId, viewport };
    const opened: BrowserContext[] = [];
    const open = async (offline: boolean): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await playwright.chromium.launchPersistentContext(profile, {
        ...launchOptions,
        ...options,
        offline,
      });
      opened.push(context);
      const page = context.pages()[0] ?? (await context.newPage());
      // The launch option alone leaves navigator.onLine true in documents the worker serves
      // (an emulation quirk of this Chromium; see setOffline).
      if (offline) await setOffline(context, true);
      await watchPage(page, problems);
      watchServiceWorkers(context, problems);
      return { context, page };
    };

    try {
      // The one visit: home, online.
      const first = await open(false);
      await first.page.goto('/');
      await routeReady(first.page);
      await waitForWorkerControl(first.page);
      for (const section of ['hot', 'latest', 'photos'])
        await waitForStoredChannel(first.page, section);
      await expect
        .poll(async () => (await readStore(first.page, 'directory')).length)
        .toBeGreaterThan(0);

      // Something that visit did not store: a city channel, and an article of it.
      const storedChannels = new Set(
        (await readStore(first.page, 'channelPages')).map((record) => record.channelId),
      );
      const storedArticles = new Set(await storedArticleIds(first.page));
      const city = (await channelDirectory(request))
        .filter((channel) => channel.kind === 'city' && !storedChannels.has(channel.id))
        .at(-1);
      if (!city) throw new Error('the first visit stored every city: nothing is never-fetched');
      const article = (await feedPages(request, city))
        .flat()
        .find((item) => !storedArticles.has(item.id));
      if (!article) throw new Error(`every article of ${city.id} was stored by visiting home`);

      await first.context.close();
      await app.stop();

      // Opened again, with no network at all.
      allowOfflineFailures(problems);
      const { page } = await open(true);
      await page.goto('/');
      await routeReady(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('齐鲁轻读');
      await expect(
        page
          .getByRole('region', { name: '热点新闻', exact: true })
          .locator('a[href^="/article/"]')
          .first(),
      ).toBeVisible();
      await expect(offlineIndicator(page)).toBeVisible();

      // A channel never fetched: its name, the plain sentence, and where to go instead.
      await page
        .getByRole('navigation', { name: '城市' })
        .getByRole('link', { name: city.title, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(city.title);
      const main = page.getByRole('main');
      await expect(main).toContainText(TEXT.channelNotDownloaded);
      await expect(main.getByRole('link', { name: '热点新闻', exact: true })).toHaveAttribute(
        'href',
        '/channel/hot',
      );
      await expect(main.getByRole('link', { name: city.title, exact: true })).toHaveCount(0);

      // An article never fetched, opened by its address (a cold deep link).
      await page.goto(articlePath(article.id));
      await expect(main).toContainText(TEXT.articleNotDownloaded);
      await expect(main.getByRole('link', { name: '首页', exact: true })).toHaveAttribute(
        'href',
        '/',
      );
      await expect(main.getByRole('link', { name: '收藏', exact: true })).toHaveAttribute(
        'href',
        '/saved',
      );
      await expect(main).not.toContainText('没有找到这篇文章');
    } finally {
      // Closing an already closed context is a no-op.
      for (const context of opened) await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
