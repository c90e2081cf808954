import { stripControls } from './clean-text';
import type { RawInline } from './inline-text';
import { normalizeInlines } from './inline-text';
import type { Block, Inline } from './types';

/**
 * Plain text ↔ blocks: `content_text` becomes paragraphs, and any block tree
 * becomes the plain text used for search, summaries and read aloud.
 */

/** A line holding nothing but whitespace (ideographic spaces included) separates paragraphs. */
const BLANK_LINE = /\n[ \t\f\u3000\u00a0]*\n/;

/** Full-width indentation at the start of a line: the Chinese plain-text paragraph mark. */
const INDENTED_LINE = /^\u3000/;

/**
 * Plain text → paragraphs. Paragraphs are separated by blank lines; a line
 * that begins with full-width indentation (U+3000, how Chinese plain text
 * usually marks paragraphs) also starts one. Any other single newline is kept
 * as a line break (`br`), because in plain text it was put there on purpose
 * (addresses, verse, lists) and joining the lines would lose that. Control
 * characters and bidi overrides are removed (clean-text.ts).
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const clean = stripControls(text.replace(/\r\n?/g, '\n'), true);
  for (const chunk of clean.split(BLANK_LINE)) {
    let lines: RawInline[] = [];
    for (const line of chunk.split('\n')) {
      if (INDENTED_LINE.test(line)) {
        paragraph(lines, blocks);
        lines = [];
      }
      if (lines.length > 0) lines.push({ t: 'br' });
      lines.push(line);
    }
    paragraph(lines, blocks);
  }
  return blocks;
}

function paragraph(lines: readonly RawInline[], out: Block[]): void {
  const c = normalizeInlines(lines);
  if (c.length > 0) out.push({ t: 'p', c });
}

/** The plain text of inline content; a line break is a newline. */
export function inlinesToText(inlines: readonly Inline[]): string {
  let text = '';
  for (const inline of inlines) {
    if (typeof inline === 'string') text += inline;
    else if (inline.t === 'br') text += '\n';
    else text += inlinesToText(inline.c);
  }
  return text;
}

/**
 * The plain text of a block tree: one line per paragraph, heading and list
 * item, joined by "\n". Figure captions are included (they are part of the
 * story); alt text is not (it describes the picture, and search and read
 * aloud would otherwise repeat it next to the caption).
 */
export function blocksToText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    let line: string;
    switch (block.t) {
      case 'p':
      case 'h':
        line = inlinesToText(block.c);
        break;
      case 'ul':
      case 'ol':
        line = block.items.map(inlinesToText).join('\n');
        break;
      case 'quote':
        line = blocksToText(block.c);
        break;
      case 'figure':
        line = block.caption ? inlinesToText(block.caption) : '';
        break;
    }
    if (line !== '') lines.push(line);
  }
  return lines.join('\n');
}
