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
import { IngestError } from '../errors';
import type { IngestItem, ReadDocument } from '../model';
import { parseFeedDate } from './dates';
import { cleanText, type NewsMeta } from './news-meta';
import { checkArticleBody, readabilityBody } from './page/body';
import {
  baseUrl,
  firstTag,
  flattenDeepNesting,
  httpUrl,
  lineTexts,
  metaTags,
  parseDocument,
  resolveUrls,
  shortTexts,
} from './page/dom';
import { removeFrame, takeCredit, takeLeadingLines } from './page/frame';
import {
  findHeadline,
  findKicker,
  findMetaLine,
  findSubtitles,
  stripSiteSuffix,
} from './page/headline';
import { canonicalUrl, metaFromTags } from './page/tag-meta';

/** Texts longer than this are never a headline, metadata line, label or list of the frame. */
const SHORT = 400;

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

  const root = readabilityBody(document);

  subtitles.push(...takeLeadingLines(root, title ?? ''));
  const credit = takeCredit(root);

  checkArticleBody(root);

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
