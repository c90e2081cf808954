import type { ManifestOptions } from 'vite-plugin-pwa';

/**
 * The web app manifest and the raster files it names, described once. vite.config.ts hands
 * {@link webManifest} to vite-plugin-pwa (which writes manifest.webmanifest, links it from
 * index.html and precaches it with its icons); tools/app-assets.ts reads the same lists to
 * know which PNGs to draw and which pages to photograph; the manifest test checks the build
 * against both.
 */

/** Brand red (tokens.css `--color-brand`): the header bar, hence the toolbar colour. */
export const BRAND_RED = '#a4161a';

/** The light theme's page background (tokens.css `--color-bg`): the splash screen. */
export const PAGE_BACKGROUND = '#ffffff';

/**
 * How an icon is drawn from the one design in tools/icons/app-icon.svg:
 * - `any`: the design as it is, a rounded red square with the white mark;
 * - `maskable`: red to every edge, the mark shrunk into the central safe circle (80% of the
 *   width), because launchers crop maskable icons to circles, squircles and teardrops;
 * - `monochrome`: only the mark, in one colour on transparent (the system tints it);
 * - `apple`: red to every edge (iOS rounds the corners itself and fills transparency black).
 */
export type IconVariant = 'any' | 'maskable' | 'monochrome' | 'apple';

/** One square PNG icon under public/. */
export interface IconAsset {
  /** Path under public/ (and under the build output). */
  readonly file: string;
  /** Width and height in pixels. */
  readonly size: number;
  readonly variant: IconVariant;
}

/** The manifest's icons: 192 and 512 of each purpose Chromium and Android look for. */
export const MANIFEST_ICONS: readonly IconAsset[] = [
  { file: 'icons/icon-192.png', size: 192, variant: 'any' },
  { file: 'icons/icon-512.png', size: 512, variant: 'any' },
  { file: 'icons/maskable-192.png', size: 192, variant: 'maskable' },
  { file: 'icons/maskable-512.png', size: 512, variant: 'maskable' },
  { file: 'icons/monochrome-192.png', size: 192, variant: 'monochrome' },
  { file: 'icons/monochrome-512.png', size: 512, variant: 'monochrome' },
];

/** `<link rel="apple-touch-icon">` in index.html: iOS ignores manifest icons. */
export const APPLE_TOUCH_ICON: IconAsset = {
  file: 'icons/apple-touch-icon.png',
  size: 180,
  variant: 'apple',
};

/** The glyphs drawn on shortcut icons; each is tools/icons/shortcut-<glyph>.svg. */
export type ShortcutGlyph = 'hot' | 'city' | 'search' | 'saved';

/** One entry of the launcher's long-press menu. */
export interface ShortcutSpec {
  readonly name: string;
  readonly shortName: string;
  readonly description: string;
  /** An app route (the manifest test checks it resolves to a real page). */
  readonly url: string;
  readonly glyph: ShortcutGlyph;
}

/** Shortcut icons are 96×96, the size Chromium asks for. */
export const SHORTCUT_ICON_SIZE = 96;

/** 热点新闻, 济南, 搜索, 收藏: what a reader opens most, one press from the home screen. */
export const SHORTCUTS: readonly ShortcutSpec[] = [
  {
    name: '热点新闻',
    shortName: '热点',
    description: '打开热点新闻频道',
    url: '/channel/hot',
    glyph: 'hot',
  },
  {
    name: '济南',
    shortName: '济南',
    description: '打开济南城市频道',
    url: '/channel/jinan',
    glyph: 'city',
  },
  {
    name: '搜索',
    shortName: '搜索',
    description: '搜索已下载的新闻',
    url: '/search',
    glyph: 'search',
  },
  {
    name: '收藏',
    shortName: '收藏',
    description: '收藏与离线阅读的文章',
    url: '/saved',
    glyph: 'saved',
  },
];

/** The PNG of a shortcut's icon, under public/. */
export function shortcutIconFile(glyph: ShortcutGlyph): string {
  return `icons/shortcut-${glyph}.png`;
}

/** A screenshot of the real app for the browser's install dialog. */
export interface ScreenshotSpec {
  /** Path under public/. */
  readonly file: string;
  /** The route photographed. */
  readonly route: string;
  /** Viewport in CSS pixels. */
  readonly viewport: { readonly width: number; readonly height: number };
  /** Device pixel ratio: the PNG is viewport × scale pixels. */
  readonly scale: number;
  readonly formFactor: 'narrow' | 'wide';
  /** What the picture shows, for people who cannot see it. */
  readonly label: string;
}

/** A phone (iPhone-sized, at 2×) showing home, and a laptop showing the seed article. */
export const SCREENSHOTS: readonly ScreenshotSpec[] = [
  {
    file: 'screenshots/home-narrow.png',
    route: '/',
    viewport: { width: 390, height: 844 },
    scale: 2,
    formFactor: 'narrow',
    label: '手机上的首页：热点新闻、滚动新闻和图片新闻',
  },
  {
    file: 'screenshots/article-wide.png',
    route: '/article/seed-271a4622fc35748e',
    viewport: { width: 1280, height: 800 },
    scale: 1,
    formFactor: 'wide',
    label: '电脑上的文章页：标题、发布时间、来源和正文',
  },
];

/** Pixel size of a screenshot as the manifest declares it. */
export function screenshotSize(shot: ScreenshotSpec): { width: number; height: number } {
  return { width: shot.viewport.width * shot.scale, height: shot.viewport.height * shot.scale };
}

function sizes(width: number, height = width): string {
  return `${width}x${height}`;
}

/**
 * The manifest (every field set explicitly: vite-plugin-pwa's defaults are an English,
 * green-themed app). Root-relative URLs: the app is always served at the site root.
 */
export function webManifest(): Partial<ManifestOptions> {
  return {
    id: '/',
    name: '齐鲁轻读',
    short_name: '齐鲁轻读',
    description: '离线可读、无障碍的山东新闻阅读器：热点新闻、滚动新闻、图片新闻和十六个城市频道。',
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // Where standalone is unsupported, a minimal browser frame still beats a full one.
    display_override: ['standalone', 'minimal-ui'],
    theme_color: BRAND_RED,
    background_color: PAGE_BACKGROUND,
    categories: ['news'],
    icons: MANIFEST_ICONS.map((icon) => ({
      src: `/${icon.file}`,
      sizes: sizes(icon.size),
      type: 'image/png',
      // The plain design is the `any` icon; the launcher's crop and tint get their own files.
      purpose: icon.variant === 'any' ? 'any' : icon.variant,
    })),
    shortcuts: SHORTCUTS.map((shortcut) => ({
      name: shortcut.name,
      short_name: shortcut.shortName,
      description: shortcut.description,
      url: shortcut.url,
      icons: [
        {
          src: `/${shortcutIconFile(shortcut.glyph)}`,
          sizes: sizes(SHORTCUT_ICON_SIZE),
          type: 'image/png',
        },
      ],
    })),
    screenshots: SCREENSHOTS.map((shot) => {
      const { width, height } = screenshotSize(shot);
      return {
        src: `/${shot.file}`,
        sizes: sizes(width, height),
        type: 'image/png',
        form_factor: shot.formFactor,
        label: shot.label,
      };
    }),
  };
}
