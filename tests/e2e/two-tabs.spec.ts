import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { FeedItem } from './fixtures';
import { articlePath, channelDirectory, expect, feedPages, routeReady } from './fixtures';
import {
  offlineTest as test,
  readStore,
  waitForStoredChannel,
  waitForWorkerControl,
} from './offline-helpers';

/**
 * Two tabs of the app open at once (one browser context: one origin, one
 * service worker, one IndexedDB, one localStorage), each writing while the
 * other does: no write of either tab may be lost, and each tab shows the
 * other's settings without a reload.
 */

/** The first four items of 济南's first page, as the server lists them. */
async function jinanItems(request: APIRequestContext): Promise<FeedItem[]> {
  const jinan = (await channelDirectory(request)).find((channel) => channel.id === 'jinan');
  if (!jinan) throw new Error('no jinan channel');
  const [first = []] = await feedPages(request, jinan);
  if (first.length < 4) throw new Error('the first page of jinan lists fewer than 4 articles');
  return first.slice(0, 4);
}

/** The 收藏 toggle of a list item. */
function listToggle(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('button', { name: `收藏：${title}`, exact: true });
}

/** A radio group of the settings page by its legend. */
function group(page: Page, name: string): Locator {
  return page.getByRole('radiogroup', { name }).or(page.getByRole('group', { name }));
}

/** The links of the 收藏 list on /saved. */
function savedLinks(page: Page): Locator {
  return page.getByRole('region', { name: '收藏的文章' }).getByRole('list').getByRole('link');
}

async function openJinan(page: Page): Promise<void> {
  await page.goto('/channel/jinan');
  await routeReady(page);
  await waitForWorkerControl(page);
  await waitForStoredChannel(page, 'jinan');
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/settings');
  await routeReady(page);
}

test.describe('two tabs writing at once', () => {
  test('saves and reads made in both tabs at once all stay, and tab B’s 收藏 lists tab A’s', async ({
    page: a,
    context,
    request,
  }) => {
    const [savedInA, savedInB, readInA, readInB] = await jinanItems(request);
    if (!savedInA || !savedInB || !readInA || !readInB) throw new Error('unreachable');
    await openJinan(a);
    const b = await context.newPage();
    await openJinan(b);

    await Promise.all([
      listToggle(a, savedInA.title).click(),
      listToggle(b, savedInB.title).click(),
    ]);
    await expect(listToggle(a, savedInA.title)).toHaveAttribute('aria-pressed', 'true');
    await expect(listToggle(b, savedInB.title)).toHaveAttribute('aria-pressed', 'true');
    // Opening an article marks it read (最近阅读); both at once.
    await Promise.all(
      [
        [a, readInA],
        [b, readInB],
      ].map(async ([tab, item]) => {
        const page = tab as Page;
        await page.goto(articlePath((item as FeedItem).id));
        await routeReady(page);
      }),
    );

    const records = async () =>
      Object.fromEntries(
        (await readStore(a, 'user')).map((record) => [
          record.id,
          { saved: record.savedAt !== undefined, read: record.lastReadAt !== undefined },
        ]),
      );
    await expect.poll(records, { message: 'every save and read of both tabs is stored' }).toEqual({
      [savedInA.id]: { saved: true, read: false },
      [savedInB.id]: { saved: true, read: false },
      [readInA.id]: { saved: false, read: true },
      [readInB.id]: { saved: false, read: true },
    });

    // Tab B, on its next visit to 收藏, lists tab A's save next to its own.
    await b.goto('/saved');
    await routeReady(b);
    // Saved at the same moment, either may be the newer: the order is not the point here.
    await expect(savedLinks(b)).toHaveCount(2);
    const listed = (await savedLinks(b).allInnerTexts()).map((title) => title.trim());
    expect(listed.sort()).toEqual([savedInA.title, savedInB.title].sort());

    // And after a reload of both, every mark is still there.
    await Promise.all([a.goto('/channel/jinan'), b.reload()]);
    await routeReady(a);
    await routeReady(b);
    await expect(listToggle(a, savedInA.title)).toHaveAttribute('aria-pressed', 'true');
    await expect(listToggle(a, savedInB.title)).toHaveAttribute('aria-pressed', 'true');
    await expect(savedLinks(b)).toHaveCount(2);
    // Both reads are 已读 in tab A's list: the one made in tab B too.
    for (const item of [readInA, readInB]) {
      await expect(
        a
          .getByRole('main')
          .locator(`a[href="${articlePath(item.id)}"]`)
          .first(),
      ).toContainText('已读');
    }
    await b.close();
  });

  test('settings changed in both tabs at once all stay, and each tab shows the other’s live', async ({
    page: a,
    context,
  }) => {
    await openSettings(a);
    const b = await context.newPage();
    await openSettings(b);
    const wifiOnly = (page: Page) => page.getByRole('checkbox', { name: '仅在 Wi-Fi 下载' });
    const noImages = (page: Page) => page.getByRole('checkbox', { name: '省流量（不显示图片）' });
    const readAloud = (page: Page) =>
      page.getByRole('checkbox', { name: '在文章页显示「语音朗读」' });

    await Promise.all([
      group(a, '字号').getByRole('radio', { name: '超大', exact: true }).check(),
      group(b, '主题').getByRole('radio', { name: '深色' }).check(),
    ]);
    // One tab after the other, each holding what it read on opening: the second must not
    // write the first one's choice back to its old value.
    await noImages(a).check();
    await wifiOnly(b).check();
    await readAloud(a).uncheck();
    await group(b, '行距').getByRole('radio', { name: '更宽松' }).check();

    const everything = async (page: Page) => {
      const html = page.locator('html');
      await expect(html).toHaveAttribute('data-text-size', '200');
      await expect(html).toHaveAttribute('data-theme', 'dark');
      await expect(html).toHaveAttribute('data-line-height', 'looser');
      await expect(
        group(page, '字号').getByRole('radio', { name: '超大', exact: true }),
      ).toBeChecked();
      await expect(group(page, '主题').getByRole('radio', { name: '深色' })).toBeChecked();
      await expect(noImages(page)).toBeChecked();
      await expect(wifiOnly(page)).toBeChecked();
      await expect(readAloud(page)).not.toBeChecked();
    };
    // Live, without a reload: each tab wears the other's choices too.
    await everything(a);
    await everything(b);

    await Promise.all([a.reload(), b.reload()]);
    await routeReady(a);
    await routeReady(b);
    await everything(a);
    await everything(b);
    await b.close();
  });
});
