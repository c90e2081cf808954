import { cleanLine, stripControls } from './line-text';

/**
 * Text repair for untrusted feed fields: control and bidi-override characters
 * out, one-line fields on one line, over-long text shortened at a sensible
 * boundary. Every function here makes a bounded number of passes over its
 * input (no regular expression that can backtrack over a run), because a feed
 * document is up to 2 MiB of whatever its producer wrote.
 */

// The one-line repairs are in their own module (the page's first load uses them).
export { cleanLine, stripControls };

/** Characters after which shortened text may end: Chinese and Latin punctuation, spaces. */
const BREAKS = new Set([...' 　，。、；：！？,.;:!?）)]」』”’》】·—-…']);

/** Grapheme boundaries of `text` (its length included), or code point boundaries without Intl.Segmenter. */
function boundaries(text: string): number[] {
  const ends: number[] = [];
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { index, segment } of segmenter.segment(text)) ends.push(index + segment.length);
  } else {
    let index = 0;
    for (const char of text) ends.push((index += char.length));
  }
  return ends;
}

/**
 * Shortens `text` to at most `max` UTF-16 units including a trailing 「…」. It
 * ends after a punctuation mark or space in the last fifth when there is one,
 * else at the last grapheme boundary that fits: never inside a surrogate
 * pair, an emoji sequence or a letter with its combining marks. Text that
 * fits is returned as is.
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  const budget = Math.max(0, max - 1);
  // A boundary at `i` depends only on what precedes it and the code point at
  // `i`, so segmenting two units (one whole code point) past the budget gives
  // the true boundaries up to the budget.
  const ends = boundaries(text.slice(0, budget + 2)).filter((end) => end <= budget);
  let end = ends.at(-1) ?? 0;
  const floor = Math.floor(budget * 0.8);
  for (let k = ends.length - 1; k >= 0; k--) {
    const candidate = ends[k] ?? 0;
    if (candidate <= floor) break;
    if (BREAKS.has(text.charAt(candidate - 1))) {
      end = candidate;
      break;
    }
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Sentence ends: the first one closes a derived headline. */
const SENTENCE_END = new Set([...'。！？!?']);

/** A letter or a digit (a whole code point). */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * A headline for an item that has none (a micro-post): the first sentence of
 * `text` (it ends at 。！？!? or a full stop before a space), on one line, starting at its first letter or
 * digit, shortened to `max` units. Empty only when the text has no letters or
 * digits at all. Only the head of the text is read.
 */
export function headlineFromText(text: string, max: number): string {
  const line = cleanLine(text.slice(0, max * 4));
  let start = 0;
  while (start < line.length && !LETTER_OR_DIGIT.test(line.slice(start, start + 2))) start++;
  if (start === line.length) return '';
  let end = line.length;
  for (let i = start; i < line.length; i++) {
    const char = line.charAt(i);
    // A Latin full stop ends a sentence only before a space: not in 3.5 or example.com.
    if (SENTENCE_END.has(char) || (char === '.' && line.charAt(i + 1) === ' ')) {
      end = i;
      break;
    }
  }
  return shortenText(line.slice(start, end).trimEnd(), max);
}
