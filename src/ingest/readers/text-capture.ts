/**
 * Reads a plain-text capture of a portal article page: the page's whole text, frame
 * included, as a browser's "save as text" gives it. The article is anchored on its
 * metadata line (发布时间 | 来源 | 作者 | 责任编辑): the headline is the line before it, the
 * body the indented blocks after it, up to the first line of the site frame.
 *
 * The captures lost their full-width punctuation, so every kept line goes through
 * normaliseChinesePunctuation (which only touches marks next to Chinese text).
 */
import { normaliseChinesePunctuation } from '../../../content/lib/punctuation';
import { IngestError } from '../errors';
import type { IngestItem, ReadDocument } from '../model';
import { cleanText, isCreditLine, isFrameLine, isSubtitleLike, parseMetaLine } from './news-meta';

/** How far into a file the sniff looks: a capture's metadata line is near its top. */
const SNIFF_LINES = 200;

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** True when a line starts with indentation: ASCII or full-width spaces, tabs, no-break spaces. */
function isIndented(line: string): boolean {
  const ch = line[0];
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

const isBlank = (line: string): boolean => line.trim() === '';

/**
 * Cheap sniff used to route a .txt source: true when one of the first lines is a portal
 * metadata line or a line of the portal's frame (the 城市 list, the footer line). A frame
 * without an article still counts, so that it is refused as 'no-article' rather than as
 * an unknown format.
 */
export function looksLikeTextCapture(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  // Markup and JSON have their own readers.
  if (start.startsWith('<') || start.startsWith('{') || start.startsWith('[')) return false;
  const head = lines(text.slice(0, 64 * 1024)).slice(0, SNIFF_LINES);
  return head.some((line) => parseMetaLine(line) !== undefined || isFrameLine(line.trim()));
}

/** Joins the lines of one block: no space between Chinese lines, one between Latin ones. */
function joinBlock(block: readonly string[]): string {
  let out = '';
  for (const line of block) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line)) out += ' ';
    out += line;
  }
  return out;
}

/**
 * The body blocks after the metadata line, indentation removed and punctuation normalised.
 * The body ends at the first frame line (热点新闻, 滚动, +更多, the footer…) and, when the
 * body is indented as the portal's is, at the first unindented line: what follows the
 * article (headline lists, photo captions) is never indented.
 */
function bodyBlocks(all: readonly string[], from: number): string[] {
  let first = from;
  while (first < all.length && isBlank(all[first] ?? '')) first++;
  const indented = isIndented(all[first] ?? '');
  const blocks: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length) blocks.push(normaliseChinesePunctuation(joinBlock(block)));
    block = [];
  };
  for (let i = first; i < all.length; i++) {
    const raw = all[i] ?? '';
    if (isBlank(raw)) {
      flush();
      continue;
    }
    const line = cleanText(raw);
    if (isFrameLine(line) || (indented && !isIndented(raw))) break;
    block.push(line);
  }
  flush();
  return blocks;
}

/**
 * Reads a text capture into one item: headline, 引题, 副题 lines, metadata, paragraphs
 * (`contentText`, separated by blank lines) and the closing credit.
 * Throws IngestError('no-article') when there is no metadata line, no headline before it
 * or no paragraph after it (a capture of the frame alone).
 */
export function readTextCapture(text: string, name: string): ReadDocument {
  const all = lines(text);
  const metaIndex = all.findIndex((line) => parseMetaLine(line) !== undefined);
  if (metaIndex < 0) {
    throw new IngestError(
      'no-article',
      `text capture ${name} has no metadata line (发布时间 | 来源 | 作者)`,
    );
  }
  const meta = parseMetaLine(all[metaIndex] ?? '') ?? {};

  let titleIndex = metaIndex - 1;
  while (titleIndex >= 0 && isBlank(all[titleIndex] ?? '')) titleIndex--;
  const titleLine = cleanText(all[titleIndex] ?? '');
  if (!titleLine || isFrameLine(titleLine)) {
    throw new IngestError(
      'no-article',
      `text capture ${name} has no headline before its metadata line`,
    );
  }
  const title = normaliseChinesePunctuation(titleLine);

  // A 引题 sits on the line right above the headline; the frame's last line (the city
  // list) is the usual neighbour there, and is not one.
  const above = cleanText(all[titleIndex - 1] ?? '');
  const kicker = above && isSubtitleLike(above) ? normaliseChinesePunctuation(above) : undefined;

  const blocks = bodyBlocks(all, metaIndex + 1);
  let start = 0;
  // The page repeats its headline at the top of the body.
  if (blocks[0] !== undefined && cleanText(blocks[0]) === cleanText(title)) start = 1;
  const subtitles: string[] = [];
  // 副题 lines come before the first real paragraph; one paragraph at least must remain.
  while (start < blocks.length - 1 && isSubtitleLike(blocks[start] ?? '')) {
    subtitles.push(blocks[start] ?? '');
    start++;
  }
  const paragraphs = blocks.slice(start);
  let credit: string | undefined;
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && isCreditLine(last)) {
    credit = last;
    paragraphs.pop();
  }
  if (!paragraphs.length) {
    throw new IngestError(
      'no-article',
      `text capture ${name} has no paragraphs after its metadata line`,
    );
  }

  const item: IngestItem = {
    title,
    ...(kicker !== undefined && { kicker }),
    ...(subtitles.length > 0 && { subtitles }),
    ...(meta.datePublished !== undefined && { datePublished: meta.datePublished }),
    ...(meta.source !== undefined && { source: meta.source }),
    ...(meta.authors !== undefined && { authors: meta.authors }),
    ...(meta.editor !== undefined && { editor: meta.editor }),
    ...(credit !== undefined && { credit }),
    contentText: paragraphs.join('\n\n'),
  };
  return { kind: 'text-capture', items: [item], skipped: [] };
}
