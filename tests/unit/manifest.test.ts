import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app.js';
import type { ProductionBuild } from './production-build';
import { ROOT, sharedBuild, injectedPrecache } from './production-build';

/**
 * The web app manifest of a real production build (the project's vite.config.ts, into a
 * temporary folder): every field a browser or store looks at, the icons it names really are
 * the sizes it claims, the maskable mark stays in the safe zone, the screenshots are what they
 * say, everything the installed app needs is precached, and every URL in it opens a real page.
 */

interface ImageResource {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
  form_factor?: string;
  label?: string;
}

interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: string;
  start_url: string;
  scope: string;
  display: string;
  display_override: string[];
  theme_color: string;
  background_color: string;
  categories: string[];
  icons: ImageResource[];
  shortcuts: { name: string; short_name?: string; url: string; icons?: ImageResource[] }[];
  screenshots: ImageResource[];
}

/** Any Han character: the text is Chinese. */
const CHINESE = /\p{Script=Han}/u;

/** Where the build is served in these tests (only its path parts matter). */
const ORIGIN = 'https://reader.example';

let built: ProductionBuild | undefined;
let outDir = '';
let manifest: WebManifest;
let html = '';
let precached: string[] = [];

beforeAll(async () => {
  built = await sharedBuild();
  outDir = built.outDir;
  manifest = JSON.parse(
    await readFile(path.join(outDir, 'manifest.webmanifest'), 'utf8'),
  ) as WebManifest;
  html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  precached = injectedPrecache(await readFile(path.join(outDir, 'sw.js'), 'utf8')).map(
    (entry) => entry.url,
  );
}, 180_000);

afterAll(async () => {
  await built?.dispose();
});

/** The built file a root-relative URL of the manifest names. */
function builtFile(src: string): string {
  const { pathname } = new URL(src, `${ORIGIN}/manifest.webmanifest`);
  return path.join(outDir, decodeURIComponent(pathname));
}

/** Width and height from a PNG's IHDR chunk (after checking it is a PNG at all). */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** `"192x192"` → `{ width: 192, height: 192 }` (one size per resource here). */
function declared(sizes: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(sizes);
  if (!match) throw new Error(`unexpected sizes "${sizes}"`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** A CSS custom property's value from one of the app's stylesheets. */
async function cssToken(file: string, name: string): Promise<string> {
  const css = await readFile(path.join(ROOT, 'src/app/styles', file), 'utf8');
  const match = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{3,6})\\b`).exec(css);
  if (!match?.[1]) throw new Error(`${name} not found in ${file}`);
  return match[1];
}

/** #abc → #aabbcc, lower case. */
function longHex(colour: string): string {
  const hex = colour.toLowerCase();
  return hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
}

/** RGBA of every pixel of a decoded 8-bit PNG (palette and RGB expanded). */
async function pixels(file: string): Promise<{ width: number; height: number; rgba: number[][] }> {
  const image = decode(await readFile(file));
  expect(image.depth).toBe(8);
  const rgba: number[][] = [];
  for (let i = 0; i < image.width * image.height; i += 1) {
    if (image.palette) {
      const [r = 0, g = 0, b = 0, a = 255] = image.palette[image.data[i] ?? 0] ?? [];
      rgba.push([r, g, b, a]);
    } else {
      const c = image.channels;
      const at = i * c;
      const px = [...image.data.subarray(at, at + c)];
      rgba.push(
        c === 4 ? px : c === 3 ? [...px, 255] : [px[0] ?? 0, px[0] ?? 0, px[0] ?? 0, px[1] ?? 255],
      );
    }
  }
  return { width: image.width, height: image.height, rgba };
}

describe('the web app manifest', () => {
  it('names the app in Chinese, for zh-CN, left to right', () => {
    expect(manifest.name).toBe('齐鲁轻读');
    expect(manifest.short_name).toMatch(CHINESE);
    // Launchers cut labels after a dozen or so characters.
    expect(manifest.short_name.length).toBeLessThanOrEqual(6);
    expect(manifest.description).toMatch(CHINESE);
    expect(manifest.lang).toBe('zh-CN');
    expect(manifest.dir).toBe('ltr');
    expect(manifest.categories).toEqual(['news']);
  });

  it('opens standalone at the root, with a stable id and the whole site in scope', () => {
    expect(manifest.id).toBe('/');
    expect(manifest.start_url).toBe('/');
    expect(manifest.scope).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.display_override[0]).toBe('standalone');
    expect(manifest.display_override).toContain('minimal-ui');
  });

  it('takes its colours from the theme: the brand bar and the page background', async () => {
    expect(longHex(manifest.theme_color)).toBe(
      longHex(await cssToken('tokens.css', '--color-brand')),
    );
    expect(longHex(manifest.background_color)).toBe(
      longHex(await cssToken('tokens.css', '--color-bg')),
    );
    // And the page's own toolbar colour agrees before any script runs.
    expect(html).toMatch(
      new RegExp(`<meta name="theme-color" content="${manifest.theme_color}"`, 'i'),
    );
  });

  it('is linked from index.html and served as application/manifest+json', async () => {
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    const server = createServer({ root: outDir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/manifest.webmanifest`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    } finally {
      server.close();
    }
  });
});

describe('the icons', () => {
  const purposes = () => manifest.icons.map((icon) => `${icon.purpose ?? 'any'} ${icon.sizes}`);

  it('come in 192 and 512 for any and maskable, plus monochrome', () => {
    expect(purposes()).toEqual(
      expect.arrayContaining([
        'any 192x192',
        'any 512x512',
        'maskable 192x192',
        'maskable 512x512',
      ]),
    );
    expect(manifest.icons.some((icon) => icon.purpose === 'monochrome')).toBe(true);
    // Separate files: one purpose each (an `any maskable` icon is padded wrong for one of them).
    for (const icon of manifest.icons) expect(icon.purpose?.split(' ')).toHaveLength(1);
  });

  it('exist and are the size they claim, as PNGs', async () => {
    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png');
      expect(await pngSize(builtFile(icon.src)), icon.src).toEqual(declared(icon.sizes));
    }
  });

  it('keep the maskable mark inside the central 80% circle, on a full-bleed background', async () => {
    const maskable = manifest.icons.filter((icon) => icon.purpose === 'maskable');
    expect(maskable.length).toBeGreaterThan(0);
    for (const icon of maskable) {
      const { width, height, rgba } = await pixels(builtFile(icon.src));
      const background = rgba[0] ?? [];
      // Full bleed: every corner is the opaque theme colour (the launcher's crop shows no gap).
      for (const corner of [0, width - 1, (height - 1) * width, height * width - 1]) {
        expect(rgba[corner]).toEqual(background);
      }
      expect(background[3]).toBe(255);
      expect(
        `#${background
          .slice(0, 3)
          .map((c) => c.toString(16).padStart(2, '0'))
          .join('')}`,
      ).toBe(longHex(manifest.theme_color));

      const radius = (0.8 * width) / 2;
      let markPixels = 0;
      const outside: string[] = [];
      rgba.forEach((px, i) => {
        if (px.every((value, channel) => value === background[channel])) return;
        markPixels += 1;
        const x = (i % width) + 0.5;
        const y = Math.floor(i / width) + 0.5;
        // The pixel's far corner, not its centre, must be inside the circle.
        if (Math.hypot(x - width / 2, y - height / 2) + Math.SQRT1_2 > radius) {
          outside.push(`${x - 0.5},${y - 0.5}`);
        }
      });
      expect(markPixels, `${icon.src} draws a mark`).toBeGreaterThan(width * height * 0.05);
      expect(outside.slice(0, 10), `${icon.src}: mark pixels outside the safe zone`).toEqual([]);
    }
  });

  it('draw the monochrome icon in a single colour on transparency', async () => {
    for (const icon of manifest.icons.filter((entry) => entry.purpose === 'monochrome')) {
      const { rgba } = await pixels(builtFile(icon.src));
      const drawn = rgba.filter((px) => (px[3] ?? 0) > 0);
      expect(drawn.length).toBeGreaterThan(rgba.length * 0.05);
      expect(drawn.length).toBeLessThan(rgba.length * 0.9);
      expect(new Set(drawn.map((px) => px.slice(0, 3).join(','))).size).toBe(1);
    }
  });

  it('include an Apple touch icon, 180 px, linked with the iOS meta tags', async () => {
    const link = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    expect(await pngSize(builtFile(link ?? ''))).toEqual({ width: 180, height: 180 });
    expect(html).toContain('<meta name="apple-mobile-web-app-capable" content="yes"');
    expect(html).toMatch(/<meta name="apple-mobile-web-app-status-bar-style" content="\w[\w-]*"/);
    expect(html).toContain(`<meta name="apple-mobile-web-app-title" content="${manifest.name}"`);
  });
});

describe('the screenshots', () => {
  it('show a narrow and a wide layout, each labelled in Chinese', () => {
    const factors = manifest.screenshots.map((shot) => shot.form_factor);
    expect(factors).toEqual(expect.arrayContaining(['narrow', 'wide']));
    for (const shot of manifest.screenshots) expect(shot.label).toMatch(CHINESE);
  });

  it('are the size they claim, portrait for narrow, landscape for wide, within Chromium’s limits', async () => {
    for (const shot of manifest.screenshots) {
      const size = await pngSize(builtFile(shot.src));
      expect(size, shot.src).toEqual(declared(shot.sizes));
      expect(shot.type).toBe('image/png');
      const long = Math.max(size.width, size.height);
      const short = Math.min(size.width, size.height);
      expect(short).toBeGreaterThanOrEqual(320);
      expect(long).toBeLessThanOrEqual(3840);
      expect(long / short).toBeLessThanOrEqual(2.3);
      expect(size.width > size.height).toBe(shot.form_factor === 'wide');
    }
  });
});

describe('the shortcuts', () => {
  it('are 热点新闻, 济南, 搜索 and 收藏, each with an icon of the size it claims', async () => {
    expect(manifest.shortcuts.map((shortcut) => shortcut.name)).toEqual([
      '热点新闻',
      '济南',
      '搜索',
      '收藏',
    ]);
    for (const shortcut of manifest.shortcuts) {
      expect(shortcut.icons?.length ?? 0).toBeGreaterThan(0);
      for (const icon of shortcut.icons ?? []) {
        expect(await pngSize(builtFile(icon.src)), icon.src).toEqual(declared(icon.sizes));
      }
    }
  });
});

describe('what the installed app keeps offline', () => {
  it('precaches the manifest and every icon it names, and the Apple touch icon', () => {
    const icons = [
      ...manifest.icons,
      ...manifest.shortcuts.flatMap((shortcut) => shortcut.icons ?? []),
    ].map((icon) => icon.src.replace(/^\//, ''));
    expect(precached).toContain('manifest.webmanifest');
    expect(precached).toEqual(expect.arrayContaining(icons));
    expect(precached).toContain('icons/apple-touch-icon.png');
    // The screenshots are for the install dialog only: never downloaded by the worker.
    for (const shot of manifest.screenshots) {
      expect(precached).not.toContain(shot.src.replace(/^\//, ''));
    }
  });
});

describe('every URL in the manifest', () => {
  let server: Server | undefined;
  let origin = '';
  let routes: RegExp[] = [];
  let channelIds: string[] = [];

  beforeAll(async () => {
    server = createServer({ root: outDir });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    // The app's routes, as the router declares them (the default route is the 404 page).
    const app = await readFile(path.join(ROOT, 'src/app/app.tsx'), 'utf8');
    routes = [...app.matchAll(/<Route path="([^"]+)"/g)].map(
      ([, pattern = '']) => new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`),
    );
    const directory = JSON.parse(
      await readFile(path.join(outDir, 'api/channels.json'), 'utf8'),
    ) as { channels: { id: string }[] };
    channelIds = directory.channels.map((channel) => channel.id);
  });

  afterAll(() => {
    server?.close();
  });

  /** The URLs to check: start_url, scope and every shortcut. */
  const urls = () => [
    manifest.start_url,
    manifest.scope,
    ...manifest.shortcuts.map((shortcut) => shortcut.url),
  ];

  it('is in scope and on the app’s own origin', () => {
    const scope = new URL(manifest.scope, `${ORIGIN}/manifest.webmanifest`).href;
    for (const url of urls()) {
      const resolved = new URL(url, `${ORIGIN}/manifest.webmanifest`);
      expect(resolved.origin).toBe(ORIGIN);
      expect(resolved.href.startsWith(scope), url).toBe(true);
    }
  });

  it('is a route of the app (not its 404 page), with a channel the directory lists', () => {
    expect(routes.length).toBeGreaterThan(5);
    for (const url of urls()) {
      const { pathname } = new URL(url, ORIGIN);
      expect(
        routes.some((route) => route.test(pathname)),
        url,
      ).toBe(true);
      const channel = /^\/channel\/([^/]+)$/.exec(pathname)?.[1];
      if (channel) expect(channelIds).toContain(decodeURIComponent(channel));
    }
  });

  it('is answered by the server with the app shell', async () => {
    for (const url of urls()) {
      const response = await fetch(new URL(url, origin));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<div id="app">');
    }
  });

  it('names files that exist in the build', () => {
    const files = [
      ...manifest.icons,
      ...manifest.screenshots,
      ...manifest.shortcuts.flatMap((shortcut) => shortcut.icons ?? []),
    ].map((resource) => builtFile(resource.src));
    for (const file of files) expect(existsSync(file), file).toBe(true);
  });
});
