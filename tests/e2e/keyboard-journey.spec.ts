import type { Locator, Page } from '@playwright/test';
import { expect, openWithApp, routeReady, test } from './fixtures';
import { expectVisibleFocus, tabTo } from './keyboard-helpers';

/**
 * The keyboard-only journey of issue 4: skip link → a city channel → +更多 → an article →
 * 朗读全文 → back. Only page.keyboard moves focus; after every key the test checks where focus
 * is and that it is visibly indicated (a computed outline or box-shadow, not just :focus).
 */

/** The h1 of the route, which takes focus after every in-app navigation. */
function pageHeading(page: Page, name: string): Locator {
  return page.getByRole('main').getByRole('heading', { level: 1, name, exact: true });
}

test.describe('a keyboard-only journey', () => {
  test('at 1280 px: skip link, 济南 from the 城市 navigation, +更多, an article, 朗读全文, and back', async ({
    page,
  }) => {
    // A returning reader's journey through the app's own navigation (a resting first visit
    // follows links as plain links: first-visit.spec.ts).
    await openWithApp(page, '/');

    // The first Tab lands on the skip link, which shows itself and a ring.
    const skipLink = page.getByRole('link', { name: '跳到正文' });
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page, skipLink);

    // Enter moves focus into the main content.
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null))
      .toBe(true);

    // Back up into the header, to the first city of the 城市 navigation.
    const jinan = page
      .getByRole('navigation', { name: '城市' })
      .getByRole('link', { name: '济南' });
    await tabTo(page, jinan, 'Shift+Tab');

    // Enter opens the channel and focus moves to its h1.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/channel\/jinan$/);
    const channelHeading = pageHeading(page, '济南');
    await expectVisibleFocus(page, channelHeading);
    await routeReady(page);

    // Tab to 加载更多 (「+更多」); Enter adds the next page and focuses its first headline.
    const items = page.getByRole('main').getByRole('list').first().getByRole('listitem');
    const before = await items.count();
    expect(before).toBeGreaterThan(0);
    await tabTo(page, page.getByRole('button', { name: '加载更多' }));
    await page.keyboard.press('Enter');
    await expect(items).not.toHaveCount(before);
    const firstNew = items.nth(before).getByRole('link').first();
    await expectVisibleFocus(page, firstNew);
    const headline = (await firstNew.textContent())?.trim() ?? '';
    expect(headline).not.toBe('');

    // Enter opens that article, focus on its headline h1.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/article\//);
    await expectVisibleFocus(page, pageHeading(page, headline));

    // Tab reaches 朗读全文 (语音朗读) without passing anything invisible.
    await tabTo(page, page.getByRole('button', { name: '朗读全文' }));

    // Back to the channel, focus on its h1 again. Alt+ArrowLeft is the browser's own shortcut,
    // handled by its window, which headless Chromium does not have: the key reaches the page and
    // nothing else. page.goBack() is the same history step, so the app sees what a reader's
    // Alt+ArrowLeft (or the back button) gives it: a popstate to the channel.
    await page.goBack();
    await expect(page).toHaveURL(/\/channel\/jinan$/);
    await expectVisibleFocus(page, channelHeading);
  });

  test('at 390 px: the 城市 button opens the city list with Enter, and 济南 opens with focus on its h1', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await routeReady(page);

    const cityNav = page.getByRole('navigation', { name: '城市' });
    const toggle = cityNav.getByRole('button', { name: '城市' });
    const jinan = cityNav.getByRole('link', { name: '济南' });
    await expect(jinan).toBeHidden();

    await tabTo(page, toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toBeFocused();

    await tabTo(page, jinan);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/channel\/jinan$/);
    await expectVisibleFocus(page, pageHeading(page, '济南'));
    // Following a city link closes the list again.
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});
