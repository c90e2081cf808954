// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the dictionary entry point has no published types; this names them for every tsconfig project that reaches this file (tests and benchmarks included)
/// <reference path="./opencc-dict.d.ts" />
import dictionary from 'opencc-js/dict/TSCharacters';

/**
 * Traditional → simplified Chinese, one character at a time, so 東 finds 东
 * and 魯 finds 鲁. The table is OpenCC's character dictionary (TSCharacters:
 * about 3,500 pairs, 17 KB gzip), the well-kept source opencc-js packages.
 * Phrase-level conversions (乾燥 → 干燥) are left out on purpose: search
 * folds both the text and the query with the same per-character table, so
 * matching stays symmetric, and offsets into the original text stay exact
 * for highlighting.
 *
 * Only lazily loaded code imports this module (the search chunk and the
 * service worker), never the page's first load.
 */

/** The BMP range the flat table covers: CJK extension A and the unified ideographs. */
const FIRST = 0x3400;
const LAST = 0x9fff;

let flat: Uint16Array | undefined;
let others: Map<number, number> | undefined;

/** Parses the dictionary once, on first use: a flat table for the common range, a map beyond. */
function load(): Uint16Array {
  const table = new Uint16Array(LAST - FIRST + 1);
  const map = new Map<number, number>();
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    const source = from?.codePointAt(0);
    const target = to?.codePointAt(0);
    // Only one-character ↔ one-character pairs: anything else would move offsets.
    if (source === undefined || target === undefined) continue;
    if (String.fromCodePoint(source) !== from || String.fromCodePoint(target) !== to) continue;
    if (source >= FIRST && source <= LAST && target <= 0xffff) table[source - FIRST] = target;
    else map.set(source, target);
  }
  others = map;
  flat = table;
  return table;
}

/** The simplified form of the Han character `code`, or `code` itself. */
export function simplifiedOf(code: number): number {
  const table = flat ?? load();
  if (code >= FIRST && code <= LAST) return table[code - FIRST] || code;
  return others?.get(code) ?? code;
}
