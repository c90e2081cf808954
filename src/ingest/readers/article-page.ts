/**
 * Reads one article web page (the portal's layout, or any ordinary news page) into one
 * ingest item, with Readability (on a linkedom DOM) for the body.
 *
 * Readability keeps the body but loses the newsroom's structure, and it mutates the
 * document; so the parts it would lose or get wrong are taken first, on the untouched DOM:
 * headline (the article's h1, not `<title>`), 引题, 副题, the metadata line and the meta
 * tags. Those elements and the site frame (nav, 城市 list, 热点新闻 / 滚动 / 相关新闻
 * lists, footer) are then removed, Readability runs on what is left, and its output loses
 * a repeated headline, leading 副题 lines and the closing credit.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from '../errors';
import type { IngestItem, ReadDocument } from '../model';
import { parseFeedDate } from './dates';
import {
  cleanText,
  isCityList,
  isCreditLine,
  isFooterLine,
  isFrameLabel,
  isSubtitleLike,
  parseMetaLine,
  splitNames,
  type NewsMeta,
} from './news-meta';

/** Texts longer than this are never a headline, metadata line, label or list of the frame. */
const SHORT = 400;
/** An article has at least this many letters outside links (a 404 page has a dozen). */
const MIN_BODY_LETTERS = 40;
/** Above this share of letters inside links, Readability picked a list of links (an index page). */
const MAX_LINK_DENSITY = 0.5;

/** Where text of a `<script>` or `<style>` is not page text. */
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * The text of every element whose text is at most `cap` characters, built bottom-up in one
 * walk so that the cost stays linear in the page size (calling textContent on every
 * element would be quadratic in the nesting depth).
 */
function shortTexts(root: Element, cap: number): Map<Element, string> {
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
function flattenDeepNesting(root: Element): void {
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
function letters(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/** Share of an element's letters that sit inside links. */
function linkDensity(el: Element): number {
  const total = letters(el.textContent ?? '');
  if (!total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += letters(a.textContent ?? '');
  return linked / total;
}

function httpUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page's base: `<base href>` resolved against the page URL, else the page URL. */
function baseUrl(document: Document, pageUrl: string): string | undefined {
  const page = httpUrl(pageUrl, undefined);
  return httpUrl(document.querySelector('base[href]')?.getAttribute('href'), page) ?? page;
}

/**
 * Makes links and images absolute before Readability runs: linkedom has no document URL,
 * so Readability's own fix-up cannot resolve them.
 */
function resolveUrls(document: Document, base: string | undefined): void {
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
function metaTags(document: Document): Map<string, string> {
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

function firstTag(tags: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return undefined;
}

/** 「headline_大众网」「headline - 大众网」「headline | 济南频道 | 大众网」 → headline. */
function stripSiteSuffix(title: string): string {
  let t = cleanText(title);
  for (let round = 0; round < 3; round++) {
    let cut = -1;
    for (const sep of ['_', ' - ', ' | ', '｜', ' — ', '——', ' – ', '-']) {
      const at = t.lastIndexOf(sep);
      // A site name is short; a long tail is part of the headline.
      if (at > 0 && t.length - at - sep.length <= 16 && at > cut) cut = at;
    }
    if (cut < 0) break;
    t = t.slice(0, cut).trim();
  }
  return t;
}

const CONTAINER =
  'article, main, [class*="article"], [id*="article"], [class*="content"], [id*="content"]';

/** The article's h1: inside the article container, matching `<title>`, not the site's logo. */
function findHeadline(
  document: Document,
  texts: Map<Element, string>,
  tags: Map<string, string>,
): Element | undefined {
  const titles = [document.title, tags.get('og:title') ?? ''].map(cleanText);
  const site = cleanText(tags.get('og:site_name') ?? '');
  let best: Element | undefined;
  let bestScore = -Infinity;
  for (const h1 of document.querySelectorAll('h1')) {
    const text = cleanText(texts.get(h1) ?? '');
    if (!text || h1.closest('nav, footer, aside')) continue;
    const container = h1.closest(CONTAINER);
    if (h1.closest('header') && !container) continue;
    let score = 0;
    if (titles.some((title) => title.startsWith(text))) score += 4;
    if (container) score += 2;
    if (text === site) score -= 5;
    if (score > bestScore) {
      best = h1;
      bestScore = score;
    }
  }
  return best;
}

const fieldCount = (meta: NewsMeta): number => Object.keys(meta).length;

/**
 * The element holding the metadata line: the first one after the headline (else anywhere)
 * whose text parses as one, narrowed to the innermost element that still says as much.
 */
function findMetaLine(
  document: Document,
  texts: Map<Element, string>,
  headline: Element | undefined,
): { el: Element; meta: NewsMeta } | undefined {
  let before: { el: Element; meta: NewsMeta } | undefined;
  let after: { el: Element; meta: NewsMeta } | undefined;
  let passed = headline === undefined;
  for (const el of document.body.querySelectorAll('*')) {
    if (el === headline) passed = true;
    const text = texts.get(el);
    if (text === undefined || (headline && el.contains(headline))) continue;
    const meta = parseMetaLine(cleanText(text));
    if (!meta) continue;
    if (passed) {
      after = { el, meta };
      break;
    }
    before ??= { el, meta };
  }
  let found = after ?? before;
  // A short article's wrapper can parse too (its last value swallowing the body): go down
  // to the child that carries the same fields.
  for (let narrower = found; narrower;) {
    found = narrower;
    const fields = fieldCount(narrower.meta);
    narrower = undefined;
    for (const child of found.el.children) {
      const meta = parseMetaLine(cleanText(texts.get(child) ?? ''));
      if (meta && fieldCount(meta) === fields) {
        narrower = { el: child, meta };
        break;
      }
    }
  }
  return found;
}

/** Lines of a short element, split at `<br>` (a 副题 block may hold two lines). */
function lineTexts(el: Element): string[] {
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

const KICKER_CLASSES = ['yt', 'yinti', 'kicker', 'pretitle'];
const SUBTITLE_CLASSES = ['fbt', 'subtitle', 'sub-title', 'subhead', 'fubiaoti', 'ft'];

/** A short, link-free, image-free phrase: what a 引题 or 副题 element holds. */
function isPhraseElement(el: Element, texts: Map<Element, string>): boolean {
  const text = texts.get(el);
  return (
    text !== undefined &&
    cleanText(text) !== '' &&
    !el.querySelector('a, img') &&
    parseMetaLine(cleanText(text)) === undefined &&
    lineTexts(el).every(isSubtitleLike)
  );
}

/** The 引题 right above the headline (a `class="yt"` element, or a short phrase there). */
function findKicker(
  headline: Element | undefined,
  texts: Map<Element, string>,
): Element | undefined {
  if (!headline) return undefined;
  for (let el = headline.previousElementSibling; el; el = el.previousElementSibling) {
    if (KICKER_CLASSES.some((name) => el.classList.contains(name)))
      return isPhraseElement(el, texts) ? el : undefined;
  }
  const above = headline.previousElementSibling;
  return above && isPhraseElement(above, texts) ? above : undefined;
}

/** 副题 elements right under the headline, up to the metadata line or the first non-phrase. */
function findSubtitles(
  headline: Element | undefined,
  metaEl: Element | undefined,
  texts: Map<Element, string>,
): Element[] {
  const found: Element[] = [];
  for (let el = headline?.nextElementSibling; el && found.length < 5; el = el.nextElementSibling) {
    if (el === metaEl || (metaEl && el.contains(metaEl))) break;
    const marked = SUBTITLE_CLASSES.some((name) => el.classList.contains(name));
    if (!isPhraseElement(el, texts) || !(marked || /^(h[2-6]|p|div)$/.test(el.localName))) break;
    found.push(el);
  }
  return found;
}

/**
 * A page has a dozen frame labels; each one measures the siblings after it, so a page of
 * thousands of 「更多」 links must not make that quadratic.
 */
const MAX_FRAME_LABELS = 64;

const containsAny = (el: Element, keep: readonly (Element | undefined)[]): boolean =>
  keep.some((k) => k !== undefined && el.contains(k));

/**
 * Removes the site frame: nav / header / footer / aside outside the article, the 城市
 * list, the footer line, and each frame list (热点新闻, 滚动, 相关新闻, +更多…) with the
 * link lists that follow its heading. Nothing holding `keep` (headline, metadata) goes.
 */
function removeFrame(
  document: Document,
  texts: Map<Element, string>,
  keep: readonly (Element | undefined)[],
): void {
  for (const el of document.querySelectorAll('nav, header, footer, aside')) {
    if (!containsAny(el, keep)) el.remove();
  }
  let labels = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const raw = texts.get(el);
    if (raw === undefined || !el.isConnected || containsAny(el, keep)) continue;
    const text = cleanText(raw);
    if (isCityList(text) || isFooterLine(text)) {
      el.remove();
    } else if (isFrameLabel(text) && ++labels <= MAX_FRAME_LABELS) {
      const parent = el.parentElement;
      let next = el.nextElementSibling;
      el.remove();
      while (next && !containsAny(next, keep) && linkDensity(next) >= MAX_LINK_DENSITY) {
        const after = next.nextElementSibling;
        next.remove();
        next = after;
      }
      if (
        parent &&
        parent !== document.body &&
        !containsAny(parent, keep) &&
        !cleanText(parent.textContent ?? '')
      ) {
        if (!parent.querySelector('img')) parent.remove();
      }
    }
  }
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, div, section, figure, pre, table';
const isLeafBlock = (el: Element): boolean => el.querySelector(BLOCKS) === null;

/** Takes a repeated headline and leading 副题 lines off the top of Readability's body. */
function takeLeadingLines(root: Element, headline: string): string[] {
  const subtitles: string[] = [];
  let checked = 0;
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (!isLeafBlock(el)) continue;
    // Only the first few lines can be the top of the body.
    if (++checked > 8 || el.querySelector('img, picture, video, iframe, table')) break;
    const text = cleanText(el.textContent ?? '');
    if (!text) continue;
    if (checked === 1 && headline && text === headline) {
      el.remove();
      continue;
    }
    if (!isSubtitleLike(text) || el.querySelector('a')) break;
    subtitles.push(text);
    el.remove();
  }
  return subtitles;
}

/** Takes the closing credit 「（大众日报客户端记者 刘兵 报道）」 off the end of the body. */
function takeCredit(root: Element): string | undefined {
  const blocks = Array.from(root.querySelectorAll(BLOCKS));
  for (let i = blocks.length - 1; i >= 0; i--) {
    const el = blocks[i];
    if (!el || !isLeafBlock(el)) continue;
    const text = cleanText(el.textContent ?? '');
    if (!text) {
      if (el.querySelector('img, picture, video, iframe')) return undefined;
      continue;
    }
    if (!isCreditLine(text)) return undefined;
    el.remove();
    return text;
  }
  return undefined;
}

/** Dates, authors and source from meta tags, for a page without a metadata line. */
function metaFromTags(document: Document, tags: Map<string, string>): NewsMeta {
  const meta: NewsMeta = {};
  const published =
    firstTag(tags, [
      'article:published_time',
      'og:published_time',
      'og:release_date',
      'pubdate',
      'publishdate',
      'publish_date',
      'datepublished',
      'dc.date.issued',
      'dc.date',
    ]) ?? document.querySelector('time[datetime]')?.getAttribute('datetime');
  const date = published ? parseFeedDate(published) : undefined;
  if (date) meta.datePublished = date;
  // article:author is often a profile URL, not a name.
  const author = firstTag(tags, ['article:author', 'author', 'dc.creator']);
  const authors = author && !/^https?:/i.test(author) ? splitNames(author) : [];
  if (authors.length) meta.authors = authors;
  const source = firstTag(tags, ['source', 'og:site_name']);
  if (source) meta.source = source;
  return meta;
}

/** The canonical URL (`<link rel="canonical">`, og:url), else the page URL, http(s) only. */
function canonicalUrl(
  document: Document,
  tags: Map<string, string>,
  base: string | undefined,
): string | undefined {
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) {
      const url = httpUrl(link.getAttribute('href'), base);
      if (url) return url;
    }
  }
  return httpUrl(tags.get('og:url'), base) ?? base;
}

function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.localName === 'html') return document;
  // linkedom makes a fragment's first element the document element: give it a page.
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

/**
 * Reads an article page into one item ('article-page'): title, 引题, 副题, metadata
 * (from the metadata line, else meta tags), canonical URL, lead image, credit and the
 * body as Readability's HTML (untrusted: the pipeline sanitises it).
 * Throws IngestError('no-article') for a page without an article body: the portal's 404
 * page, an index page of links.
 */
export function readArticlePage(html: string, pageUrl: string): ReadDocument {
  if (!html.trim()) throw new IngestError('no-article', 'the page is empty');
  const document = parseDocument(html);
  flattenDeepNesting(document.documentElement);
  const base = baseUrl(document, pageUrl);
  resolveUrls(document, base);
  const tags = metaTags(document);
  const texts = shortTexts(document.documentElement, SHORT);

  const headlineEl = findHeadline(document, texts, tags);
  const metaLine = findMetaLine(document, texts, headlineEl);
  const kickerEl = findKicker(headlineEl, texts);
  const subtitleEls = findSubtitles(headlineEl, metaLine?.el, texts);

  const ogTitle = tags.get('og:title');
  const title =
    (headlineEl && cleanText(texts.get(headlineEl) ?? '')) ||
    (ogTitle && stripSiteSuffix(ogTitle)) ||
    stripSiteSuffix(document.title) ||
    undefined;
  const kicker = kickerEl ? lineTexts(kickerEl).join(' ') : undefined;
  const subtitles = subtitleEls.flatMap(lineTexts);
  const url = canonicalUrl(document, tags, base);
  const language = document.documentElement.getAttribute('lang')?.trim() || undefined;
  const summary = firstTag(tags, ['description', 'og:description']);
  const dateModified = parseFeedDate(
    firstTag(tags, ['article:modified_time', 'og:updated_time']) ?? '',
  );
  // The metadata line is the newsroom's own record; meta tags only stand in for it, and
  // for its date when the line has none (og:site_name is the portal, not a 来源).
  const tagMeta = metaFromTags(document, tags);
  const meta: NewsMeta = metaLine
    ? {
        ...(tagMeta.datePublished !== undefined && { datePublished: tagMeta.datePublished }),
        ...metaLine.meta,
      }
    : tagMeta;
  const ogImage = httpUrl(tags.get('og:image'), base);

  removeFrame(document, texts, [headlineEl, metaLine?.el]);
  for (const el of [headlineEl, metaLine?.el, kickerEl, ...subtitleEls]) el?.remove();

  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch (error) {
    throw new IngestError('no-article', `Readability failed on the page: ${String(error)}`);
  }
  const content = parsed?.content;
  if (!content || content.nodeType !== 1)
    throw new IngestError('no-article', 'Readability found no article body');
  const wrapper = content as Element;
  // Readability wraps the body in <div id="readability-page-1" class="page">.
  const root =
    wrapper.firstElementChild?.id === 'readability-page-1' ? wrapper.firstElementChild : wrapper;

  subtitles.push(...takeLeadingLines(root, title ?? ''));
  const credit = takeCredit(root);

  const density = linkDensity(root);
  if (density > MAX_LINK_DENSITY) {
    throw new IngestError(
      'no-article',
      `the page body is a list of links (${Math.round(density * 100)}% of its letters), not an article`,
    );
  }
  const bodyLetters = Math.round(letters(root.textContent ?? '') * (1 - density));
  if (bodyLetters < MIN_BODY_LETTERS) {
    throw new IngestError(
      'no-article',
      `the page body has ${bodyLetters} letters outside links, at least ${MIN_BODY_LETTERS} needed`,
    );
  }

  const img = Array.from(root.querySelectorAll('img')).find((el) =>
    httpUrl(el.getAttribute('src'), base),
  );
  const image = img ? httpUrl(img.getAttribute('src'), base) : ogImage;
  const imageAlt = img ? cleanText(img.getAttribute('alt') ?? '') || undefined : undefined;

  const item: IngestItem = {
    ...(url !== undefined && { url }),
    ...(title !== undefined && { title }),
    ...(kicker && { kicker }),
    ...(subtitles.length > 0 && { subtitles }),
    ...(meta.datePublished !== undefined && { datePublished: meta.datePublished }),
    ...(dateModified !== undefined && { dateModified }),
    ...(meta.source !== undefined && { source: meta.source }),
    ...(meta.authors !== undefined && { authors: meta.authors }),
    ...(meta.editor !== undefined && { editor: meta.editor }),
    ...(credit !== undefined && { credit }),
    ...(image !== undefined && { image }),
    ...(imageAlt !== undefined && { imageAlt }),
    ...(summary !== undefined && { summary }),
    ...(language !== undefined && { language }),
    contentHtml: root.innerHTML.trim(),
  };
  return { kind: 'article-page', items: [item], skipped: [] };
}
