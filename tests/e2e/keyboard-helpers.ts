import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Keyboard helpers of the journeys (keyboard-journey.spec.ts, compact-header.spec.ts): only
 * page.keyboard moves focus, and every element focus lands on must show a focus indicator.
 */

/** The most Tab presses a step may take before the test calls the target unreachable. */
const MAX_TABS = 60;

/** Describes the focused element (for failure messages) and whether a focus ring is drawn. */
async function focusState(page: Page): Promise<{ what: string; ring: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return { what: 'nothing', ring: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
    return {
      what: `<${element.tagName.toLowerCase()}> ${name.slice(0, 40)}`,
      ring: outline || shadow,
    };
  });
}

/** Expects `target` to have focus, to be on screen and to show a focus indicator. */
export async function expectVisibleFocus(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  const { what, ring } = await focusState(page);
  expect(ring, `focus indicator on ${what}`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus. Every element passed on the way must
 * show a focus indicator too: a keyboard user sees each stop, not only the last.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) {
      await expectVisibleFocus(page, target);
      return;
    }
    const { what, ring } = await focusState(page);
    expect(ring, `focus indicator on ${what}, passed on the way`).toBe(true);
  }
  throw new Error(`${key} never reached the target in ${MAX_TABS} presses`);
}
