import type { Page } from '@playwright/test';
import { SettingsTab, THEMES, expectPrefsApplied, openRoute } from './a11y-helpers';
import { expect, test } from './fixtures';

/**
 * `<meta name="theme-color">` (the colour of the browser's toolbar and of the task switcher) follows
 * the theme the page shows: the red masthead in 默认, the page's own dark background in 深色 and
 * 高对比度, so a dark page never sits under a glaring red toolbar. It follows a choice made in
 * another tab and the device switching to dark mode or more contrast while 主题 is 跟随系统.
 */

const HOME = { name: 'home', path: '/' };

/** The toolbar colour, and the colours it must match, as #rrggbb. */
function colors(page: Page) {
  return page.evaluate(() => {
    const hex = (color: string) =>
      `#${(color.match(/\d+/g) ?? [])
        .slice(0, 3)
        .map((part) => Number(part).toString(16).padStart(2, '0'))
        .join('')}`;
    const masthead = document.querySelector('.masthead');
    return {
      meta: document.querySelector('meta[name="theme-color"]')?.getAttribute('content') ?? '',
      page: hex(getComputedStyle(document.body).backgroundColor),
      masthead: masthead ? hex(getComputedStyle(masthead).backgroundColor) : '',
    };
  });
}

/** Whether `hex` is a dark colour (relative luminance under 0.05: #3b3b3b and darker). */
function isDark(hex: string): boolean {
  const [r = 0, g = 0, b = 0] = (hex.match(/[\da-f]{2}/gi) ?? []).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.05;
}

test.describe('theme-color follows the theme', () => {
  for (const theme of THEMES) {
    test(`in ${theme.name}`, async ({ page, context, request }) => {
      await page.emulateMedia({ colorScheme: theme.colorScheme });
      const settings = await SettingsTab.open(context);
      await settings.save({ theme: theme.theme });
      await openRoute(page, HOME, request);
      const shown = await colors(page);
      if (theme.theme === 'light') {
        expect(shown.meta, 'the toolbar continues the red masthead').toBe(shown.masthead);
        expect(isDark(shown.meta)).toBe(false);
      } else {
        expect(shown.meta, 'the toolbar matches the dark page').toBe(shown.page);
        expect(isDark(shown.meta), `${shown.meta} is dark`).toBe(true);
      }
    });
  }

  test('changes with a choice made in another tab and with the device while 跟随系统', async ({
    page,
    context,
    request,
  }) => {
    await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
    const settings = await SettingsTab.open(context);
    await openRoute(page, HOME, request);
    const first = await colors(page);
    expect(first.meta).toBe(first.masthead);

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await colors(page)).meta).toBe('#121212');
    expect((await colors(page)).page).toBe('#121212');

    await page.emulateMedia({ contrast: 'more' });
    await expect.poll(async () => (await colors(page)).meta).toBe('#000000');
    expect((await colors(page)).page).toBe('#000000');

    await settings.save({ theme: 'dark' });
    await expectPrefsApplied(page, { theme: 'dark' });
    await expect.poll(async () => (await colors(page)).meta).toBe('#121212');

    await settings.save({ theme: 'light' });
    await expectPrefsApplied(page, { theme: 'light' });
    const last = await colors(page);
    expect(last.meta).toBe(last.masthead);
    expect(isDark(last.meta)).toBe(false);
  });
});
