/**
 * Small, linear text helpers for fields coming from untrusted sources. Every function
 * here runs in one pass (no regex that can backtrack over a run of text).
 */

/** Whitespace of every kind, including the ideographic space, collapsed to one space; trimmed. */
export function cleanLine(value: string): string {
  return value.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** Characters after which a shortened text may end: punctuation and spaces. */
const BREAKS = new Set([...' ，。、；：！？,.;:!?）)」』”’》】·—-']);

/**
 * Shortens `text` to at most `max` UTF-16 units including the trailing 「…」, ending at a
 * punctuation mark or space in the last fifth if there is one, never inside a surrogate pair.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair (CJK Extension B names are common in Chinese news).
  if (isLowSurrogate(text.charCodeAt(end))) end -= 1;
  const floor = Math.floor(end * 0.8);
  for (let i = end; i > floor; i--) {
    if (BREAKS.has(text.charAt(i - 1))) {
      end = i;
      break;
    }
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A headline for an item that has none (a micro-post): its first sentence, shortened. The
 * sentence ends at 。！？ (not at punctuation the text starts with); at most `max` units.
 * Empty only when the text has no letters or digits at all.
 */
export function headlineFromText(text: string, max: number): string {
  const line = cleanLine(text.slice(0, max * 4));
  let start = 0;
  while (start < line.length && !/[\p{L}\p{N}]/u.test(line.charAt(start))) start++;
  let end = line.length;
  for (let i = start; i < line.length; i++) {
    const ch = line.charAt(i);
    if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?') {
      end = i;
      break;
    }
  }
  return start < line.length ? shorten(line.slice(start, end), max) : '';
}

/** True for control characters other than tab, line feed and carriage return. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      return true;
    }
  }
  return false;
}
