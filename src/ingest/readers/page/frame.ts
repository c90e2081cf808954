/**
 * The site frame around the article: removed before Readability runs, and the leading
 * lines (repeated headline, 副题) and the closing credit taken off its body after.
 */
import {
  cleanText,
  isCityList,
  isCreditLine,
  isFooterLine,
  isFrameLabel,
  isSubtitleLike,
} from '../news-meta';
import { linkDensity, MAX_LINK_DENSITY } from './dom';

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
export function removeFrame(
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
export function takeLeadingLines(root: Element, headline: string): string[] {
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
export function takeCredit(root: Element): string | undefined {
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
