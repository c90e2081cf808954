import { CJK, foldText, SEPARATOR, WORD } from './normalize';

/**
 * Terms, as in Lucene's CJK analyzer with unigrams: a run of CJK characters
 * gives every character and every pair of neighbours (数字强省 → 数 字 强 省,
 * 数字 字强 强省), so any substring of one character or more can be found
 * without a dictionary — 懵逼 finds 懵逼了, and so does a phrase across a word
 * boundary. A run of letters and digits of other scripts is one term (5g,
 * 2023, abc123).
 *
 * A term is a 32-bit number: a BMP CJK character is its own code point, a
 * pair of them `first × 65536 + second` (always ≥ 0x30050000, as CJK starts at
 * U+3005), and anything else a hash into the range in between. Hashes may
 * collide; results are checked against the stored text before they are shown.
 */

/** Longest word kept, in characters (longer runs such as URLs are cut). */
const MAX_WORD = 40;
/** Hashed terms live in [HASH_BASE, HASH_BASE + HASH_SPACE): above code points, below pairs. */
const HASH_BASE = 0x10000;
const HASH_SPACE = 0x30050000 - HASH_BASE;

/** FNV-1a over UTF-16 units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The id of a term that is not a BMP CJK character or pair. */
export function hashedTerm(text: string): number {
  return HASH_BASE + (fnv1a(text) % HASH_SPACE);
}

/** The id of one CJK character. */
export function unigramTerm(code: number): number {
  return code <= 0xffff ? code : hashedTerm(String.fromCodePoint(code));
}

/** The id of a pair of neighbouring CJK characters. */
export function bigramTerm(first: number, second: number): number {
  return first <= 0xffff && second <= 0xffff
    ? first * 0x10000 + second
    : hashedTerm(String.fromCodePoint(first, second));
}

/** The id of two tokens written together without a separator (2023年, 5g网络): word ↔ CJK character. */
export function junctionTerm(left: string, right: string): number {
  return hashedTerm(`${left}\u0000${right}`);
}

/**
 * Calls `emit` with every term of `text`, repeats included, in order: each
 * CJK character, each pair of neighbouring CJK characters, each word, and
 * where a word touches a CJK character, that junction (so 5月 is a phrase in
 * the index, not just 5 and 月 somewhere).
 * @returns the text's length in folded characters that are not separators.
 */
export function forEachTerm(text: string, emit: (term: number) => void): number {
  let length = 0;
  let previous = -1;
  let word = '';
  let before = -1;
  const endWord = (next: number): void => {
    if (!word) return;
    emit(hashedTerm(word));
    if (before >= 0) emit(junctionTerm(String.fromCodePoint(before), word));
    if (next >= 0) emit(junctionTerm(word, String.fromCodePoint(next)));
    word = '';
    before = -1;
  };
  foldText(text, (code, kind) => {
    if (kind === CJK) {
      endWord(code);
      emit(unigramTerm(code));
      if (previous >= 0) emit(bigramTerm(previous, code));
      previous = code;
      length++;
    } else if (kind === WORD) {
      if (!word) before = previous;
      previous = -1;
      if (word.length < MAX_WORD) word += String.fromCodePoint(code);
      length++;
    } else {
      endWord(-1);
      previous = -1;
    }
  });
  endWord(-1);
  return length;
}

/** One phrase of a query: a part between separators. */
export interface QueryPhrase {
  /** Folded: what must appear in the document's folded text, and what is marked in results. */
  readonly text: string;
  /** The terms a document needs to have the phrase. */
  readonly terms: readonly number[];
}

/** A query as the index sees it. */
export interface ParsedQuery {
  /** Every term of every phrase, each once. */
  readonly terms: readonly number[];
  /** The phrases, each once, in order. */
  readonly phrases: readonly QueryPhrase[];
}

/** Folded characters of a query kept at most: a pasted paragraph is not a search. */
const MAX_QUERY = 64;

/**
 * The terms and phrases of a query. A CJK run of one character needs that
 * character; a longer run needs every pair of neighbours (not the single
 * characters: the pairs imply them, and single characters have the longest
 * posting lists); a word needs itself, and touching tokens their junction.
 */
export function parseQuery(query: string): ParsedQuery {
  const phrases: QueryPhrase[] = [];
  let kept = 0;
  let phrase = '';
  let current = new Set<number>();
  let run: number[] = [];
  let word = '';
  let before = -1;
  const endRun = (): void => {
    if (run.length === 1) current.add(unigramTerm(run[0] ?? 0));
    for (let i = 1; i < run.length; i++) current.add(bigramTerm(run[i - 1] ?? 0, run[i] ?? 0));
    run = [];
  };
  const endWord = (next: number): void => {
    if (!word) return;
    current.add(hashedTerm(word));
    if (before >= 0) current.add(junctionTerm(String.fromCodePoint(before), word));
    if (next >= 0) current.add(junctionTerm(word, String.fromCodePoint(next)));
    word = '';
    before = -1;
  };
  const endPhrase = (): void => {
    if (phrase && !phrases.some((known) => known.text === phrase)) {
      phrases.push({ text: phrase, terms: [...current] });
    }
    phrase = '';
    current = new Set();
  };
  foldText(query, (code, kind) => {
    if (kind !== SEPARATOR && kept++ >= MAX_QUERY) return;
    if (kind === CJK) {
      endWord(code);
      run.push(code);
      phrase += String.fromCodePoint(code);
    } else if (kind === WORD) {
      if (!word) before = run[run.length - 1] ?? -1;
      endRun();
      if (word.length < MAX_WORD) word += String.fromCodePoint(code);
      phrase += String.fromCodePoint(code);
    } else {
      endRun();
      endWord(-1);
      endPhrase();
    }
  });
  endRun();
  endWord(-1);
  endPhrase();
  const terms = new Set(phrases.flatMap((entry) => entry.terms));
  return { terms: [...terms], phrases };
}
