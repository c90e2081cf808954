import type { APIRequestContext, BrowserContext, Locator, Page } from '@playwright/test';
import axe from 'axe-core';
import { READING_PREFS_KEY } from '../../src/app/lib/reading-prefs';
import type { ReadingPrefs } from '../../src/app/lib/reading-prefs';
import { AXE_TAGS, expect, routeReady } from './fixtures';
import { resolveRoute } from './routes';
import type { RouteCase } from './routes';

/**
 * Helpers shared by the a11y-*.spec.ts sweeps: opening a route, switching the reader's settings
 * in place the way the app applies them, a fast axe run, and reflow measurements.
 */

/** The demo content's seed article (the portal page the product is modelled on). */
export const SEED_ARTICLE_PATH = '/article/seed-271a4622fc35748e';

/** The phone, large phone and desktop widths every sweep uses, with a matching height. */
export const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/** One of {@link VIEWPORTS}. */
export type Viewport = (typeof VIEWPORTS)[number];

/**
 * A theme as the reader gets it: a choice in 设置 → 主题, or 跟随系统 on a device in dark mode
 * (emulated with `prefers-color-scheme`, the only way to reach that theme).
 */
export interface ThemeCase {
  readonly name: string;
  readonly theme: ReadingPrefs['theme'];
  readonly colorScheme: 'light' | 'dark';
}

/** The themes of the product, plus the device's dark mode followed by 跟随系统. */
export const THEMES: readonly ThemeCase[] = [
  { name: '默认', theme: 'light', colorScheme: 'light' },
  { name: '深色', theme: 'dark', colorScheme: 'light' },
  { name: '高对比度', theme: 'contrast', colorScheme: 'light' },
  { name: '跟随系统（深色）', theme: 'system', colorScheme: 'dark' },
];

/** Opens `route` and waits until it has rendered, including search results for a query. */
export async function openRoute(
  page: Page,
  route: RouteCase,
  request: APIRequestContext,
): Promise<string> {
  const url = await resolveRoute(route, request);
  await page.goto(url);
  await routeReady(page);
  if (url.startsWith('/search?q=')) {
    // Results (or the empty state) render after the query runs; on a fresh device that first
    // fetches and indexes every channel (about 2 s here), so allow for a busy machine.
    await expect(page.getByText(/找到 \d+ 条|没有找到/).first()).toBeAttached({ timeout: 20_000 });
  }
  return url;
}

/**
 * A second tab of the same origin in which the reader changes the settings: it writes what the
 * settings page persists (localStorage), and every other open tab of the app applies the change
 * from the `storage` event. The tab shows a plain JSON file of the app's origin, so it costs no
 * app start and keeps no app state of its own.
 */
export class SettingsTab {
  private constructor(private readonly tab: Page) {}

  /** Opens the tab in `context` (the context of the page under test). */
  static async open(context: BrowserContext): Promise<SettingsTab> {
    const tab = await context.newPage();
    await tab.goto('/api/channels.json');
    return new SettingsTab(tab);
  }

  /** Saves `prefs` as the settings page would (unlisted fields take their defaults). */
  async save(prefs: Partial<ReadingPrefs>): Promise<void> {
    await this.tab.evaluate(([key, value]) => localStorage.setItem(key, value), [
      READING_PREFS_KEY,
      JSON.stringify({ v: 1, ...prefs }),
    ] as const);
  }
}

/** The attributes applyReadingPrefs() puts on <html> for the settings the sweeps vary. */
function expectedAttributes(prefs: Partial<ReadingPrefs>): Record<string, string | null> {
  return {
    'data-theme': prefs.theme && prefs.theme !== 'system' ? prefs.theme : null,
    'data-text-size': prefs.textSize && prefs.textSize !== 100 ? String(prefs.textSize) : null,
    'data-elder': prefs.elder ? '' : null,
  };
}

/** Waits until `page` shows `prefs` (theme, text size, 长辈版) on its <html>. */
export async function expectPrefsApplied(page: Page, prefs: Partial<ReadingPrefs>): Promise<void> {
  const expected = Object.entries(expectedAttributes(prefs));
  await page.waitForFunction(
    (pairs) =>
      pairs.every(([name, value]) => document.documentElement.getAttribute(name) === value),
    expected,
    { polling: 'raf' },
  );
}

/** Puts axe-core into the page once; it stays for every later run until the page navigates. */
async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(axe.source);
}

/**
 * Runs axe with {@link AXE_TAGS} and returns the violations in a readable form (empty when
 * clean). Unlike AxeBuilder.analyze() it injects axe-core once per page and finishes in the page
 * itself (no blank page per run, the app has no frames): about 5× faster, which is what lets the
 * matrix run every combination. Only violations are collected in detail.
 */
export async function axeViolationsFast(page: Page): Promise<string[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async (tags) => {
    const { axe: engine } = window as unknown as { axe: typeof axe };
    const results = await engine.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'n/a',
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        summary: node.failureSummary ?? '',
      })),
    }));
  }, AXE_TAGS);
  return violations.map(
    ({ id, impact, help, nodes }) =>
      `${id} (${impact}): ${help}\n` +
      nodes.map(({ target, summary }) => `    ${target}: ${summary}`).join('\n'),
  );
}

/** Clicks the disclosure `button` open unless it is hidden or open already. */
async function expand(button: Locator): Promise<void> {
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'false') {
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  }
}

/**
 * Shows the city list where narrow screens keep it behind the 城市 button, and, where the header
 * is compact (large text on a phone), first opens the 菜单 that holds it (no-op when shown).
 */
export async function showCityList(page: Page): Promise<void> {
  await expand(page.getByRole('banner').getByRole('button', { name: '菜单', exact: true }));
  await expand(
    page.getByRole('navigation', { name: '城市' }).getByRole('button', { name: '城市' }),
  );
}

/** How far the document scrolls sideways (≤ 0 means it reflows: WCAG 1.4.10). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * The elements that reach past the right edge of the viewport: what makes a page scroll sideways.
 * Runs in the page (`page.evaluate(elementsPastTheEdge)`).
 */
export function elementsPastTheEdge(): string[] {
  const edge = document.documentElement.clientWidth;
  return Array.from(document.body.querySelectorAll('*'))
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.right > edge + 0.5;
    })
    .map(
      (element) =>
        `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> ends at ${Math.round(element.getBoundingClientRect().right)}px of ${edge}px`,
    );
}
