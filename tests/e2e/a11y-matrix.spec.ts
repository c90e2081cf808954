import type { ReadingPrefs } from '../../src/app/lib/reading-prefs';
import {
  SettingsTab,
  THEMES,
  VIEWPORTS,
  axeViolationsFast,
  expectPrefsApplied,
  horizontalOverflow,
  openRoute,
} from './a11y-helpers';
import type { ThemeCase, Viewport } from './a11y-helpers';
import { expect, test } from './fixtures';
import { ROUTES } from './routes';

/**
 * axe-core (WCAG 2.0–2.2 A/AA + best practices, `AXE_TAGS`) finds nothing on any route across
 * theme (默认 / 深色 / 高对比度 / 跟随系统 on a dark device) × text size (100% / 200%) × viewport
 * width (320 / 390 / 1280) × 长辈版 (off / on), and no combination scrolls sideways. No axe rule
 * is disabled.
 *
 * One page per route: the settings change in place, saved from a second tab of the same origin,
 * which the app applies from the `storage` event exactly as for a reader with two tabs open; the
 * viewport changes with setViewportSize. So a combination costs an axe run, not a page load.
 *
 * Why a covering design and not all 48 combinations on every route: the full product is 816 axe
 * runs; measured with 2 workers on this 2-core machine it took 5.9 minutes (and over 7 under the
 * load of a shared machine), far beyond the 2-minute budget. Each route instead gets 12
 * combinations in which every theme meets every viewport, and every value of each factor meets
 * every value of every other factor (a pairwise covering array; {@link coveringCombinations}
 * checks that property when the file loads). Successive routes use the four relabelings of the
 * array, so every one of the 48 full combinations still runs on at least four routes.
 */

/** One combination of the settings and the screen. */
interface Combination {
  readonly theme: ThemeCase;
  readonly textSize: ReadingPrefs['textSize'];
  readonly elder: boolean;
  readonly viewport: Viewport;
}

const TEXT_SIZES = [100, 200] as const;
const ELDER = [false, true] as const;

/**
 * The 12 combinations for the route at `routeIndex`: each (theme, viewport) pair once, with
 * text size and 长辈版 alternating so that every pair of factor values occurs. The route index
 * flips text size and 长辈版 in turn (a relabeling, so still pairwise), which makes four
 * consecutive routes together run all 48 combinations.
 */
function coveringCombinations(routeIndex: number): Combination[] {
  const textFlip = routeIndex % 2;
  const elderFlip = Math.floor(routeIndex / 2) % 2;
  const rows = VIEWPORTS.flatMap((viewport, v) =>
    THEMES.map((theme, t) => ({
      theme,
      viewport,
      textSize: TEXT_SIZES[(t + v + textFlip) % 2] ?? 100,
      elder: ELDER[(Math.floor(t / 2) + v + elderFlip) % 2] ?? false,
    })),
  );
  assertPairwise(rows);
  return rows;
}

/** Throws unless every pair of values of every two factors occurs in `rows`. */
function assertPairwise(rows: readonly Combination[]): void {
  const factors: [string, readonly unknown[], (row: Combination) => unknown][] = [
    ['theme', THEMES, (row) => row.theme],
    ['viewport', VIEWPORTS, (row) => row.viewport],
    ['text size', TEXT_SIZES, (row) => row.textSize],
    ['长辈版', ELDER, (row) => row.elder],
  ];
  for (const [i, [nameA, valuesA, getA]] of factors.entries()) {
    for (const [nameB, valuesB, getB] of factors.slice(i + 1)) {
      for (const a of valuesA) {
        for (const b of valuesB) {
          if (!rows.some((row) => getA(row) === a && getB(row) === b)) {
            throw new Error(`the design misses ${nameA} ${String(a)} with ${nameB} ${String(b)}`);
          }
        }
      }
    }
  }
}

function label({ theme, textSize, elder, viewport }: Combination): string {
  return `${viewport.width}px, ${textSize}%, ${theme.name}, 长辈版${elder ? '开' : '关'}`;
}

for (const [routeIndex, route] of ROUTES.entries()) {
  const combinations = coveringCombinations(routeIndex);
  test(`${route.name}: no axe violations and no sideways scrolling in ${combinations.length} combinations`, async ({
    page,
    context,
    request,
  }) => {
    // 12 axe runs on a shared 2-core machine; a run on a long page takes over a second there.
    test.setTimeout(90_000);
    const settings = await SettingsTab.open(context);
    await openRoute(page, route, request);

    const failures: Record<string, string[]> = {};
    for (const combination of combinations) {
      const { theme, textSize, elder, viewport } = combination;
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme.colorScheme });
      const prefs = { theme: theme.theme, textSize, elder };
      await settings.save(prefs);
      await expectPrefsApplied(page, prefs);

      const problems = await axeViolationsFast(page);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`scrolls sideways by ${overflow}px`);
      if (problems.length > 0) failures[label(combination)] = problems;
    }
    expect(failures).toEqual({});
  });
}
