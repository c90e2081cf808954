import type { Locator, Page } from '@playwright/test';
import { READING_PREFS_KEY } from '../../src/app/lib/reading-prefs';
import { ROOT_ATTRIBUTES_KEY } from '../../src/shared/boot';
import { axeViolationsFast } from './a11y-helpers';
import { expect, routeReady, test } from './fixtures';
import { expectVisibleFocus, tabTo } from './keyboard-helpers';

/**
 * The compact header (src/app/components/site-header): with large text on a phone the red bar
 * holds only the brand and 菜单, a disclosure button for the tools and both navigations. What a
 * screen reader hears collapsed and expanded, the keyboard journey through it, axe in each state,
 * its target sizes, and that the width in rem (so the reader's 字号) chooses it from the first
 * paint on.
 */

test.use({ viewport: { width: 320, height: 640 } });

/** What the first render of the header showed, recorded by {@link recordFirstHeader}. */
interface FirstHeader {
  /** The tools on the red bar (搜索 收藏 设置) were displayed. */
  readonly bar: boolean;
  /** The 菜单 button was displayed. */
  readonly toggle: boolean;
}

/**
 * Records, the moment the header is first in the DOM, which of the tools bar and the 菜单 button
 * are displayed: getComputedStyle is what that frame paints, so a header that first showed the
 * full bar and then folded would show here as a flash.
 */
function recordFirstHeader(): void {
  const observer = new MutationObserver(() => {
    const bar = document.querySelector('.tools--bar');
    const toggle = document.querySelector('.menu-toggle');
    if (!bar || !toggle) return;
    observer.disconnect();
    const first: FirstHeader = {
      bar: getComputedStyle(bar).display !== 'none',
      toggle: getComputedStyle(toggle).display !== 'none',
    };
    (window as unknown as { firstHeader: FirstHeader }).firstHeader = first;
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens `path` with `textSize` (and 长辈版 or a theme when asked) saved before the app starts. */
async function open(
  page: Page,
  path: string,
  textSize: number,
  elder = false,
  theme = 'light',
): Promise<void> {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    READING_PREFS_KEY,
    JSON.stringify({ v: 1, textSize, elder, theme }),
  ] as const);
  // A returning reader: on an earlier visit the app applied the settings and kept them where a
  // prerendered page finds them before it paints (public/root-attributes.js).
  await page.goto('/about/contact');
  await routeReady(page);
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), ROOT_ATTRIBUTES_KEY))
    .toContain(`"data-theme":"${theme}"`);
  await page.addInitScript(recordFirstHeader);
  await page.goto(path);
  await routeReady(page);
}

function menuButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: '菜单', exact: true });
}

/** Expects `locator`'s box to be at least `minimum` CSS px both ways. */
async function expectTarget(locator: Locator, minimum: number): Promise<void> {
  const box = await locator.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(minimum);
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(minimum);
}

const COLLAPSED = `
  - banner:
    - /children: equal
    - link "齐鲁轻读":
      - /url: /
    - status
    - button "菜单" [expanded=false]
`;

const EXPANDED = `
  - banner:
    - /children: equal
    - link "齐鲁轻读":
      - /url: /
    - status
    - button "菜单" [expanded]
    - list:
      - listitem:
        - link "搜索":
          - /url: /search
      - listitem:
        - link "收藏":
          - /url: /saved
      - listitem:
        - link "设置":
          - /url: /settings
    - navigation "栏目":
      - list:
        - listitem:
          - link "首页":
            - /url: /
        - listitem:
          - link "热点新闻":
            - /url: /channel/hot
        - listitem:
          - link "滚动":
            - /url: /channel/latest
        - listitem:
          - link "图片新闻":
            - /url: /channel/photos
    - navigation "城市":
      - button "城市" [expanded=false]
`;

// The menu's own links marked as the current page (搜索, 收藏, 设置) in every theme: the bar's
// dark current-page background must not follow them onto the menu's page background.
for (const theme of ['light', 'dark', 'contrast']) {
  test(`at 320 px with 200% text in the ${theme} theme, 菜单 marks the current tool legibly`, async ({
    page,
  }) => {
    for (const [path, name] of [
      ['/search', '搜索'],
      ['/saved', '收藏'],
      ['/settings', '设置'],
    ] as const) {
      await open(page, path, 200, false, theme);
      await menuButton(page).click();
      const current = page.locator('#site-menu a[aria-current="page"]');
      await expect(current).toHaveAccessibleName(new RegExp(name));
      expect(await axeViolationsFast(page), `axe, ${path} with 菜单 open`).toEqual([]);
    }
  });
}

for (const elder of [false, true]) {
  const mode = elder ? ' in 长辈版' : '';

  test.describe(`at 320 px with 200% text${mode}`, () => {
    test('the header is the brand and 菜单 on one line from the first paint; collapsed and expanded it reads as a disclosure', async ({
      page,
    }) => {
      await open(page, '/', 200, elder);
      const first = await page.evaluate(
        () => (window as unknown as { firstHeader?: FirstHeader }).firstHeader,
      );
      expect(first, 'the first render had the compact header').toEqual({
        bar: false,
        toggle: true,
      });

      const banner = page.getByRole('banner');
      await expect(banner).toMatchAriaSnapshot(COLLAPSED);
      const brand = await banner.getByRole('link', { name: '齐鲁轻读' }).boundingBox();
      const button = await menuButton(page).boundingBox();
      expect(button?.y ?? Infinity, '菜单 sits beside the brand').toBeLessThan(
        (brand?.y ?? 0) + (brand?.height ?? 0),
      );
      await expectTarget(menuButton(page), elder ? 60 : 44);
      expect(await axeViolationsFast(page), 'axe, menu collapsed').toEqual([]);

      await menuButton(page).click();
      await expect(banner).toMatchAriaSnapshot(EXPANDED);
      await expect(menuButton(page)).toHaveAttribute('aria-controls', 'site-menu');
      for (const link of await page.locator('#site-menu :is(a, button):visible').all()) {
        await expectTarget(link, elder ? 60 : 44);
      }
      expect(await axeViolationsFast(page), 'axe, menu expanded').toEqual([]);

      await banner.getByRole('button', { name: '城市', exact: true }).click();
      await expect(
        banner.getByRole('navigation', { name: '城市' }).getByRole('link', { name: '济南' }),
      ).toBeVisible();
      expect(await axeViolationsFast(page), 'axe, menu and city list expanded').toEqual([]);
    });

    test('keyboard: Enter opens 菜单, Tab walks its links, Escape closes the city list, then the menu, and focus returns; a link closes it', async ({
      page,
    }) => {
      await open(page, '/', 200, elder);
      const toggle = menuButton(page);
      const menu = page.locator('#site-menu');
      await expect(menu).toBeHidden();

      await tabTo(page, toggle);
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(toggle).toBeFocused();
      await expect(menu).toBeVisible();

      // Tab goes through the menu in reading order, each stop visibly focused.
      for (const name of ['搜索', '收藏', '设置', '首页', '热点新闻', '滚动', '图片新闻']) {
        await page.keyboard.press('Tab');
        await expectVisibleFocus(page, menu.getByRole('link', { name, exact: true }));
      }
      const cityToggle = menu.getByRole('button', { name: '城市', exact: true });
      await page.keyboard.press('Tab');
      await expectVisibleFocus(page, cityToggle);

      // The city list inside the menu is a disclosure of its own: one Escape closes one of them.
      await page.keyboard.press('Enter');
      await expect(cityToggle).toHaveAttribute('aria-expanded', 'true');
      await tabTo(page, menu.getByRole('link', { name: '济南' }));
      await page.keyboard.press('Escape');
      await expect(cityToggle).toHaveAttribute('aria-expanded', 'false');
      await expectVisibleFocus(page, cityToggle);
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');

      await page.keyboard.press('Escape');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeHidden();
      await expectVisibleFocus(page, toggle);

      // Following a link from the menu closes it; focus goes to the new page's h1.
      await page.keyboard.press('Enter');
      await tabTo(page, menu.getByRole('link', { name: '收藏', exact: true }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/saved$/);
      await expectVisibleFocus(page, page.getByRole('main').getByRole('heading', { level: 1 }));
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeHidden();
    });
  });
}

for (const { width, textSize } of [
  { width: 320, textSize: 100 },
  { width: 1280, textSize: 200 },
]) {
  test(`at ${width} px with ${textSize}% text the header is the full one, without 菜单`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '/', textSize);
    const banner = page.getByRole('banner');
    await expect(menuButton(page)).toBeHidden();
    await expect(banner.getByRole('link', { name: '搜索', exact: true })).toBeVisible();
    await expect(banner.getByRole('navigation', { name: '栏目' })).toBeVisible();
    // Exactly one 搜索 link is in the accessibility tree: the menu's copy is not displayed.
    await expect(page.getByRole('link', { name: '搜索', exact: true })).toHaveCount(1);
  });
}
