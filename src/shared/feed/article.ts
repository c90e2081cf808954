import { headlineFromText, shortenText, stripControls } from './clean-text';
import { htmlToBlocks } from './html-to-blocks';
import { collapseText } from './inline-text';
import { ItemFields } from './item-fields';
import { LIMITS } from './limits';
import { readFeedDate } from './rfc3339';
import { CHANNEL_ID } from './schema';
import { blocksToText, textToBlocks } from './text-blocks';
import type { Article, Block } from './types';

/**
 * One raw JSON Feed item (1.1, or 1.0 read as 1.1 asks) → an Article.
 *
 * Only an unusable required field skips an item: no id, nothing to show (no
 * content_html, content_text, summary or title), or no usable date of any
 * kind. Everything else is repaired — an over-long headline shortened, a
 * missing one derived from the text, an over-long or invalid optional field
 * shortened or dropped — and each repair is reported, so that a reader never
 * loses an article over a cosmetic field and a producer still hears of it.
 */
export type ItemReading =
  | {
      readonly ok: true;
      readonly article: Article;
      /** Short developer-facing reasons, one per repair, e.g. `title: longer than 300 characters, shortened`. */
      readonly repairs: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/** Control characters have no business in an id that ends up in routes and storage keys. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Shown as the headline when an item has neither a title nor text to derive one from. */
export const UNTITLED = '（无标题）';

/** Reads one raw item; `docUrl` is the document's URL, against which its URLs resolve. */
export function readItem(raw: Readonly<Record<string, unknown>>, docUrl: string): ItemReading {
  const id = readId(raw.id);
  if (!id.ok) return id;
  const fields = new ItemFields(raw);
  const date = readDates(fields);
  if (!date.ok) return date;

  const html = fields.body(
    'content_html',
    fields.value('content_html'),
    LIMITS.contentHtmlLength,
    true,
  );
  const plain = fields.body(
    'content_text',
    fields.value('content_text'),
    LIMITS.contentTextLength,
    false,
  );
  const rawSummary = fields.string('summary', fields.value('summary'));
  const summaryText = rawSummary ? collapseText(stripControls(rawSummary, true)) : '';
  const title = fields.line('title', fields.value('title'), LIMITS.titleLength);
  if (!html && !plain && !summaryText && !title) {
    return { ok: false, reason: 'needs content_html, content_text, summary or title' };
  }

  const blocks = bodyBlocks(html, plain, summaryText, docUrl);
  if (blocks.length === 0 && !title) {
    return { ok: false, reason: 'the body is empty once unsafe markup is removed' };
  }
  // A headline alone is something to show (a link post); a body that came to nothing is noted.
  if (blocks.length === 0 && (html || plain)) {
    const field = html ? 'content_html' : 'content_text';
    fields.note(field, 'nothing readable once unsafe markup is removed; kept for its title');
  }
  const text = blocksToText(blocks);

  let summary = summaryText;
  if (summary.length > LIMITS.summaryLength) {
    fields.note('summary', `longer than ${LIMITS.summaryLength} characters, shortened`);
    summary = shortenText(summary, LIMITS.summaryLength);
  } else if (summary === '') {
    summary = deriveSummary(text);
  }

  // Built up field by field so that absent optional fields are absent keys,
  // not `undefined` values, in what gets stored.
  const article: Mutable<Article> = {
    id: id.id,
    title: title ?? deriveTitle(text, summary, blocks),
    subtitles: [],
    datePublished: date.published,
    authors: readAuthors(fields),
    summary,
    tags: fields.list('tags', fields.value('tags'), LIMITS.tags, (value, field) =>
      fields.line(field, value, LIMITS.tagLength, 'drop'),
    ),
    blocks,
    text,
  };
  if (title === undefined) {
    article.titleDerived = true;
    fields.note('title', 'missing, derived from the text');
  }
  if (date.modified !== undefined) article.dateModified = date.modified;
  const url = fields.url('url', fields.value('url'), docUrl);
  if (url !== undefined) article.url = url;
  const language = fields.line('language', fields.value('language'), LIMITS.languageLength, 'drop');
  if (language !== undefined) article.language = language;
  readNews(fields, article, docUrl);
  return { ok: true, article, repairs: fields.repairs };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** JSON Feed: a string id, or a number, which "a reader must coerce to a string". */
function readId(value: unknown): { ok: true; id: string } | { ok: false; reason: string } {
  const fail = (problem: string) => ({ ok: false as const, reason: `id: ${problem}` });
  if (typeof value === 'number')
    return Number.isFinite(value) ? { ok: true, id: String(value) } : fail('must be a string');
  if (value === undefined || value === null) return fail('is missing');
  if (typeof value !== 'string') return fail('must be a string');
  const id = value.trim();
  if (id === '') return fail('must not be empty');
  if (id.length > LIMITS.idLength) return fail(`longer than ${LIMITS.idLength} characters`);
  if (CONTROL_CHARACTERS.test(id)) return fail('contains control characters');
  return { ok: true, id };
}

const DATE_EXAMPLE = '(e.g. 2023-05-06T10:30:13+08:00)';

/**
 * `date_published`, else `date_modified` (JSON Feed makes both optional): the
 * date an item is shown and ordered by. Skips the item only when neither is usable.
 */
function readDates(
  fields: ItemFields,
): { ok: true; published: string; modified?: string } | { ok: false; reason: string } {
  const rawPublished = fields.value('date_published');
  const rawModified = fields.value('date_modified');
  const published = readFeedDate(rawPublished);
  const modified = readFeedDate(rawModified);
  const badPublished = rawPublished !== undefined && published === undefined;
  if (published === undefined && modified === undefined) {
    const why = badPublished ? `not an RFC 3339 date-time ${DATE_EXAMPLE}` : 'is missing';
    const also = rawModified === undefined ? '' : ', and date_modified is no usable date either';
    return { ok: false, reason: `date_published: ${why}${also}` };
  }
  if (badPublished) fields.note('date_published', 'not a usable date, date_modified used');
  if (rawModified !== undefined && modified === undefined) {
    fields.note('date_modified', 'not a usable date, dropped');
  }
  if (published === undefined) return { ok: true, published: modified ?? '', modified };
  return modified === undefined ? { ok: true, published } : { ok: true, published, modified };
}

/**
 * The body, from the richest source that yields something: content_html,
 * then content_text, then the summary as one paragraph.
 */
function bodyBlocks(
  html: string | undefined,
  plain: string | undefined,
  summary: string,
  docUrl: string,
): Block[] {
  if (html) {
    const blocks = htmlToBlocks(html, docUrl);
    if (blocks.length > 0) return blocks;
  }
  if (plain) {
    const blocks = textToBlocks(plain);
    if (blocks.length > 0) return blocks;
  }
  return summary === '' ? [] : [{ t: 'p', c: [summary] }];
}

/**
 * A headline for an item without one (a micro-post): the first sentence of
 * the body or summary, else a picture's text alternative, else {@link UNTITLED}.
 */
function deriveTitle(text: string, summary: string, blocks: readonly Block[]): string {
  const max = LIMITS.derivedTitleLength;
  const fromText = headlineFromText(text, max) || headlineFromText(summary, max);
  if (fromText) return fromText;
  for (const block of blocks) {
    if (block.t === 'figure' && block.alt) return headlineFromText(block.alt, max) || UNTITLED;
  }
  return UNTITLED;
}

/** `authors`, or JSON Feed 1.0's single `author` when there is no `authors`. */
function readAuthors(fields: ItemFields): string[] {
  const authors = fields.value('authors');
  const single = fields.value('author');
  const [field, list] =
    authors === undefined && single !== undefined ? ['author', [single]] : ['authors', authors];
  return fields.list(field, list, LIMITS.authors, (value, entry) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fields.note(entry, 'not an object, dropped');
      return undefined;
    }
    const name = fields.value('name', value as Record<string, unknown>);
    return fields.line(`${entry}.name`, name, LIMITS.authorNameLength, 'drop');
  });
}

/** The `_news` extension and the lead image (whose alt text lives in `_news`). */
function readNews(fields: ItemFields, article: Mutable<Article>, docUrl: string): void {
  const news = fields.object('_news', fields.value('_news'));
  const line = (key: string, max: number): string | undefined =>
    fields.line(`_news.${key}`, fields.value(key, news), max);
  const kicker = line('kicker', LIMITS.kickerLength);
  if (kicker !== undefined) article.kicker = kicker;
  article.subtitles = fields.list(
    '_news.subtitles',
    fields.value('subtitles', news),
    LIMITS.subtitles,
    (value, field) => fields.line(field, value, LIMITS.subtitleLength),
  );
  const source = line('source', LIMITS.sourceLength);
  if (source !== undefined) article.source = source;
  const editor = line('editor', LIMITS.sourceLength);
  if (editor !== undefined) article.editor = editor;
  const credit = line('credit', LIMITS.creditLength);
  if (credit !== undefined) article.credit = credit;
  const alt = line('image_alt', LIMITS.imageAltLength);
  const image = fields.url('image', fields.value('image'), docUrl, 'image');
  if (image !== undefined) article.image = { src: image, alt: alt ?? '' };
  const city = fields.line(
    '_news.city',
    fields.value('city', news),
    LIMITS.channelIdLength,
    'drop',
  );
  if (city !== undefined && CHANNEL_ID.test(city)) article.city = city;
  else if (city !== undefined) fields.note('_news.city', 'not a channel id, dropped');
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
