/**
 * The newsroom's structure above the body, found on the untouched DOM: the headline, the
 * 引题 above it, the 副题 under it and the metadata line.
 */
import { cleanText, isSubtitleLike, parseMetaLine, type NewsMeta } from '../news-meta';
import { lineTexts } from './dom';

/** 「headline_大众网」「headline - 大众网」「headline | 济南频道 | 大众网」 → headline. */
export function stripSiteSuffix(title: string): string {
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
export function findHeadline(
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
export function findMetaLine(
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
export function findKicker(
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
export function findSubtitles(
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
