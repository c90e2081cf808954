import type { Page } from '@playwright/test';
import {
  SEED_ARTICLE_PATH,
  SettingsTab,
  THEMES,
  axeViolationsFast,
  openRoute,
} from './a11y-helpers';
import { expect, test } from './fixtures';
import { ROUTES } from './routes';

/**
 * Focus visibility, measured (WCAG 2.4.7, 1.4.11, 2.4.11): in each theme and in forced colours
 * (Windows 高对比度), Tab goes through the header and into the first news list of the home page,
 * and every element that takes focus shows an outline at least 2 px wide whose colour has at least
 * 3:1 contrast against the background next to it (computed from the computed styles), and
 * nothing covers the focused element (a sticky bar, a banner). axe also runs in forced colours.
 */

/** How many links of the first list in <main> the walk goes through after the header. */
const LIST_LINKS = 4;
/** More Tab presses than the header and the list need together; more means focus is lost. */
const MAX_TABS = 60;

/** What the page says about the focused element. */
interface FocusReport {
  readonly what: string;
  readonly problems: string[];
  readonly inList: boolean;
}

/**
 * Checks the focused element's ring in the page: width, contrast against the colour around it
 * (the first opaque background among its ancestors; its own background too when the ring
 * touches it), and that the element is on screen and not covered.
 */
function inspectFocus(): FocusReport {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) {
    return { what: 'nothing', problems: ['focus is on nothing'], inList: false };
  }
  const parse = (color: string): [number, number, number, number] => {
    const match = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:,?\s*\/?\s*([\d.]+))?\)/.exec(color);
    if (!match) throw new Error(`cannot read the colour ${color}`);
    return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 1)];
  };
  const luminance = ([r, g, b]: readonly number[]) => {
    const channel = (value = 0) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (a: readonly number[], b: readonly number[]) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
  };
  /** The opaque colour behind `start`: its background, else its ancestors', else the canvas. */
  const backgroundBehind = (start: Element | null): number[] => {
    for (let node = start; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if ((color[3] ?? 0) > 0.99) return color;
    }
    const dark = getComputedStyle(document.documentElement).colorScheme.includes('dark');
    return dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
  };

  const style = getComputedStyle(element);
  const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  const what = `<${element.tagName.toLowerCase()}> "${name.slice(0, 20)}"`;
  const problems: string[] = [];

  const width = parseFloat(style.outlineWidth);
  if (style.outlineStyle === 'none' || width < 2) {
    problems.push(`no outline of at least 2 px (${style.outlineStyle} ${style.outlineWidth})`);
  } else {
    const ring = parse(style.outlineColor);
    const around = [backgroundBehind(element.parentElement)];
    if (parseFloat(style.outlineOffset) <= 0) around.push(backgroundBehind(element));
    for (const background of around) {
      // A translucent ring (forced colours draw one) is seen mixed with what is behind it.
      const alpha = ring[3] ?? 1;
      const seen = ring
        .slice(0, 3)
        .map((value, i) => value * alpha + (background[i] ?? 0) * (1 - alpha));
      const ratio = contrast(seen, background);
      if (ratio < 3) {
        problems.push(
          `ring ${style.outlineColor} has ${ratio.toFixed(2)}:1 against rgb(${background.slice(0, 3).join(', ')})`,
        );
      }
    }
  }

  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {
    problems.push('not entirely on screen');
  } else {
    // Whatever is on top at the centre and near each corner must be the element itself.
    const inset = Math.min(4, box.width / 4, box.height / 4);
    const points: [number, number][] = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ];
    for (const [x, y] of points) {
      const top = document.elementFromPoint(x, y);
      if (top && top !== element && !element.contains(top)) {
        problems.push(`covered by <${top.tagName.toLowerCase()} class="${top.className}">`);
        break;
      }
    }
  }
  return { what, problems, inList: element.closest('main li') !== null };
}

/** Tabs from the top of the page through the header and into the first list of <main>. */
async function walkHeaderAndList(page: Page): Promise<Record<string, string[]>> {
  const failures: Record<string, string[]> = {};
  let listLinks = 0;
  for (let presses = 1; presses <= MAX_TABS && listLinks < LIST_LINKS; presses += 1) {
    await page.keyboard.press('Tab');
    const report = await page.evaluate(inspectFocus);
    if (report.problems.length > 0) failures[`Tab ${presses}: ${report.what}`] = report.problems;
    if (report.inList) listLinks += 1;
  }
  expect(listLinks, 'Tab reached the first list in <main>').toBe(LIST_LINKS);
  return failures;
}

const HOME = ROUTES[0];
if (HOME?.path !== '/') throw new Error('ROUTES must start with the home page');

test.describe('a visible focus ring with 3:1 contrast, never covered', () => {
  for (const theme of THEMES) {
    test(`in ${theme.name}: through the header and the first news list`, async ({
      page,
      context,
      request,
    }) => {
      await page.emulateMedia({ colorScheme: theme.colorScheme });
      const settings = await SettingsTab.open(context);
      await settings.save({ theme: theme.theme });
      await openRoute(page, HOME, request);
      expect(await walkHeaderAndList(page)).toEqual({});
    });
  }

  test('in forced colours (Windows 高对比度): through the header and the first news list', async ({
    page,
    request,
  }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openRoute(page, HOME, request);
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    expect(await walkHeaderAndList(page)).toEqual({});
  });
});

test.describe('axe in forced colours (Windows 高对比度)', () => {
  for (const path of ['/', SEED_ARTICLE_PATH]) {
    test(`finds nothing on ${path}`, async ({ page, request }) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await openRoute(page, { name: path, path }, request);
      expect(await axeViolationsFast(page)).toEqual([]);
    });
  }
});
