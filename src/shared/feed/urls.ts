import { LIMITS } from './limits';

export { absoluteUrl, pageKey } from './page-urls';

/**
 * URL rules of the feed contract: every URL in a document is resolved against
 * the document's own URL, and only http(s) URLs may become links, images or
 * feed addresses. Schemes that run code or read local data (javascript:,
 * vbscript:, data:, file:, blob:…) are refused, whatever their spelling: the
 * WHATWG URL parser strips tabs, newlines and leading control characters and
 * lower-cases the scheme, so "JaVa\tScRiPt:" is recognised for what it is.
 * Item ids are never URLs and never pass through here.
 */

/**
 * Resolves `value` against `base` and returns the absolute URL when it is
 * http(s), at most `LIMITS.urlLength` long and without user name or password
 * (https://www.dzwww.com@evil.example/ is a classic way to disguise a host).
 * Returns `undefined` for anything else, including unparseable input.
 */
export function resolveHttpUrl(value: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href.length <= LIMITS.urlLength ? url.href : undefined;
}

/**
 * {@link resolveHttpUrl} for an image the page will load: https from anywhere,
 * plain http only from the feed document's own origin. That is what the
 * page's Content-Security-Policy lets load (`img-src 'self' https:` plus the
 * feed origin, server/app.js); any other http image would be blocked there
 * (and is mixed content on an https page), so it is treated like any URL the
 * app cannot use: a lead image is dropped, a figure shows its text.
 */
export function resolveImageUrl(value: string, docUrl: string): string | undefined {
  const url = resolveHttpUrl(value, docUrl);
  if (url === undefined || url.startsWith('https:')) return url;
  return new URL(url).origin === new URL(docUrl).origin ? url : undefined;
}
