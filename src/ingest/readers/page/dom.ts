/**
 * Generic DOM helpers of the article-page reader: short texts collected in one walk,
 * flattening of pathological nesting, letters and link density, URL resolution and the
 * page's meta tags.
 */
import { parseHTML } from 'linkedom';
import { cleanText } from '../news-meta';

/** Above this share of letters inside links, Readability picked a list of links (an index page). */
export const MAX_LINK_DENSITY = 0.5;

/** Where text of a `<script>` or `<style>` is not page text. */
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * The text of every element whose text is at most `cap` characters, built bottom-up in one
 * walk so that the cost stays linear in the page size (calling textContent on every
 * element would be quadratic in the nesting depth).
 */
export function shortTexts(root: Element, cap: number): Map<Element, string> {
  const texts = new Map<Element, string>();
  const stack: [Element, boolean][] = [[root, false]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [el, visited] = entry;
    if (NO_TEXT.has(el.localName)) {
      texts.set(el, '');
      continue;
    }
    if (!visited) {
      stack.push([el, true]);
      const children = el.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push([child, false]);
      }
      continue;
    }
    let text = '';
    let short = true;
    for (const node of el.childNodes) {
      const part =
        node.nodeType === 3
          ? (node.nodeValue ?? '')
          : node.nodeType === 1
            ? texts.get(node as Element)
            : '';
      if (part === undefined || text.length + part.length > cap) {
        short = false;
        break;
      }
      text += part;
    }
    if (short) texts.set(el, text);
  }
  return texts;
}

/** Real pages nest a few dozen levels; Readability slows quadratically with depth. */
const MAX_DEPTH = 48;
/** Elements that carry meaning of their own and stay even when nested too deep. */
const KEEP_DEEP = new Set([
  'p',
  'a',
  'img',
  'br',
  'picture',
  'source',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/**
 * Unwraps elements nested deeper than {@link MAX_DEPTH} (their children take their place),
 * so that a pathologically nested page cannot make Readability take minutes. One walk;
 * the text and the meaningful elements stay.
 */
export function flattenDeepNesting(root: Element): void {
  const stack: [Element, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [el, depth] = entry;
    const unwrap = depth > MAX_DEPTH && !KEEP_DEEP.has(el.localName);
    const children = Array.from(el.children);
    if (unwrap) el.replaceWith(...Array.from(el.childNodes));
    for (const child of children) stack.push([child, unwrap ? depth : depth + 1]);
  }
}

/** Counts letters (any script), so that dates and separators in a list do not count as text. */
export function letters(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/** Share of an element's letters that sit inside links. */
export function linkDensity(el: Element): number {
  const total = letters(el.textContent ?? '');
  if (!total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += letters(a.textContent ?? '');
  return linked / total;
}

/** `value` resolved against `base`, if that gives an http(s) URL. */
export function httpUrl(
  value: string | null | undefined,
  base: string | undefined,
): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page's base: `<base href>` resolved against the page URL, else the page URL. */
export function baseUrl(document: Document, pageUrl: string): string | undefined {
  const page = httpUrl(pageUrl, undefined);
  return httpUrl(document.querySelector('base[href]')?.getAttribute('href'), page) ?? page;
}

/**
 * Makes links and images absolute before Readability runs: linkedom has no document URL,
 * so Readability's own fix-up cannot resolve them.
 */
export function resolveUrls(document: Document, base: string | undefined): void {
  if (!base) return;
  for (const attr of ['href', 'src', 'data-src', 'data-original', 'poster']) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      const value = el.getAttribute(attr) ?? '';
      if (value.startsWith('#') || /^[a-z][a-z0-9+.-]{0,20}:/i.test(value)) continue;
      const url = httpUrl(value, base);
      if (url) el.setAttribute(attr, url);
    }
  }
  for (const el of document.querySelectorAll('[srcset]')) {
    const resolved = (el.getAttribute('srcset') ?? '').split(',').map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [httpUrl(url, base) ?? url, ...descriptor].join(' ');
    });
    el.setAttribute('srcset', resolved.join(', '));
  }
}

/** `<meta>` values by lower-cased property / name / itemprop; the first of each wins. */
export function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta[content]')) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop')
    )
      ?.trim()
      .toLowerCase();
    const value = meta.getAttribute('content')?.trim();
    if (key && value && !tags.has(key)) tags.set(key, value);
  }
  return tags;
}

/** The value of the first of `keys` that the page has, in their order. */
export function firstTag(tags: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return undefined;
}

/** Lines of a short element, split at `<br>` (a 副题 block may hold two lines). */
export function lineTexts(el: Element): string[] {
  const lines: string[] = [''];
  const stack: Node[] = [el];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === 3) lines[lines.length - 1] += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.localName === 'br') lines.push('');
      else if (!NO_TEXT.has(child.localName)) {
        // linkedom builds childNodes afresh on each access: read it once.
        const kids = child.childNodes;
        for (let i = kids.length - 1; i >= 0; i--) {
          const next = kids[i];
          if (next) stack.push(next);
        }
      }
    }
  }
  return lines.map(cleanText).filter(Boolean);
}

/** Parses the page into a document, giving a bare fragment an html / body of its own. */
export function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.localName === 'html') return document;
  // linkedom makes a fragment's first element the document element: give it a page.
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}
