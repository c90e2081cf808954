import { foldWithOffsets } from './normalize';

/**
 * Highlighting: where the query's groups occur in a stored text, and a short
 * excerpt around the first occurrence. Matching happens on the folded text
 * (so ＡＢＣ and 東 match abc and 东) and is mapped back to the original
 * characters, which is what the reader sees.
 */

/** A piece of text, marked when it matches the query. */
export interface TextPart {
  readonly text: string;
  readonly mark: boolean;
}

/** Ranges `[start, end)` of the original `text` where any of `needles` (folded) occurs, merged. */
export function matchRanges(text: string, needles: readonly string[]): [number, number][] {
  const { folded, starts, ends } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (
      let at = folded.indexOf(needle);
      at >= 0;
      at = folded.indexOf(needle, at + needle.length)
    ) {
      ranges.push([starts[at] ?? 0, ends[at + needle.length - 1] ?? 0]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** `text[from, to)` cut into parts, with `ranges` marked. */
function parts(
  text: string,
  ranges: readonly [number, number][],
  from: number,
  to: number,
): TextPart[] {
  const out: TextPart[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const markStart = Math.max(start, from);
    const markEnd = Math.min(end, to);
    if (markStart > at) out.push({ text: text.slice(at, markStart), mark: false });
    out.push({ text: text.slice(markStart, markEnd), mark: true });
    at = markEnd;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

/** All of `text`, with every occurrence of `needles` marked (for headlines). */
export function highlight(text: string, needles: readonly string[]): TextPart[] {
  return parts(text, matchRanges(text, needles), 0, text.length);
}

/** Characters shown before the first match of an excerpt. */
const LEAD = 24;
/** Characters an excerpt shows at most. */
const LENGTH = 96;

/** Moves `index` off the second half of a surrogate pair. */
function snap(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/** Where the first of `needles` occurs in `text` without folding (lower case only), or -1. */
function firstPlainMatch(text: string, needles: readonly string[]): number {
  const lower = text.toLowerCase();
  // Lower-casing can change the length of a few scripts' letters: then positions would not map back.
  if (lower.length !== text.length) return -1;
  let first = -1;
  for (const needle of needles) {
    const at = needle ? lower.indexOf(needle) : -1;
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** Longest needle, in UTF-16 units. */
function longest(needles: readonly string[]): number {
  return needles.reduce((most, needle) => Math.max(most, needle.length), 0);
}

/**
 * An excerpt of `text` around its first match of `needles` (or its start when
 * none matches), with the matches marked and "…" where it was cut. When a
 * match is found without folding (the usual case), only the excerpt's
 * surroundings are folded to mark matches, not the whole text.
 */
export function excerpt(text: string, needles: readonly string[]): TextPart[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const plain = firstPlainMatch(flat, needles);
  let first: number;
  let ranges: [number, number][];
  if (plain >= 0) {
    // Fold just enough around the excerpt to mark every match in it, cut ones included
    // (it may start up to LENGTH before the match when the match is near the end).
    const reach = longest(needles) * 4 + 8;
    const windowStart = Math.max(0, plain - LENGTH - reach);
    const windowEnd = Math.min(flat.length, plain + LENGTH + reach);
    ranges = matchRanges(flat.slice(windowStart, windowEnd), needles).map(([start, end]) => [
      start + windowStart,
      end + windowStart,
    ]);
    first = plain;
  } else {
    ranges = matchRanges(flat, needles);
    first = ranges[0]?.[0] ?? 0;
  }
  let from = snap(flat, Math.max(0, first - LEAD));
  let to = snap(flat, Math.min(flat.length, from + LENGTH));
  // Never cut a match in two at the end.
  const cut = ranges.find(([start, end]) => start < to && end > to);
  if (cut) to = cut[1];
  if (to - from < LENGTH) from = snap(flat, Math.max(0, to - LENGTH));
  const body = parts(flat, ranges, from, to);
  return [
    ...(from > 0 ? [{ text: '…', mark: false }] : []),
    ...body,
    ...(to < flat.length ? [{ text: '…', mark: false }] : []),
  ];
}

/** Whether `text` contains every one of `needles` once folded. */
export function containsAll(folded: string, needles: readonly string[]): boolean {
  return needles.every((needle) => folded.includes(needle));
}
