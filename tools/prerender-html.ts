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

/**
 * The shell with `html` in its mount point, the island after it, `title`, and
 * `headScript` (public/root-attributes.js) inline at the end of `<head>`, where
 * it runs before the first paint.
 */
export function pageHtml(
  shell: string,
  html: string,
  data: PrerenderedData,
  title: string,
  headScript: string,
): string {
  // The text is hashed as it is for the CSP: it must end where the element does.
  if (headScript.toLowerCase().includes('</script')) {
    throw new Error('prerender: the head script cannot be inlined (it contains "</script")');
  }
  // Same-origin URLs were rendered under the placeholder origin: root-relative in the HTML.
  const markup = html.split(PRERENDER_ORIGIN).join('');
  const island = `<script type="application/json" id="${PRERENDERED_ISLAND_ID}">${islandJson(data)}</script>`;
  return shell
    .replace(HTML_OPEN, (_, rest: string) => `<html${rest} class="${PRERENDERED_CLASS}">`)
    .replace(TITLE, () => `<title>${escapeText(title)}</title>`)
    .replace('</head>', () => `<script>${headScript}</script></head>`)
    .replace(NOSCRIPT, () => PAGE_NOSCRIPT)
    .replace(APP_ROOT, () => `<div id="app">${markup}</div>${island}`);
}
