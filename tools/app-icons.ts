import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { IconAsset, IconVariant, ShortcutGlyph } from './app-manifest';
import { BRAND_RED, SHORTCUT_ICON_SIZE } from './app-manifest';
import { decodeRgba } from './png';

/**
 * Drawing the app's icons with Chromium from the SVG sources in tools/icons/: the browser
 * that shows them also rasterizes them, so no image library is needed. Every variant is the
 * one design (app-icon.svg) with its #tile and #mark changed through the SVG DOM.
 */

const SOURCES = path.join(import.meta.dirname, 'icons');

/**
 * Maskable and monochrome marks fill this share of the safe circle's radius (the circle is
 * 80% of the icon's width): a little air, so a launcher's crop never touches the drawing.
 */
const SAFE_FILL = 0.9;

/** The safe zone's diameter as a share of a maskable icon's width (W3C manifest spec). */
export const SAFE_ZONE = 0.8;

/** Colour of the monochrome icon's mark: any single colour works, the system uses its alpha. */
const MONOCHROME = '#000000';

/** The mark's reach in the source's own units: its centre and its farthest drawn point. */
interface MarkReach {
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  /** The source's viewBox width (it is square). */
  readonly viewBox: number;
}

/** How the page should draw one variant. */
interface DrawPlan {
  readonly size: number;
  readonly tile: 'rounded' | 'square' | 'none';
  readonly markColor?: string;
  readonly markTransform?: string;
}

function readSource(name: string): Promise<string> {
  return readFile(path.join(SOURCES, name), 'utf8');
}

/** Shows `svg` alone on a transparent page of exactly `size`×`size` CSS pixels. */
async function showSvg(page: Page, svg: string, size: number): Promise<void> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
  );
}

async function screenshot(page: Page): Promise<Buffer> {
  return page.screenshot({ type: 'png', omitBackground: true });
}

/** Draws the app-icon source as `plan` says and returns Chromium's PNG. */
async function drawAppIcon(page: Page, source: string, plan: DrawPlan): Promise<Buffer> {
  await showSvg(page, source, plan.size);
  await page.evaluate(({ size, tile, markColor, markTransform }) => {
    const svg = document.querySelector('svg');
    const tileElement = svg?.querySelector('#tile');
    const mark = svg?.querySelector('#mark');
    if (!svg || !tileElement || !mark) throw new Error('app-icon.svg needs #tile and #mark');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    if (tile === 'none') tileElement.remove();
    else if (tile === 'square') tileElement.removeAttribute('rx');
    if (markColor) mark.setAttribute('color', markColor);
    if (markTransform) mark.setAttribute('transform', markTransform);
  }, plan);
  return screenshot(page);
}

/**
 * Measures the mark as drawn (strokes and round caps included, which getBBox() leaves out):
 * rendered alone at 512 px, the centre of its opaque pixels' box and the farthest one's
 * distance from it, in viewBox units.
 */
async function measureMark(page: Page, source: string): Promise<MarkReach> {
  const size = 512;
  const png = await drawAppIcon(page, source, { size, tile: 'none', markColor: MONOCHROME });
  const viewBox = await page.evaluate(() => document.querySelector('svg')?.viewBox.baseVal.width);
  if (!viewBox) throw new Error('app-icon.svg needs a viewBox');
  const { width, height, data } = decodeRgba(png);
  const opaque: [number, number][] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((data[(y * width + x) * 4 + 3] ?? 0) > 0) opaque.push([x + 0.5, y + 0.5]);
    }
  }
  if (opaque.length === 0) throw new Error('the mark drew nothing');
  const xs = opaque.map(([x]) => x);
  const ys = opaque.map(([, y]) => y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  // Half a pixel more: the pixel's far corner, not its centre, is what must stay inside.
  const radius = Math.max(...opaque.map(([x, y]) => Math.hypot(x - cx, y - cy))) + Math.SQRT1_2;
  const unit = viewBox / size;
  return { cx: cx * unit, cy: cy * unit, radius: radius * unit, viewBox };
}

/** The transform that centres the mark and scales it into the safe circle. */
function safeZoneTransform(reach: MarkReach): string {
  const centre = reach.viewBox / 2;
  const scale = ((reach.viewBox * SAFE_ZONE) / 2 / reach.radius) * SAFE_FILL;
  const round = (value: number) => Number(value.toFixed(4));
  return `translate(${centre} ${centre}) scale(${round(scale)}) translate(${round(-reach.cx)} ${round(-reach.cy)})`;
}

function planFor(variant: IconVariant, size: number, reach: MarkReach): DrawPlan {
  switch (variant) {
    case 'any':
      return { size, tile: 'rounded' };
    case 'apple':
      return { size, tile: 'square' };
    case 'maskable':
      return { size, tile: 'square', markTransform: safeZoneTransform(reach) };
    case 'monochrome':
      return {
        size,
        tile: 'none',
        markColor: MONOCHROME,
        markTransform: safeZoneTransform(reach),
      };
  }
}

/** Draws every icon in `icons` from tools/icons/app-icon.svg; PNGs by file, unoptimised. */
export async function drawAppIcons(
  page: Page,
  icons: readonly IconAsset[],
): Promise<Map<string, Buffer>> {
  const source = await readSource('app-icon.svg');
  const reach = await measureMark(page, source);
  const drawn = new Map<string, Buffer>();
  for (const icon of icons) {
    drawn.set(icon.file, await drawAppIcon(page, source, planFor(icon.variant, icon.size, reach)));
  }
  return drawn;
}

/**
 * A shortcut icon: the glyph (a 24-unit stroke drawing, white) centred on the brand tile with
 * the app icon's corner radius, small enough to survive a circular crop.
 */
export async function drawShortcutIcon(page: Page, glyph: ShortcutGlyph): Promise<Buffer> {
  const size = SHORTCUT_ICON_SIZE;
  const glyphSvg = await readSource(`shortcut-${glyph}.svg`);
  const box = Math.round(size * 0.55);
  const offset = (size - box) / 2;
  const radius = (size * 7) / 32;
  const nested = glyphSvg.replace(
    '<svg ',
    `<svg x="${offset}" y="${offset}" width="${box}" height="${box}" color="#fff" `,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" rx="${radius}" fill="${BRAND_RED}"/>${nested}</svg>`;
  await showSvg(page, svg, size);
  return screenshot(page);
}
