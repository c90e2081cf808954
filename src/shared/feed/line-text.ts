/**
 * The control-character and one-line repairs of ./clean-text.ts, on their
 * own: the page's first load cleans a page title with them, and must not
 * carry the shortening that only the feed parser uses. Re-exported there.
 */

/**
 * Whether a UTF-16 code unit is removed from feed text: C0 controls (tab, line
 * feed and carriage return are decided by the caller), DEL and C1 controls, and
 * the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * with which a feed could make a headline read differently from what it is
 * (「‮txt.exe」). The bidi *marks* (U+200E LRM, U+200F RLM, U+061C ALM) are kept:
 * they only settle the direction of neighbouring punctuation, legitimate
 * right-to-left text needs them, and the page isolates every feed string
 * (`<bdi>`, `dir="auto"`), so they cannot reach the text around it.
 */
function isStripped(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Tab, line feed, form feed, carriage return and the Unicode line and paragraph separators. */
function isLineOrTab(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0c ||
    code === 0x0d ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/**
 * `text` without control characters and bidi embeddings, overrides and
 * isolates. In `multiline` text (bodies, summaries) tab, line feed and
 * carriage return stay, and U+2028/U+2029 become line feeds; in one-line text
 * all four become spaces. One pass; the input is returned as is when clean.
 */
export function stripControls(text: string, multiline = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLineOrTab(code)) {
      const keep = multiline && code < 0x20;
      if (keep) continue;
      out += text.slice(from, i) + (multiline ? '\n' : ' ');
      from = i + 1;
    } else if (isStripped(code)) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** HTML's collapsible whitespace (ideographic and no-break spaces are deliberate, and stay). */
const COLLAPSIBLE = /[ \t\n\r\f\v]+/g;

/**
 * A one-line field (headline, 来源, an author, a tag…): controls stripped,
 * every run of collapsible whitespace one space, trimmed.
 */
export function cleanLine(text: string): string {
  // A single character class with nothing after it cannot backtrack: linear.
  return stripControls(text).replace(COLLAPSIBLE, ' ').trim();
}
