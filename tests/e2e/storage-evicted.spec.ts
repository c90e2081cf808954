import type { APIRequestContext, BrowserContext, Locator, Page } from '@playwright/test';
import type { Ledger } from '../../src/app/lib/ledger';
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
  storedPages,
  waitForWorkerControl,
  setOffline,
} from './offline-helpers';

/**
 * Storage the browser evicted (issue 12): IndexedDB and Cache Storage cleared behind the app's
 * back, as Chromium does under storage pressure and Safari after its seven-day cap, while
 * localStorage stays. At the next launch the app says so once, downloads the chosen channel and
 * the saved articles again, and they read offline; a first visit says nothing.
 */

const RESTORING = '浏览器清理了本机的离线内容，正在重新下载您选择的频道和收藏的文章。';
const RESTORED =
  /^浏览器清理了本机的离线内容，已重新下载您选择的频道和收藏的文章（共 [1-9]\d* 篇），可以离线阅读了。$/;

/** The eviction note (a status in the header), whatever it says. */
function evictionNote(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: '浏览器清理了本机的离线内容' });
}

/**
 * From the next page load on, records every sentence the eviction note says (a restore can be
 * quicker than a test's look at it).
 */
async function recordNotes(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const said: string[] = [];
    Object.assign(window, { qiluNotes: said });
    new MutationObserver(() => {
      for (const note of document.querySelectorAll('[role="status"] > p')) {
        const text = note.textContent ?? '';
        if (text.startsWith('浏览器清理') && said.at(-1) !== text) said.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { qiluNotes: string[] }).qiluNotes);
}

/** The offline ledger as the app keeps it in localStorage. */
async function ledger(page: Page): Promise<Partial<Ledger>> {
  const raw = await page.evaluate(() => localStorage.getItem('qilu:offline-ledger'));
  return raw ? (JSON.parse(raw) as Partial<Ledger>) : {};
}

/** Waits until the launch check of the page load that started after `since` has run. */
async function launchChecked(page: Page, since: number): Promise<void> {
  await expect
    .poll(async () => (await ledger(page)).checkedAt ?? 0, { message: 'the launch check ran' })
    .toBeGreaterThanOrEqual(since);
}

/**
 * What the browser clears when it evicts the site's storage (localStorage stays); `storageTypes`
 * as Chromium's CDP names them.
 */
async function evict(
  page: Page,
  context: BrowserContext,
  origin: string,
  storageTypes = 'indexeddb,cache_storage',
): Promise<void> {
  // Away from the app first, so no page of it is mid-write when its database goes.
  await page.goto('/robots.txt');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes });
  await cdp.detach();
  const databases = await page.evaluate(async () => (await indexedDB.databases()).length);
  expect(databases, 'the eviction left no database').toBe(0);
}

/** 济南, and two articles of another channel that 济南 does not list (so only 收藏 brings them back). */
async function choices(
  request: APIRequestContext,
): Promise<{ jinan: ChannelInfo; other: ChannelInfo; saved: FeedItem[] }> {
  const channels = await channelDirectory(request);
  const jinan = channels.find((channel) => channel.id === 'jinan');
  if (!jinan) throw new Error('no jinan channel');
  const inJinan = new Set((await feedPages(request, jinan)).flat().map((item) => item.id));
  for (const other of channels) {
    if (other.id === jinan.id) continue;
    const [first = []] = await feedPages(request, other);
    const saved = first.filter((item) => !inJinan.has(item.id)).slice(0, 2);
    if (saved.length === 2) return { jinan, other, saved };
  }
  throw new Error('no channel with two articles outside jinan');
}

test.describe('storage evicted by the browser', () => {
  test('is said once at the next launch, the chosen channel and the saved articles come back and read offline, and the next launch says nothing', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(120_000);
    const { jinan, other, saved } = await choices(request);
    const main = page.getByRole('main');

    // The reader's choices: two articles saved from a list, then 下载离线 of 济南.
    await page.goto(`/channel/${other.id}`);
    await routeReady(page);
    await waitForWorkerControl(page);
    for (const item of saved) {
      const toggle = main.getByRole('button', { name: `收藏：${item.title}`, exact: true });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    }
    await page.goto(`/channel/${jinan.id}`);
    await routeReady(page);
    await main.getByRole('button', { name: `下载离线：${jinan.title}`, exact: true }).click();
    await expect(main.getByText(/下载完成：\d+ 篇文章/)).toBeVisible({ timeout: 30_000 });
    const pagesBefore = (await storedPages(page, jinan.id)).map((record) => record.url);
    expect(pagesBefore.length).toBeGreaterThan(1);
    expect(await ledger(page)).toMatchObject({ channels: [jinan.id] });
    await expect(evictionNote(page)).toHaveCount(0);

    await evict(page, context, app.origin);

    // The next launch: said once, as a status, and done.
    const notes = await recordNotes(page);
    const relaunch = Date.now();
    await page.goto('/');
    await routeReady(page);
    await expect(evictionNote(page).locator('p')).toHaveText(RESTORED, { timeout: 60_000 });
    await expect(evictionNote(page)).toHaveCount(1);
    expect(await notes()).toEqual([RESTORING, expect.stringMatching(RESTORED)]);
    await launchChecked(page, relaunch);
    expect(await axeViolations(page)).toEqual([]);

    // Back in IndexedDB: the same pages of 济南, and both articles, saved, in their old order.
    await expect
      .poll(async () => (await storedPages(page, jinan.id)).map((record) => record.url))
      .toEqual(pagesBefore);
    const users = await readStore(page, 'user');
    const savedIds = users
      .filter((user) => user.savedAt !== undefined)
      .sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))
      .map((user) => user.id);
    expect(savedIds).toEqual([saved[1]?.id, saved[0]?.id]);
    const articleIds = (await readStore(page, 'articles')).map((record) => record.article.id);
    for (const item of saved) expect(articleIds).toContain(item.id);

    // Offline, from a cold start: the app opens (its shell was fetched again), 济南 and both
    // saved articles read.
    allowOfflineFailures(problems);
    await setOffline(context, true);
    await page.goto(`/channel/${jinan.id}`);
    await routeReady(page);
    await expect(main.locator('a[href^="/article/"]').first()).toBeVisible();
    for (const item of saved) {
      await page.goto(articlePath(item.id));
      await routeReady(page);
      await expect(page.getByRole('heading', { level: 1, name: item.title })).toBeVisible();
    }
    await page.goto('/saved');
    await routeReady(page);
    const savedList = page.getByRole('region', { name: '收藏的文章' }).getByRole('list');
    await expect(savedList.getByRole('link')).toHaveText(saved.map((item) => item.title).reverse());

    // Said once: the launches after it say nothing (offline here, and online again).
    await expect(evictionNote(page)).toHaveCount(0);
    await setOffline(context, false);
    const again = Date.now();
    await page.reload();
    await routeReady(page);
    await launchChecked(page, again);
    await expect(evictionNote(page)).toHaveCount(0);
  });

  test('noticed offline: says it will download when back online, and does when the connection returns', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(90_000);
    const { other, saved } = await choices(request);
    const [item] = saved;
    if (!item) throw new Error('no article to save');
    const main = page.getByRole('main');
    await page.goto(`/channel/${other.id}`);
    await routeReady(page);
    await waitForWorkerControl(page);
    const toggle = main.getByRole('button', { name: `收藏：${item.title}`, exact: true });
    const saving = Date.now();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The 收藏 brought the app to the resting first visit; its launch check records the
    // database's generation in the ledger, as any launch does before storage can be evicted.
    await launchChecked(page, saving);

    // Only IndexedDB this time, so the shell still opens offline.
    await evict(page, context, app.origin, 'indexeddb');
    allowOfflineFailures(problems);
    await setOffline(context, true);
    await page.goto('/');
    await expect(evictionNote(page)).toHaveText(
      '浏览器清理了本机的离线内容。联网后会重新下载您选择的频道和收藏的文章。',
    );
    expect(await readStore(page, 'user')).toEqual([]);

    await setOffline(context, false);
    await expect(evictionNote(page).locator('p')).toHaveText(RESTORED, { timeout: 30_000 });
    const users = await readStore(page, 'user');
    expect(users.filter((user) => user.savedAt !== undefined).map((user) => user.id)).toEqual([
      item.id,
    ]);
  });

  test('a genuine first visit says nothing', async ({ page }) => {
    const start = Date.now();
    await page.goto('/');
    await routeReady(page);
    // The first visit rests (src/app/first-visit) and says nothing; the next page runs the app,
    // whose launch check finds a new database and adopts it, quietly.
    await waitForWorkerControl(page);
    await expect(evictionNote(page)).toHaveCount(0);
    await page.reload();
    await routeReady(page);
    await launchChecked(page, start);
    expect(await ledger(page)).toMatchObject({ channels: [], saved: [], pending: false });
    await expect(evictionNote(page)).toHaveCount(0);
  });
});
