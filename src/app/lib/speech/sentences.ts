/** One sentence of a paragraph, with where it sits in the paragraph's text. */
export interface Sentence {
  /** The sentence as spoken (trimmed). */
  readonly text: string;
  /** Offset of its first character in the paragraph text (for highlighting). */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
}

/** Punctuation that ends a Chinese (or Western) sentence. */
const ENDERS = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
/** Closing marks that belong to the sentence they follow (”」』）》 etc.). */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'", '】']);

/**
 * Splits Chinese text into sentences on 。！？；… and keeps closing quotes
 * and brackets with the sentence they end, so “……。” reads as one unit.
 * A run of enders (……, ！？) stays together. A full stop between digits
 * (2.5) is not an ender, and 。 only counts in its full-width form, so
 * numbers like 2022年 or 3.5% are never cut. Whitespace-only pieces are
 * dropped; offsets point into `text` so a highlight can cover exactly the
 * sentence being spoken.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let index = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      sentences.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    }
    start = end;
  };
  while (index < text.length) {
    const char = text.charAt(index);
    index += 1;
    if (!ENDERS.has(char)) continue;
    // Swallow a run of enders and then any closing quotes/brackets.
    while (index < text.length && ENDERS.has(text.charAt(index))) index += 1;
    while (index < text.length && CLOSERS.has(text.charAt(index))) index += 1;
    push(index);
  }
  push(text.length);
  return sentences;
}
