import { htmlToBlocks } from './html-to-blocks';
import { collapseText } from './inline-text';
import { LIMITS } from './limits';
import type { FeedItem } from './schema';
import { blocksToText, textToBlocks } from './text-blocks';
import type { Article, Block } from './types';
import { resolveHttpUrl } from './urls';

/**
 * A validated JSON Feed item → an Article. Returns `undefined` when nothing
 * readable is left of the body once unsafe and empty markup is removed (the
 * caller skips the item). Optional fields that are empty or unusable (a lead
 * image that is not http(s), say) are left out rather than failing the item.
 */
export function itemToArticle(item: FeedItem, docUrl: string): Article | undefined {
  const blocks = bodyBlocks(item, docUrl);
  if (blocks.length === 0) return undefined;
  const text = blocksToText(blocks);
  const news = item._news ?? {};
  // Built up field by field so that absent optional fields are absent keys,
  // not `undefined` values, in what gets stored.
  const article: Mutable<Article> = {
    id: item.id,
    title: item.title,
    subtitles: nonEmpty(news.subtitles),
    datePublished: item.date_published,
    authors: nonEmpty(item.authors?.map((author) => author.name ?? '')),
    summary: item.summary ? collapseText(item.summary) : deriveSummary(text),
    tags: nonEmpty(item.tags),
    blocks,
    text,
  };
  if (news.kicker) article.kicker = news.kicker;
  if (item.date_modified) article.dateModified = item.date_modified;
  if (news.source) article.source = news.source;
  if (news.editor) article.editor = news.editor;
  if (news.credit) article.credit = news.credit;
  const url = item.url ? resolveHttpUrl(item.url, docUrl) : undefined;
  if (url !== undefined) article.url = url;
  const image = item.image ? resolveHttpUrl(item.image, docUrl) : undefined;
  if (image !== undefined) article.image = { src: image, alt: news.image_alt ?? '' };
  if (item.language) article.language = item.language;
  if (news.city) article.city = news.city;
  return article;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The body, from the richest source that yields something: content_html,
 * then content_text, then the summary as one paragraph.
 */
function bodyBlocks(item: FeedItem, docUrl: string): Block[] {
  if (item.content_html) {
    const blocks = htmlToBlocks(item.content_html, docUrl);
    if (blocks.length > 0) return blocks;
  }
  if (item.content_text) {
    const blocks = textToBlocks(item.content_text);
    if (blocks.length > 0) return blocks;
  }
  const summary = item.summary ? collapseText(item.summary) : '';
  return summary === '' ? [] : [{ t: 'p', c: [summary] }];
}

/**
 * The first LIMITS.derivedSummaryLength characters (code points, so no
 * emoji or rare Han character is cut in half) of the body text, on one line,
 * with an ellipsis when cut.
 */
function deriveSummary(text: string): string {
  const flat = collapseText(text);
  const max = LIMITS.derivedSummaryLength;
  // Only the head is split into code points: bodies can be long.
  const head = Array.from(flat.slice(0, max * 2 + 2));
  if (head.length <= max && flat.length <= max * 2 + 2) return flat;
  return `${head
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

function nonEmpty(values: readonly (string | undefined)[] | null | undefined): string[] {
  return (values ?? []).filter((value): value is string => Boolean(value));
}
