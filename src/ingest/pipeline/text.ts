/**
 * Small, linear text helpers for fields coming from untrusted sources. Every function
 * here runs in one pass (no regex that can backtrack over a run of text).
 */

/** Whitespace of every kind, including the ideographic space, collapsed to one space; trimmed. */
export function cleanLine(value: string): string {
  return value.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/**
 * Shortening and headline derivation are the reader's own (src/shared/feed/clean-text.ts), so
 * what ingest writes is shortened exactly as the app would shorten it.
 */
export { headlineFromText, shortenText as shorten } from '../../shared/feed/clean-text';

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
