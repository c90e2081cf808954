/**
 * The URLs the app asks for, apart from the feed contract's URL rules
 * (./urls.ts, which re-exports these): the page's first load pages through
 * channels with them and must not carry the rules only the feed parser uses.
 */

/**
 * The absolute form of a URL the app asks for. Relative URLs (the default
 * FEED_BASE is `/api/`) resolve against the current page or worker location;
 * outside a browser they must already be absolute.
 * @throws TypeError when the URL cannot be made absolute.
 */
export function absoluteUrl(url: string): string {
  const here = (globalThis as { location?: { href?: string } }).location?.href;
  return new URL(url, here).href;
}

/**
 * The key that identifies the document a feed page URL names: `url` resolved
 * against `base`, without its fragment (never sent to the server) and without
 * an empty query ("a.json?" fetches "a.json"), with scheme and host as the URL
 * API normalises them (lower case, default port dropped). Two URLs with the
 * same key fetch the same document, so paging compares keys, never strings.
 * Returns `undefined` for what cannot be parsed.
 */
export function pageKey(url: string, base?: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return undefined;
  }
  parsed.hash = '';
  // `search` reads '' both for no query and for a bare "?"; writing '' drops the "?".
  if (parsed.search === '') parsed.search = '';
  return parsed.href;
}
