import type { Page } from '@playwright/test';
import { DB_NAME } from '../../src/shared/cache-names';
import { parseChannelDirectory, parseFeedPage } from '../../src/shared/feed';
import { STORE_VERSION } from '../../src/shared/store/schema';
import { expect, routeReady } from './fixtures';
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
import { createVersion1 } from './schema-v1';

const SEED_ID = 'seed-271a4622fc35748e';

/**
 * Marks an article saved (收藏) in the reader's record, straight in IndexedDB: saving has no
 * UI yet (a later issue). It is also made the least recently read of all, so it is the first
 * article eviction would take if saving did not protect it.
 */
async function saveInStore(page: Page, id: string): Promise<void> {
  await page.evaluate(
    async ([dbName, articleId]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        const tx = db.transaction('user', 'readwrite');
        tx.objectStore('user').put({ id: articleId, savedAt: Date.now(), lastReadAt: 1 });
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
      } finally {
        db.close();
      }
    },
    [DB_NAME, id] as const,
  );
}

test.describe('eviction under a small quota', () => {
  test('when a write no longer fits, unsaved articles are evicted and a saved one never is', async ({
    page,
    context,
    app,
    problems,
  }) => {
    test.setTimeout(60_000);
    await useSmallQuota(page, context, app.origin, problems);

    for (const id of ['hot', 'latest', 'jinan']) {
      await page.goto(`/channel/${id}`);
      await routeReady(page);
      await waitForWorkerControl(page);
      await waitForStoredChannel(page, id);
    }
    const title = await page
      .getByRole('main')
      .locator(`a[href="/article/${SEED_ID}"]`)
      .first()
      .innerText();
    await saveInStore(page, SEED_ID);
    const firstVisit = await storedArticleIds(page);

    // The device fills up; then a channel not stored yet is opened and must be written.
    expect(await fillQuota(page)).toBeGreaterThan(0);
    problems.allow(/QuotaExceeded|quota|storage/i);
    await page
      .getByRole('navigation', { name: '城市' })
      .getByRole('link', { name: '青岛' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('青岛');

    await expect
      .poll(
        async () => {
          const now = new Set(await storedArticleIds(page));
          return firstVisit.filter((id) => !now.has(id)).length;
        },
        { message: 'articles of the first visit were evicted', timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    expect(await storedArticleIds(page), 'the saved article is still stored').toContain(SEED_ID);
    const user = (await readStore(page, 'user')).find((record) => record.id === SEED_ID);
    expect(user?.savedAt).toBeGreaterThan(0);

    // And the saved article still reads offline.
    allowOfflineFailures(problems);
    await context.setOffline(true);
    await page.goto(`/article/${SEED_ID}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title.trim());
    await expect(page.getByRole('main')).not.toContainText(TEXT.articleNotDownloaded);
  });
});

test.describe('a schema upgrade', () => {
  test('from version 1, with data in it, keeps every record and the app reads them', async ({
    page,
    context,
    app,
    request,
    problems,
  }) => {
    // Version 1's data, made of the real feed by the app's own converter.
    const directoryUrl = `${app.origin}/api/channels.json`;
    const directory = parseChannelDirectory(
      await (await request.get(directoryUrl)).json(),
      directoryUrl,
    );
    const jinan = directory.channels.find((channel) => channel.id === 'jinan');
    if (!jinan) throw new Error('no jinan channel');
    const feedPage = parseFeedPage(await (await request.get(jinan.feedUrl)).json(), jinan.feedUrl);
    const seed = feedPage.items.find((item) => item.id === SEED_ID);
    if (!seed) throw new Error('the seed article is not on the first page of jinan');
    const now = Date.now();

    // On the app's origin, before the app ever ran there: a static file, not the app.
    problems.allow(/favicon\.ico/);
    await page.goto('/robots.txt');
    await createVersion1(page, DB_NAME, {
      articles: feedPage.items.map((article) => ({
        article,
        channelIds: ['jinan'],
        storedAt: now,
      })),
      page: {
        channelId: 'jinan',
        pageIndex: 0,
        url: feedPage.url,
        articleIds: feedPage.items.map((item) => item.id),
        ...(feedPage.nextUrl ? { nextUrl: feedPage.nextUrl } : {}),
        fetchedAt: now,
      },
      meta: { url: feedPage.url, fetchedAt: now },
      directory: { directory, fetchedAt: now },
    });

    // The feed is unreachable from now on: whatever the app shows comes from the old database.
    allowOfflineFailures(problems);
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.goto('/channel/jinan');
    await routeReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('济南');
    const main = page.getByRole('main');
    const links = main.getByRole('list').first().locator('a[href^="/article/"]');
    await expect(links).toHaveCount(feedPage.items.length);
    await main.getByRole('link', { name: seed.title, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.getByRole('article')).toContainText(seed.text.split('\n')[0] ?? '');

    // Upgraded in place: the current version, sizes filled in, the user store added.
    const version = await page.evaluate(async (dbName) => {
      const info = await indexedDB.databases();
      return info.find((entry) => entry.name === dbName)?.version;
    }, DB_NAME);
    expect(version).toBe(STORE_VERSION);
    const upgraded = await readStore(page, 'articles');
    expect(upgraded.map((record) => record.article.id).sort()).toEqual(
      feedPage.items.map((item) => item.id).sort(),
    );
    expect(upgraded.every((record) => record.bytes > 0)).toBe(true);
  });
});

test.describe('a blocked upgrade', () => {
  test('an old tab holding version 1 open: within a second the reader is asked to close it, and the app reads on', async ({
    page,
    context,
    problems,
  }) => {
    // The old tab: a page of the app's origin holding the database at version 1, deaf to
    // requests to close it.
    problems.allow(/favicon\.ico/);
    const oldTab = await context.newPage();
    await oldTab.goto('/robots.txt');
    await createVersion1(oldTab, DB_NAME, { articles: [] }, true);

    // The app cannot upgrade while it is open; it waits, and says why, at once.
    problems.allow(/IndexedDB unavailable|blocked by an older version/);
    await page.goto('/');
    const note = page.getByRole('status').filter({ hasText: '请关闭本站的其他标签页' });
    await expect(note).toBeVisible({ timeout: 1_000 });
    // Meanwhile the news is there from the network: nothing hangs on the database.
    await routeReady(page);
    await expect(page.getByRole('heading', { name: '热点新闻' })).toBeVisible();

    // Closing the old tab lets the upgrade through: the note goes, the database is current.
    await oldTab.close();
    await expect(note).toBeHidden();
    await page.reload();
    await routeReady(page);
    const version = await page.evaluate(async (dbName) => {
      const info = await indexedDB.databases();
      return info.find((entry) => entry.name === dbName)?.version;
    }, DB_NAME);
    expect(version).toBe(STORE_VERSION);
  });
});
