import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Response } from '@playwright/test';
import { stopServiceWorkers } from '../../bench/service-worker-control';
import { READY_PAGE_CACHE, readyPageKey } from '../../src/shared/ready-pages';
import { DB_NAME } from '../../src/shared/cache-names';
import { articlePath, expect, routeReady } from './fixtures';
import { v1Dir } from './offline-build';
import {
  allowOfflineFailures,
  offlineTest as test,
  openAndStoreArticle,
  TEXT,
} from './offline-helpers';

const SEED_ID = 'seed-271a4622fc35748e';
const SEED_TITLE = '山东省数字强省建设工作推进会召开';
/** Set on a response only when it came from the ready page (src/shared/ready-pages.ts). */
const READY_HEADER = 'x-qilu-ready-shell';

/** The worker's ready page of `id` as kept in Cache Storage, or null. */
function readyPage(page: Page, id: string): Promise<string | null> {
  return page.evaluate(
    async ([name, key]) => {
      if (!(await caches.has(name))) return null;
      const response = await (await caches.open(name)).match(key);
      return response ? response.text() : null;
    },
    [READY_PAGE_CACHE, readyPageKey(id)] as const,
  );
}

/** Stops the worker and opens the article: the navigation starts a cold worker. */
async function coldVisit(page: Page, context: BrowserContext): Promise<Response> {
  await stopServiceWorkers(await context.newCDPSession(page));
  const response = await page.goto(articlePath(SEED_ID));
  if (!response) throw new Error('no response');
  expect(response.fromServiceWorker()).toBe(true);
  return response;
}

/** Whether `response` was the ready page (one cache match) rather than rendered now. */
function fromReadyPage(response: Response): boolean {
  return response.headers()[READY_HEADER] !== undefined;
}

/** Asks the worker, over the app's protocol, to refresh the first page of `channelId`. */
async function refreshChannel(page: Page, channelId: string): Promise<unknown> {
  return page.evaluate(
    async ([id, url]) => {
      const worker = navigator.serviceWorker.controller;
      if (!worker) throw new Error('No service worker controls the page');
      return new Promise((resolve) => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = (event) => resolve(event.data);
        worker.postMessage(
          { type: 'sync-page', requestId: `test-${id}`, channelId: id, pageIndex: 0, pageUrl: url },
          [port2],
        );
      });
    },
    [channelId, new URL(`/api/feeds/${channelId}.json`, page.url()).href] as const,
  );
}

/** Changes the stored article's title in IndexedDB directly, past the store and its hooks. */
async function retitleBehindTheStore(page: Page, id: string, title: string): Promise<void> {
  await page.evaluate(
    async ([dbName, key, newTitle]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        const store = db.transaction('articles', 'readwrite').objectStore('articles');
        await new Promise<void>((resolve, reject) => {
          const get = store.get(key);
          get.onsuccess = () => {
            const record = get.result as { article: { title: string } };
            record.article.title = newTitle;
            const put = store.put(record);
            put.onsuccess = () => resolve();
            put.onerror = () => reject(put.error ?? new Error('put failed'));
          };
          get.onerror = () => reject(get.error ?? new Error('get failed'));
        });
      } finally {
        db.close();
      }
    },
    [DB_NAME, id, title] as const,
  );
}

test.describe('the ready page of a stored article', () => {
  test('a cold offline navigation is answered from the ready page, before IndexedDB is read; the app then shows what is stored', async ({
    page,
    context,
    problems,
  }) => {
    await openAndStoreArticle(page, SEED_ID);
    allowOfflineFailures(problems);
    await context.setOffline(true);

    // The first navigation the worker answers renders from IndexedDB and keeps the page.
    const first = await coldVisit(page, context);
    expect(fromReadyPage(first)).toBe(false);
    expect(await first.text()).toContain(SEED_TITLE);
    await routeReady(page);
    await expect.poll(() => readyPage(page, SEED_ID)).toContain(SEED_TITLE);

    // Changed where no hook sees it: only a worker that reads IndexedDB would know.
    await retitleBehindTheStore(page, SEED_ID, '库里改过的标题');
    const second = await coldVisit(page, context);
    expect(fromReadyPage(second)).toBe(true);
    const html = await second.text();
    expect(html).toContain('<div id="boot"');
    expect(html).toContain(SEED_TITLE);
    expect(html).not.toContain('库里改过的标题');
    // The app takes over from IndexedDB, as always.
    await routeReady(page);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('库里改过的标题');
  });

  test('after the article is updated, the settings change, or the content is cleared, the offline navigation stays correct', async ({
    page,
    context,
    app,
    problems,
  }) => {
    await openAndStoreArticle(page, SEED_ID);
    // Opened again with the worker in control: rendered, and kept ready.
    await page.goto(articlePath(SEED_ID));
    await routeReady(page);
    await expect.poll(() => readyPage(page, SEED_ID)).toContain(SEED_TITLE);

    // An update of the article, stored by the worker's refresh of its channel.
    const feed = JSON.parse(
      readFileSync(path.join(v1Dir(), 'api', 'feeds', 'hot.json'), 'utf8'),
    ) as { items: { id: string; title: string }[] };
    for (const item of feed.items) if (item.id === SEED_ID) item.title = '更正后的标题';
    app.override('/api/feeds/hot.json', feed);
    expect(await refreshChannel(page, 'hot')).toMatchObject({ ok: true });
    await expect.poll(() => readyPage(page, SEED_ID)).toBeNull();

    allowOfflineFailures(problems);
    await context.setOffline(true);
    const updated = await coldVisit(page, context);
    expect(fromReadyPage(updated)).toBe(false);
    expect(await updated.text()).toContain('更正后的标题');
    await routeReady(page);
    await expect.poll(() => readyPage(page, SEED_ID)).toContain('更正后的标题');
    expect(fromReadyPage(await coldVisit(page, context))).toBe(true);
    await routeReady(page);

    // The reader's settings change: the kept page, in the old look, is not served.
    await page.evaluate(() => {
      localStorage.setItem('qilu:reading-prefs', JSON.stringify({ v: 1, theme: 'dark' }));
    });
    await page.reload();
    await routeReady(page);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const response = await (
            await caches.open('qilu-boot-v1')
          ).match('/__qilu/boot-prefs.json');
          return response ? response.text() : '';
        }),
      )
      .toContain('"data-theme":"dark"');
    const restyled = await coldVisit(page, context);
    expect(await restyled.text()).toMatch(/<html[^>]*data-theme="dark"/);
    await routeReady(page);
    await expect.poll(() => readyPage(page, SEED_ID)).toMatch(/<html[^>]*data-theme="dark"/);
    const again = await coldVisit(page, context);
    expect(fromReadyPage(again)).toBe(true);
    expect(await again.text()).toMatch(/<html[^>]*data-theme="dark"/);
    await routeReady(page);

    // 清除全部离线内容: the page clears IndexedDB, and the ready page goes with it.
    await page.goto('/settings');
    await routeReady(page);
    await page.getByRole('button', { name: '清除全部离线内容' }).click();
    await page.getByRole('button', { name: '确认清除' }).click();
    await expect(
      page.getByRole('main').getByText('已清除全部离线内容，收藏的文章已保留。'),
    ).toBeVisible();
    await expect.poll(() => readyPage(page, SEED_ID)).toBeNull();
    const cleared = await coldVisit(page, context);
    expect(await cleared.text()).not.toContain('id="boot"');
    await expect(page.getByRole('main')).toContainText(TEXT.articleNotDownloaded, {
      timeout: 20_000,
    });
  });
});
