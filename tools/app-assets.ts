/**
 * `npm run assets`: draws the home-screen icons and photographs the real app for the web app
 * manifest, writing public/icons/*.png and public/screenshots/*.png (committed; the build only
 * copies them). Run it again after changing tools/icons/*.svg, the manifest's lists in
 * tools/app-manifest.ts, or the look of the home or article page.
 *
 *   npm run assets                 # icons and screenshots
 *   npm run assets -- icons        # only the icons (no build needed)
 *   npm run assets -- screenshots  # only the screenshots
 *
 * Chromium does all the drawing (CHROME_PATH, or Debian's /usr/bin/chromium, launched with the
 * flags the e2e tests use); tools/png.ts re-encodes its PNGs smaller.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import playwrightConfig from '../playwright.config';
import { createServer } from '../server/app.js';
import { drawAppIcons, drawShortcutIcon } from './app-icons';
import type { ScreenshotSpec } from './app-manifest';
import {
  APPLE_TOUCH_ICON,
  MANIFEST_ICONS,
  SCREENSHOTS,
  SHORTCUTS,
  shortcutIconFile,
} from './app-manifest';
import { optimisePng } from './png';

const ROOT = path.resolve(import.meta.dirname, '..');
const PUBLIC = path.join(ROOT, 'public');
/** The app build the screenshots are taken of (git-ignored like every dist-*). */
const BUILD_DIR = path.join(ROOT, 'dist-assets');

/** Chromium as the e2e tests launch it (playwright.config.ts), headless. */
function launchChromium(): Promise<Browser> {
  const options = playwrightConfig.use?.launchOptions ?? {};
  return chromium.launch({
    ...options,
    executablePath: process.env.CHROME_PATH ?? options.executablePath ?? '/usr/bin/chromium',
    headless: true,
  });
}

/**
 * Writes an optimised copy of `png` to public/`file` and logs its size. Icons stay lossless;
 * screenshots (`reduce`) are limited to 256 colours, which halves them at no visible cost.
 */
async function writeAsset(file: string, png: Uint8Array, reduce = false): Promise<void> {
  const target = path.join(PUBLIC, file);
  const optimised = optimisePng(png, reduce);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, optimised);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `${file.padEnd(34)} ${kb(optimised.length).padStart(9)}  (Chromium: ${kb(png.length)})`,
  );
}

async function makeIcons(browser: Browser): Promise<void> {
  // Device scale 1: one CSS pixel is one icon pixel.
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    const icons = await drawAppIcons(page, [...MANIFEST_ICONS, APPLE_TOUCH_ICON]);
    for (const [file, png] of icons) await writeAsset(file, png);
    for (const { glyph } of SHORTCUTS) {
      await writeAsset(shortcutIconFile(glyph), await drawShortcutIcon(page, glyph));
    }
  } finally {
    await page.close();
  }
}

/** A production build of the app, as deployed, for the screenshots. */
async function buildApp(): Promise<void> {
  // The worker build reads NODE_ENV; these pictures are of the production app.
  process.env.NODE_ENV = 'production';
  await build({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: BUILD_DIR, emptyOutDir: true },
  });
}

/** Waits until the route shows its content with every image decoded and fonts loaded. */
async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[role="status"]')].some((el) =>
        el.textContent?.includes('正在加载'),
      ),
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Lazy images below the fold never load in a viewport screenshot; wait for the rest.
    const visible = [...document.images].filter(
      (img) => img.getBoundingClientRect().top < innerHeight,
    );
    await Promise.all(visible.map((img) => img.decode().catch(() => undefined)));
  });
}

async function photograph(browser: Browser, origin: string, shot: ScreenshotSpec): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: shot.scale,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    // No worker: its first install and the periodic refresh are not part of the picture.
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await page.goto(new URL(shot.route, origin).href);
    await settle(page);
    return await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
  } finally {
    await context.close();
  }
}

async function makeScreenshots(browser: Browser): Promise<void> {
  await buildApp();
  const server = createServer({ root: BUILD_DIR });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  try {
    for (const shot of SCREENSHOTS) {
      await writeAsset(
        shot.file,
        await photograph(browser, `http://127.0.0.1:${port}`, shot),
        true,
      );
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(BUILD_DIR, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined && only !== 'icons' && only !== 'screenshots') {
    throw new Error(`Unknown part "${only}": say icons, screenshots or nothing for both.`);
  }
  const browser = await launchChromium();
  try {
    if (only !== 'screenshots') await makeIcons(browser);
    if (only !== 'icons') await makeScreenshots(browser);
  } finally {
    await browser.close();
  }
}

await main();
