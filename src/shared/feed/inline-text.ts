import type { Block, Inline } from './types';

/**
 * Inline content while it is being converted, before whitespace is settled.
 * Besides the final Inline shapes it can hold a `break` (a block boundary met
 * inside inline content where no block can stand, e.g. a `<div>` inside a
 * link: it becomes one line break at most) and `lifted` blocks (an image or a
 * stray block inside a paragraph, which `splitAtBlocks` lifts out to stand
 * between the paragraph's halves).
 */
export type RawInline =
  string | { readonly t: 'br' } | { readonly t: 'break' } | RawContainer | LiftedBlocks;

/** Blocks found inside inline content, to be lifted out of it. */
export interface LiftedBlocks {
  readonly t: 'lifted';
  readonly blocks: readonly Block[];
}

/** Emphasis or a link, with its raw content. */
export type RawContainer =
  | { readonly t: 'em' | 'strong'; readonly c: RawInline[] }
  | { readonly t: 'a'; readonly href: string; readonly c: RawInline[] };

/** The soft break marker. */
export const BREAK: RawInline = { t: 'break' };

// Characters between which a line break in the source is dropped instead of
// becoming a space: Chinese text is written without spaces, and a source that
// wraps lines inside a sentence must not end up with gaps. This is the CSS Text
// "segment break transformation" for wide characters, with the curly quotes,
// dash and ellipsis that Chinese typesetting also uses at full width.
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026]/u;

/** Whether a code point (one-character string) is a wide East Asian character. */
function isWide(char: string): boolean {
  return WIDE.test(char);
}

/** What collapsed whitespace between two characters becomes: a space or nothing. */
function separator(before: string, after: string, hadNewline: boolean): string {
  return hadNewline && isWide(before) && isWide(after) ? '' : ' ';
}

/** HTML's collapsible whitespace; no-break and ideographic spaces are not in it. */
const WHITESPACE_OR_WORD = /([ \t\n\r\f]+)|([^ \t\n\r\f]+)/g;

/** Indentation at the start of a paragraph, which the app draws with CSS instead. */
const INDENT = /^[\u3000\u00a0]+/;

function lastCodePoint(text: string): string {
  const last = text.codePointAt(text.length - 1) ?? 0;
  // A trailing low surrogate belongs to a pair: read the whole code point.
  return last >= 0xdc00 && last <= 0xdfff && text.length > 1
    ? String.fromCodePoint(text.codePointAt(text.length - 2) ?? 0)
    : String.fromCodePoint(last);
}

function firstCodePoint(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}

/** HTML's collapsible whitespace, as UTF-16 code units. */
function isCollapsible(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
}

/** Collapsible whitespace, or the indentation a paragraph may start with. */
function isLeading(code: number): boolean {
  return isCollapsible(code) || code === 0x3000 || code === 0xa0;
}

/**
 * Collapses whitespace in a plain string the way HTML renders it (runs become
 * one space, none at either end, line breaks between wide characters vanish)
 * and drops leading indentation. One pass over the string: a regular
 * expression that tries a run of whitespace at each of its positions (as
 * `\s+$` does) takes time quadratic in the run, and a feed can send a
 * 200,000-space run.
 */
export function collapseText(text: string): string {
  let start = 0;
  while (start < text.length && isLeading(text.charCodeAt(start))) start++;
  let end = text.length;
  while (end > start && isCollapsible(text.charCodeAt(end - 1))) end--;
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    if (!isCollapsible(text.charCodeAt(i))) continue;
    let runEnd = i;
    let hadNewline = false;
    for (; runEnd < end && isCollapsible(text.charCodeAt(runEnd)); runEnd++) {
      const code = text.charCodeAt(runEnd);
      if (code === 0x0a || code === 0x0d) hadNewline = true;
    }
    // The run ends before `end`, which is never whitespace: both neighbours exist.
    const before = lastCodePoint(text.slice(Math.max(start, i - 2), i));
    const after = firstCodePoint(text.slice(runEnd, runEnd + 2));
    out += text.slice(from, i) + separator(before, after, hadNewline);
    from = runEnd;
    i = runEnd - 1;
  }
  return out + text.slice(from, end);
}

/**
 * Splits inline content at its lifted blocks, so they can stand between
 * paragraphs. Emphasis and links around them are split too, each part keeping
 * its wrapper: `<em>a<img>b</em>` gives [em(a)], figure, [em(b)].
 */
export function splitAtBlocks(nodes: readonly RawInline[]): (RawInline[] | LiftedBlocks)[] {
  const parts: (RawInline[] | LiftedBlocks)[] = [];
  let segment: RawInline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string' || node.t === 'br' || node.t === 'break') {
      segment.push(node);
    } else if (node.t === 'lifted') {
      parts.push(segment, node);
      segment = [];
    } else {
      for (const part of splitAtBlocks(node.c)) {
        if (!Array.isArray(part)) {
          parts.push(segment, part);
          segment = [];
        } else if (part.length > 0) {
          segment.push({ ...node, c: part });
        }
      }
    }
  }
  parts.push(segment);
  return parts;
}

/**
 * Settles whitespace and line breaks of one block's inline content, the way a
 * browser would render it: runs of whitespace become one space (or nothing
 * between wide characters across a line break), nothing at the block's edges,
 * no space next to a line break, no line breaks at the edges, empty emphasis
 * and links dropped, neighbouring strings merged. Lifted blocks must have been
 * split off already; any left are ignored.
 */
export function normalizeInlines(nodes: readonly RawInline[]): Inline[] {
  const out: Inline[] = [];
  new InlineNormalizer().run(nodes, out);
  return out;
}

class InlineNormalizer {
  /** Some visible text has been written. */
  private hasContent = false;
  /**
   * The list where pending whitespace was first seen, so a confirmed space
   * lands where the source had it: `<em>a</em> <a>b</a>` keeps the space
   * outside both. Nothing is pushed to that list until the next word confirms
   * it (containers are pushed only after their content), so it goes at the end.
   */
  private pendingSpace: Inline[] | undefined;
  private pendingNewline = false;
  private pendingBreaks = 0;
  private pendingSoftBreak = false;
  private lastChar = '';

  run(nodes: readonly RawInline[], out: Inline[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') {
        this.text(node, out);
      } else if (node.t === 'br') {
        if (this.hasContent) this.pendingBreaks++;
        this.pendingSpace = undefined;
      } else if (node.t === 'break') {
        if (this.hasContent) this.pendingSoftBreak = true;
        this.pendingSpace = undefined;
      } else if (node.t !== 'lifted') {
        const c: Inline[] = [];
        this.run(node.c, c);
        if (c.length > 0)
          out.push(node.t === 'a' ? { t: 'a', href: node.href, c } : { t: node.t, c });
        // `a<em> </em>b`: the empty emphasis is dropped, its space is not.
        else if (this.pendingSpace === c) this.pendingSpace = out;
      }
    }
  }

  private text(text: string, out: Inline[]): void {
    for (const [, space, word] of text.matchAll(WHITESPACE_OR_WORD)) {
      if (space !== undefined) {
        if (this.hasContent && !this.pendingBreaks && !this.pendingSoftBreak) {
          this.pendingSpace ??= out;
          if (space.includes('\n') || space.includes('\r')) this.pendingNewline = true;
        }
      } else if (word !== undefined) {
        this.word(this.hasContent ? word : word.replace(INDENT, ''), out);
      }
    }
  }

  private word(word: string, out: Inline[]): void {
    if (word === '') return;
    if (this.pendingBreaks > 0 || this.pendingSoftBreak) {
      for (let i = Math.max(1, this.pendingBreaks); i > 0; i--) out.push({ t: 'br' });
    } else if (this.pendingSpace) {
      append(
        this.pendingSpace,
        separator(this.lastChar, firstCodePoint(word), this.pendingNewline),
      );
    }
    this.pendingBreaks = 0;
    this.pendingSoftBreak = false;
    this.pendingSpace = undefined;
    this.pendingNewline = false;
    append(out, word);
    this.lastChar = lastCodePoint(word);
    this.hasContent = true;
  }
}

/** Appends text to a list, merging it into a string already at the end. */
function append(list: Inline[], text: string): void {
  if (text === '') return;
  const index = list.length - 1;
  const last = list[index];
  if (typeof last === 'string') list[index] = last + text;
  else list.push(text);
}
