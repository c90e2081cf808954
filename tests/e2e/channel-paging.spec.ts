import type { Page } from '@playwright/test';
import { articlePath, channelDirectory, expect, feedPages, routeReady, test } from './fixtures';

/** Live regions of the page (role=status is polite by default). */
const liveRegions = (page: Page) => page.locator('[aria-live="polite"], [role="status"]');

test.describe('a channel with more than one page', () => {
  test('shows 20 items, adds each next page’s new items on 加载更多 with focus on the first new one, and ends with 已显示全部', async ({
    page,
    request,
  }) => {
    const channels = await channelDirectory(request);
    // The channel with the most pages exercises the loop best; the feed decides, not the test.
    // 滚动 lists every article (29 pages of the demo): clicking through all of it would test
    // the same loop for minutes, so the deepest channel of at most 8 pages is used.
    let best:
      { id: string; title: string; pages: Awaited<ReturnType<typeof feedPages>> } | undefined;
    for (const channel of channels) {
      const pages = await feedPages(request, channel);
      if (pages.length > 8) continue;
      if (!best || pages.length > best.pages.length)
        best = { id: channel.id, title: channel.title, pages };
    }
    if (!best) throw new Error('channels.json lists no channel');
    expect(best.pages.length, 'some channel has at least two pages').toBeGreaterThanOrEqual(2);
    expect(best.pages[0]).toHaveLength(20);

    await page.goto(`/channel/${best.id}`);
    await routeReady(page);
    const main = page.getByRole('main');
    const list = main.getByRole('list').first();
    const items = list.getByRole('listitem');
    const more = main.getByRole('button', { name: '加载更多', exact: true });

    await expect(items).toHaveCount(20);
    await expect(more).toHaveText('+更多');

    // Pages may repeat an article (the first page overlaps the newest archive page,
    // docs/feed-format.md "Paging"); the list shows each once, so 更多 adds what is new.
    const seen = new Set(best.pages[0]?.map((item) => item.id));
    let shown = seen.size;
    for (const [index, pageItems] of best.pages.entries()) {
      if (index === 0) continue;
      const fresh = pageItems.filter((item) => !seen.has(item.id));
      fresh.forEach((item) => seen.add(item.id));
      await more.click();
      await expect(items).toHaveCount(shown + fresh.length);
      const firstNew = fresh[0];
      if (!firstNew) throw new Error(`page ${index + 1} of ${best.id} adds nothing new`);
      // Focus lands on the first new headline so keyboard and screen-reader users read on.
      const focusedLink = items.nth(shown).getByRole('link', { name: firstNew.title, exact: true });
      await expect(focusedLink).toBeFocused();
      await expect(focusedLink).toHaveAttribute('href', articlePath(firstNew.id));
      await expect(liveRegions(page).filter({ hasText: `已加载 ${fresh.length} 条` })).toHaveCount(
        1,
      );
      shown += fresh.length;
    }

    await expect(more).toHaveCount(0);
    await expect(main.getByText('已显示全部')).toBeVisible();
  });

  test('lists each item with its headline link, a time in the feed offset and a decorative thumbnail', async ({
    page,
    request,
  }) => {
    const photos = (await channelDirectory(request)).find((channel) => channel.id === 'photos');
    if (!photos) throw new Error('channels.json has no photos channel');
    const [firstPage] = await feedPages(request, photos);
    const first = firstPage?.[0];
    if (!first) throw new Error('the photos feed is empty');

    await page.goto('/channel/photos');
    await routeReady(page);
    const item = page.getByRole('main').getByRole('list').first().getByRole('listitem').first();
    await expect(item.getByRole('link', { name: first.title, exact: true })).toHaveAttribute(
      'href',
      articlePath(first.id),
    );
    const time = item.locator('time');
    const datetime = await time.getAttribute('datetime');
    expect(datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/);
    // The digits of the feed's own timestamp, not converted to the test browser's New York time.
    const [, date = '', clock = ''] =
      /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(datetime ?? '') ?? [];
    await expect(time).toHaveText(`${date} ${clock}`);
    const thumbnail = item.locator('img');
    await expect(thumbnail).toHaveAttribute('alt', '');
    await expect(thumbnail).toHaveAttribute('width', /^\d+$/);
    await expect(thumbnail).toHaveAttribute('height', /^\d+$/);
  });
});
