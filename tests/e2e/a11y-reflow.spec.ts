import type { Page } from '@playwright/test';
import {
  SettingsTab,
  elementsPastTheEdge,
  expectPrefsApplied,
  horizontalOverflow,
  openRoute,
  showCityList,
} from './a11y-helpers';
import { expect, test } from './fixtures';
import { ROUTES } from './routes';

/**
 * Reflow (WCAG 1.4.10) and text spacing (1.4.12) on every route, on a 320 px wide screen with
 * 200% text: first as the reader set it, then with the 1.4.12 spacing forced onto every element
 * (as a reader's stylesheet or bookmarklet would), then with 长辈版 on as well. In each state the
 * page must not scroll sideways and no text may be cut off by a box too small for it.
 *
 * The spacing goes in as a constructed stylesheet (document.adoptedStyleSheets). The app's CSP
 * (`style-src 'self'`, no 'unsafe-inline') blocks the `<style>` element page.addStyleTag()
 * writes, exactly as it would block a bookmarklet's; constructed stylesheets are CSSOM, which CSP
 * does not govern, so the test needs neither bypassCSP nor a weakened policy, and the test first
 * checks that the spacing really applies.
 */

/** The WCAG 1.4.12 minimums: line height 1.5, paragraph spacing 2em, letter 0.12em, word 0.16em. */
const TEXT_SPACING_CSS = `
* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p {
  margin-block-end: 2em !important;
}
`;

/** Forces the WCAG 1.4.12 text spacing onto every element of the page. */
async function applyTextSpacing(page: Page): Promise<void> {
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, TEXT_SPACING_CSS);
  const letterSpacing = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return parseFloat(style.letterSpacing) / parseFloat(style.fontSize);
  });
  expect(letterSpacing, 'the text spacing stylesheet applies').toBeCloseTo(0.12, 2);
}

/**
 * Every element whose text does not fit its box: cut off (overflow other than visible) or
 * spilling over what follows (a box of fixed size with visible overflow). Line-clamped summaries
 * are cut on purpose (the article has the whole text one tap away); for them the check is that
 * the cut falls between whole lines, so no line is ever shown half. Boxes of 1 px or less are
 * the visually hidden texts for screen readers, skipped.
 */
function clippedText(): string[] {
  const problems: string[] = [];
  const describe = (element: HTMLElement) =>
    `<${element.tagName.toLowerCase()}${element.className ? ` class="${element.className}"` : ''}> "${(element.textContent ?? '').trim().slice(0, 30)}"`;
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (!(element instanceof HTMLElement) || element instanceof HTMLImageElement) continue;
    if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
    if (!element.innerText.trim()) continue;
    const style = getComputedStyle(element);
    const extraX = element.scrollWidth - element.clientWidth;
    const extraY = element.scrollHeight - element.clientHeight;
    if (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '') {
      const lines = element.clientHeight / parseFloat(style.lineHeight);
      if (Math.abs(lines - Math.round(lines)) > 0.1) {
        problems.push(`${describe(element)} is clamped mid-line (${lines.toFixed(2)} lines)`);
      }
      continue;
    }
    if (extraX > 1) problems.push(`${describe(element)} is ${extraX}px too narrow for its text`);
    if (extraY > 1) problems.push(`${describe(element)} is ${extraY}px too short for its text`);
  }
  return problems;
}

test.describe('at 320 px wide with 200% text', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const route of ROUTES) {
    test(`${route.name} reflows, also with WCAG text spacing and 长辈版, and cuts no text off`, async ({
      page,
      context,
      request,
    }) => {
      const settings = await SettingsTab.open(context);
      await settings.save({ textSize: 200 });
      await openRoute(page, route, request);
      await expectPrefsApplied(page, { textSize: 200 });
      await showCityList(page);

      const expectReflow = async (state: string) => {
        expect(await page.evaluate(elementsPastTheEdge), `${state}: nothing past the edge`).toEqual(
          [],
        );
        expect(
          await horizontalOverflow(page),
          `${state}: no sideways scrolling`,
        ).toBeLessThanOrEqual(0);
        expect(await page.evaluate(clippedText), `${state}: no text cut off`).toEqual([]);
      };

      await expectReflow('200% text');
      await applyTextSpacing(page);
      await expectReflow('200% text and WCAG text spacing');
      await settings.save({ textSize: 200, elder: true });
      await expectPrefsApplied(page, { textSize: 200, elder: true });
      await expectReflow('200% text, WCAG text spacing and 长辈版');
    });
  }
});
