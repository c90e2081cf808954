import { htmlToBlocks } from '../../shared/feed/html-to-blocks';
import { LIMITS } from '../../shared/feed/limits';
import { isRfc3339DateTime } from '../../shared/feed/rfc3339';
import { textToBlocks } from '../../shared/feed/text-blocks';
import type { Block } from '../../shared/feed/types';
import { resolveHttpUrl } from '../../shared/feed/urls';
import type { IngestItem } from '../model';
import { urlFromApiDocument } from './api-urls';
import { blocksToHtml } from './blocks-html';
import type { FeedItem, NewsExtension } from './feed-item';
import { cleanLine, hasControlCharacters, headlineFromText, shorten } from './text';

/**
 * One source item → the API's item (without id and channels, which need the store and the
 * place names), under the feed contract's limits (src/shared/feed/limits.ts).
 *
 * Strict about what can harm, lenient about what cannot: only a missing body or a missing
 * date skips an item. An over-long headline is shortened, a bad optional field is dropped or
 * shortened, and every such repair is reported in `repairs`. The body goes through the app's
 * own sanitizer (htmlToBlocks), so what is stored is what the app would have kept anyway.
 */

/** The outcome for one item. */
export type Normalised =
  | {
      readonly ok: true;
      readonly item: Omit<FeedItem, 'id'>;
      /** The body's plain text start, for place names. */
      readonly lead: string;
      readonly titleDerived: boolean;
      readonly repairs: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/** Raw HTML bigger than this is cut before sanitizing: the output limit is far lower anyway. */
const RAW_HTML_CAP = LIMITS.contentHtmlLength * 2;

/**
 * Tags kept of a raw body before sanitizing. The HTML parser's work grows with the square of
 * nesting depth (50,000 nested divs take seconds), and no article has anywhere near this many
 * tags; what follows the cut is dropped, as an over-long body is.
 */
const RAW_TAG_CAP = 10_000;

/** `html` cut to {@link RAW_HTML_CAP} characters and {@link RAW_TAG_CAP} tags (one linear scan). */
function capRawHtml(html: string): string {
  const text = html.length > RAW_HTML_CAP ? html.slice(0, RAW_HTML_CAP) : html;
  let tags = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    if (++tags > RAW_TAG_CAP) return text.slice(0, i);
  }
  return text;
}

/** Characters of body text scanned for place names. */
const LEAD_LENGTH = 300;

/**
 * Normalises one item; `baseUrl` resolves relative URLs of its HTML (the document's URL).
 * URLs of API files come out relative, as served from `feeds/` and `articles/`.
 */
export function normaliseItem(raw: IngestItem, baseUrl: string): Normalised {
  const repairs: string[] = [];
  const label = raw.title ?? raw.guid ?? raw.url ?? 'item';

  const datePublished = usableDate(raw.datePublished) ?? usableDate(raw.dateModified);
  if (!datePublished) return { ok: false, reason: `${label}: no usable date` };
  const dateModified = usableDate(raw.dateModified);

  const blocks = bodyBlocks(raw, baseUrl);
  if (blocks.length === 0) return { ok: false, reason: `${label}: no content` };
  let contentHtml = blocksToHtml(blocks, urlFromApiDocument);
  if (contentHtml.length > LIMITS.contentHtmlLength) {
    contentHtml = blocksToHtml(fitBlocks(blocks), urlFromApiDocument);
    repairs.push(`${label}: body cut to ${LIMITS.contentHtmlLength} characters`);
  }
  const bodyText = plainStart(blocks);

  let title = raw.title ? cleanLine(raw.title) : '';
  let titleDerived = false;
  if (title === '') {
    title = headlineFromText(raw.summary?.trim() || bodyText, LIMITS.derivedTitleLength);
    if (title === '')
      return { ok: false, reason: `${label}: no headline and no text to derive one` };
    titleDerived = true;
    repairs.push(`${title}: no headline, derived one from the text`);
  } else if (title.length > LIMITS.titleLength) {
    title = shorten(title, LIMITS.titleLength);
    repairs.push(`${title}: headline shortened to ${LIMITS.titleLength} characters`);
  }

  const fields = new FieldRepair(title, repairs);
  const news: NewsExtension = {};
  const kicker = fields.text('kicker', raw.kicker, LIMITS.kickerLength);
  if (kicker) news.kicker = kicker;
  const subtitles = fields.list(
    'subtitles',
    raw.subtitles,
    LIMITS.subtitles,
    LIMITS.subtitleLength,
  );
  if (subtitles.length > 0) news.subtitles = subtitles;
  const source = fields.text('source', raw.source, LIMITS.sourceLength);
  if (source) news.source = source;
  const editor = fields.text('editor', raw.editor, LIMITS.sourceLength);
  if (editor) news.editor = editor;
  const credit = fields.text('credit', raw.credit, LIMITS.creditLength);
  if (credit) news.credit = credit;

  const url = fields.url('url', raw.url, baseUrl);
  const image = fields.url('image', raw.image, baseUrl);
  if (image) {
    const alt = fields.text('image_alt', raw.imageAlt, LIMITS.imageAltLength);
    if (alt) news.image_alt = alt;
  }
  const authors = fields.list('authors', raw.authors, LIMITS.authors, LIMITS.authorNameLength);
  const tags = fields.list('tags', raw.tags, LIMITS.tags, LIMITS.tagLength);
  const summary = raw.summary
    ? fields.text('summary', raw.summary, LIMITS.summaryLength, true)
    : undefined;
  const language = fields.language(raw.language);

  const item: Omit<FeedItem, 'id'> = {
    ...(url ? { url } : {}),
    title,
    content_html: contentHtml,
    ...(summary ? { summary } : {}),
    ...(image ? { image: urlFromApiDocument(image) } : {}),
    date_published: datePublished,
    ...(dateModified && dateModified !== datePublished ? { date_modified: dateModified } : {}),
    ...(authors.length > 0 ? { authors: authors.map((name) => ({ name })) } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(language ? { language } : {}),
    ...(Object.keys(news).length > 0 ? { _news: news } : {}),
  };
  return { ok: true, item, lead: bodyText, titleDerived, repairs };
}

function usableDate(value: string | undefined): string | undefined {
  return value !== undefined && isRfc3339DateTime(value) && !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

/** The body: HTML if it has any content, else plain text, else the summary. */
function bodyBlocks(raw: IngestItem, baseUrl: string): Block[] {
  if (raw.contentHtml) {
    const blocks = htmlToBlocks(capRawHtml(raw.contentHtml), baseUrl);
    if (blocks.length > 0) return blocks;
  }
  for (const text of [raw.contentText, raw.summary]) {
    if (text && text.trim() !== '') {
      const blocks = textToBlocks(text.slice(0, LIMITS.contentTextLength));
      if (blocks.length > 0) return blocks;
    }
  }
  return [];
}

/** The leading blocks whose HTML fits the contract's body limit. */
function fitBlocks(blocks: readonly Block[]): Block[] {
  const kept: Block[] = [];
  let length = 0;
  for (const block of blocks) {
    const size = blocksToHtml([block]).length + 1;
    if (length + size > LIMITS.contentHtmlLength) break;
    kept.push(block);
    length += size;
  }
  return kept;
}

/** The first few hundred characters of the body's text. */
function plainStart(blocks: readonly Block[]): string {
  let text = '';
  for (const block of blocks) {
    if (block.t !== 'p') continue;
    for (const node of block.c) if (typeof node === 'string') text += node;
    text += '\n';
    if (text.length >= LEAD_LENGTH) break;
  }
  return text.slice(0, LEAD_LENGTH);
}

/** Repairs of optional fields, each reported once, naming the article. */
class FieldRepair {
  constructor(
    private readonly title: string,
    private readonly repairs: string[],
  ) {}

  private note(problem: string): void {
    this.repairs.push(`${this.title}: ${problem}`);
  }

  /** A one-line text field: cleaned, dropped when it has control characters, else shortened. */
  text(
    field: string,
    value: string | undefined,
    max: number,
    multiline = false,
  ): string | undefined {
    if (value === undefined) return undefined;
    const clean = multiline ? value.trim().replace(/[ \t\u3000]+/g, ' ') : cleanLine(value);
    if (clean === '') return undefined;
    if (hasControlCharacters(clean)) {
      this.note(`${field} dropped (control characters)`);
      return undefined;
    }
    if (clean.length > max) {
      this.note(`${field} shortened to ${max} characters`);
      return shorten(clean, max);
    }
    return clean;
  }

  /** A list of one-line texts: at most `count`, each at most `max`, duplicates dropped. */
  list(field: string, values: readonly string[] | undefined, count: number, max: number): string[] {
    if (!values) return [];
    const out: string[] = [];
    for (const value of values) {
      const clean = cleanLine(value);
      if (clean === '' || out.includes(clean)) continue;
      if (clean.length > max || hasControlCharacters(clean)) {
        this.note(`${field} entry dropped (over ${max} characters or control characters)`);
        continue;
      }
      if (out.length === count) {
        this.note(`${field} cut to ${count} entries`);
        break;
      }
      out.push(clean);
    }
    return out;
  }

  /** An http(s) URL, resolved against the document; anything else is dropped. */
  url(field: string, value: string | undefined, base: string): string | undefined {
    if (value === undefined || value.trim() === '') return undefined;
    const url = resolveHttpUrl(value.trim(), base);
    if (url === undefined || url.length > LIMITS.urlLength) {
      this.note(`${field} dropped (not a usable http(s) URL)`);
      return undefined;
    }
    return url;
  }

  language(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const tag = value.trim();
    if (tag.length <= LIMITS.languageLength && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) {
      return tag;
    }
    this.note('language dropped (not a language tag)');
    return undefined;
  }
}
