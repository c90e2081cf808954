/**
 * The one feed URL that is derived instead of read from a document. A module of
 * its own, without imports, because the page's first load needs it and none of
 * the URL checks of urls.ts.
 */

/**
 * The URL of article `id`'s own document (docs/feed-format.md, "One document
 * per article"): `articles/{encodeURIComponent(id)}.json` relative to
 * `feedBase` (FEED_BASE, absolute). Unlike every other feed URL it is derived,
 * not read from a document, so that a link to any article can be opened
 * without reading a channel first. The id is encoded, so it can never reach
 * outside `articles/` (no `/`, `?` or `#` survives; `.` and `..` become
 * `..json` and `...json`).
 */
export function articleDocumentUrl(feedBase: string, id: string): string {
  return new URL(`articles/${encodeURIComponent(id)}.json`, feedBase).href;
}
