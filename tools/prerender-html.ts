import path from 'node:path';
import type { PrerenderedData } from '../src/app/data/index';
import {
  PRERENDERED_CLASS,
  PRERENDERED_ISLAND_ID,
  PRERENDER_ORIGIN,
} from '../src/shared/prerender';

/**
 * Writing a prerendered page (tools/prerender-pages.ts): the shell with the
 * rendered markup, its data island and its title, and the file it goes to.
 */

/** The mount point exactly as index.html writes it. */
export const APP_ROOT = '<div id="app"></div>';
const TITLE = /<title>[^<]*<\/title>/;
const HTML_OPEN = /<html\b([^>]*)>/;
const NOSCRIPT = /<noscript>[^<]*<\/noscript>/;
/** A prerendered page reads without scripts: what they add, instead of the shell's "required". */
const PAGE_NOSCRIPT = '<noscript>启用 JavaScript 后可以离线阅读、搜索和收藏。</noscript>';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The island's JSON: `<` escaped, so no string in it can close the script
 * element (`</script>`) or open a comment.
 */
export function islandJson(data: PrerenderedData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * The file a route's page is written to, the way static servers map `/a/b` to
 * `a/b/index.html`: each segment decoded as sirv decodes it (decodeURI, so an
 * encoded `/` in an id stays `%2F`). Undefined for a route no file name can
 * hold safely (`.`, `..`, a backslash): that page is served by the shell.
 */
export function fileOf(outDir: string, route: string): string | undefined {
  const segments = route
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURI(segment));
  if (segments.some((s) => s === '.' || s === '..' || s.includes('/') || s.includes('\\'))) {
    return undefined;
  }
  return path.join(outDir, ...segments, 'index.html');
}

/** What a prerendered page adds to the shell. */
export interface PageParts {
  /** The rendered markup of `#app`. */
  readonly html: string;
  /** The data it was rendered from, for the island. */
  readonly data: PrerenderedData;
  readonly title: string;
  /** public/root-attributes.js, inlined at the end of `<head>` (it runs before the first paint). */
  readonly headScript: string;
  /**
   * The route's own stylesheets beyond the shell's (from Vite's manifest; none while the build
   * makes one stylesheet): linked in `<head>`, so the first paint has every rule the markup
   * needs and nothing moves when the route's code arrives. Its scripts are not preloaded: a
   * resting first visit (src/app/first-visit) does not run them unless the reader uses a control.
   */
  readonly stylesheets: readonly string[];
}

/** The shell with a route's markup, island, title, settings script and assets written in. */
export function pageHtml(shell: string, parts: PageParts): string {
  const { html, data, title, headScript, stylesheets } = parts;
  // The text is hashed as it is for the CSP: it must end where the element does.
  if (headScript.toLowerCase().includes('</script')) {
    throw new Error('prerender: the head script cannot be inlined (it contains "</script")');
  }
  // Same-origin URLs were rendered under the placeholder origin: root-relative in the HTML.
  const markup = html.split(PRERENDER_ORIGIN).join('');
  const island = `<script type="application/json" id="${PRERENDERED_ISLAND_ID}">${islandJson(data)}</script>`;
  const links = stylesheets
    .map((href) => `<link rel="stylesheet" crossorigin href="${escapeText(href)}">`)
    .join('');
  return shell
    .replace(HTML_OPEN, (_, rest: string) => `<html${rest} class="${PRERENDERED_CLASS}">`)
    .replace(TITLE, () => `<title>${escapeText(title)}</title>`)
    .replace('</head>', () => `${links}<script>${headScript}</script></head>`)
    .replace(NOSCRIPT, () => PAGE_NOSCRIPT)
    .replace(APP_ROOT, () => `<div id="app">${markup}</div>${island}`);
}

/** One chunk of Vite's build manifest (.vite/manifest.json), as far as the prerender reads it. */
export interface ManifestChunk {
  readonly file: string;
  readonly css?: readonly string[];
  readonly imports?: readonly string[];
}

/**
 * The stylesheets the module `key` (a source path, e.g.
 * `src/app/routes/channel/index.tsx`) loads with it: the CSS of its chunk and of
 * every chunk it imports statically, as root-relative URLs, minus those `shell`
 * links already. Empty for a module that is not a chunk of its own (home).
 */
export function routeAssets(
  manifest: Readonly<Record<string, ManifestChunk>>,
  key: string,
  shell: string,
): { stylesheets: string[] } {
  const stylesheets = new Set<string>();
  const visited = new Set<string>();
  const visit = (name: string): void => {
    const chunk = manifest[name];
    if (!chunk || visited.has(chunk.file)) return;
    visited.add(chunk.file);
    for (const css of chunk.css ?? []) stylesheets.add(`/${css}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  const linked = (href: string) => shell.includes(`"${href}"`);
  return { stylesheets: [...stylesheets].filter((href) => !linked(href)) };
}
