import { simplifiedOf } from './t2s';

/**
 * Folding text for search, one character at a time: full-width forms become
 * half-width (ＡＢＣ１２３ → abc123), letters lower case, compatibility forms
 * their plain ones (NFKC), traditional Han characters simplified (t2s.ts),
 * and every character is classed as CJK, part of a word, or a separator
 * (punctuation, spaces, symbols). Working per character keeps a map from the
 * folded text back to the original, which highlighting needs.
 *
 * The common cases (ASCII, full-width ASCII, CJK ideographs) take a fast path;
 * anything else goes through `String.prototype.normalize` once and is cached.
 */

/** A separator: punctuation, space, symbol. Ends words and CJK runs. */
export const SEPARATOR = 0;
/** A CJK character (Han, kana, hangul): indexed alone and in pairs. */
export const CJK = 1;
/** A letter or digit of other scripts: part of a word token. */
export const WORD = 2;

/** One of SEPARATOR, CJK, WORD. */
export type CharKind = typeof SEPARATOR | typeof CJK | typeof WORD;

/** Han ideographs (unified, extension A and beyond, compatibility). */
function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x323af) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Characters that are written without spaces between words: Han, kana, hangul, 々 and 〇. */
export function isCjk(code: number): boolean {
  return (
    isHan(code) ||
    (code >= 0x3040 && code <= 0x30ff && code !== 0x30fb) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    code === 0x3005 ||
    code === 0x3007
  );
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
const kindCache = new Map<number, CharKind>();

/** The kind of an already folded character. */
export function kindOf(code: number): CharKind {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) ? WORD : SEPARATOR;
  }
  if (isCjk(code)) return CJK;
  let kind = kindCache.get(code);
  if (kind === undefined) {
    kind = LETTER_OR_DIGIT.test(String.fromCodePoint(code)) ? WORD : SEPARATOR;
    kindCache.set(code, kind);
  }
  return kind;
}

const slowCache = new Map<number, readonly number[]>();

/** What a character outside the fast ranges folds to (possibly several characters, or none). */
function foldSlow(code: number): readonly number[] {
  let folded = slowCache.get(code);
  if (!folded) {
    const text = String.fromCodePoint(code).normalize('NFKC').toLowerCase();
    folded = Array.from(text, (char) => {
      const point = char.codePointAt(0) ?? 0;
      return isHan(point) ? simplifiedOf(point) : point;
    });
    slowCache.set(code, folded);
  }
  return folded;
}

/**
 * The folded form of one character as a single code point, or -1 when it
 * folds to several characters or none (then use {@link foldText}).
 */
function foldFast(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (code >= 0xff01 && code <= 0xff5e) return foldFast(code - 0xfee0);
  if (code === 0x3000) return 0x20;
  if (isHan(code)) return simplifiedOf(code);
  return -1;
}

/**
 * Walks the folded form of `text`, calling `visit` for each folded character
 * with its kind and the UTF-16 range `[start, end)` of the original character
 * it comes from (several folded characters may share one range).
 */
export function foldText(
  text: string,
  visit: (code: number, kind: CharKind, start: number, end: number) => void,
): void {
  const length = text.length;
  for (let i = 0; i < length;) {
    let code = text.charCodeAt(i);
    let end = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && end < length) {
      const low = text.charCodeAt(end);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        end++;
      }
    }
    const fast = foldFast(code);
    if (fast >= 0) visit(fast, kindOf(fast), i, end);
    else for (const folded of foldSlow(code)) visit(folded, kindOf(folded), i, end);
    i = end;
  }
}

const utf16 = new TextDecoder('utf-16le');

/** UTF-16 units collected in typed arrays (growing), turned into a string at the end. */
class UnitBuffer {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Appends code point `code` (one or two units), both mapped to `[start, end)`. */
  push(code: number, start: number, end: number): void {
    if (code > 0xffff) {
      this.unit(0xd800 + Math.floor((code - 0x10000) / 0x400), start, end);
      this.unit(0xdc00 + ((code - 0x10000) % 0x400), start, end);
    } else this.unit(code, start, end);
  }

  private unit(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) {
      const grow = <T extends Uint16Array | Int32Array>(array: T, make: (n: number) => T): T => {
        const bigger = make(array.length * 2 + 8);
        bigger.set(array);
        return bigger;
      };
      this.units = grow(this.units, (n) => new Uint16Array(n));
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
    }
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /**
   * The collected units as a string. TextDecoder reads the array's bytes as
   * UTF-16LE, the byte order of typed arrays on every platform a browser runs
   * on; a lone surrogate becomes U+FFFD, still one unit, so offsets hold.
   */
  text(): string {
    return utf16.decode(this.units.subarray(0, this.length));
  }
}

/** Folds `text` into a buffer of units with their original ranges. */
function foldToBuffer(text: string): UnitBuffer {
  const buffer = new UnitBuffer(text.length + 8);
  foldText(text, (code, _kind, start, end) => buffer.push(code, start, end));
  return buffer;
}

/** `text` folded, as a string (for comparing and for the query's echo). */
export function foldString(text: string): string {
  return foldToBuffer(text).text();
}

/** Folded text with, for each of its UTF-16 units, the original range it came from. */
export interface FoldedText {
  readonly folded: string;
  /** Original start of each folded UTF-16 unit. */
  readonly starts: Int32Array;
  /** Original end of each folded UTF-16 unit. */
  readonly ends: Int32Array;
}

/** Folds `text` and keeps the way back to the original, for highlighting. */
export function foldWithOffsets(text: string): FoldedText {
  const buffer = foldToBuffer(text);
  return {
    folded: buffer.text(),
    starts: buffer.starts.subarray(0, buffer.length),
    ends: buffer.ends.subarray(0, buffer.length),
  };
}
