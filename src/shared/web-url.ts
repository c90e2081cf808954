/**
 * The one check every renderer makes before a feed-provided URL becomes an
 * `href` or `src` (阅读原文, body links, figures and the lead image, list
 * thumbnails and gallery cards, the share address; the service worker's boot
 * view renders the same components). Only http(s) URLs pass: `javascript:`,
 * `vbscript:`, `data:`, `blob:`, `file:` and the rest never reach a page,
 * whatever their spelling, as the check reads the URL the way the browser will
 * (the WHATWG parser ignores case, strips tabs, newlines and leading control
 * characters and spaces). The feed module already emits nothing else; the
 * renderers check again as defence in depth, since a stored record may come
 * from an older version or another producer.
 */

/** Whether `href` is an absolute http(s) URL: the only links and images the app writes into a page. */
export function isWebUrl(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * `value` when it is a web URL ({@link isWebUrl}), else `undefined`: what a
 * renderer puts into an `href` or `src`, rendering nothing (or text) otherwise.
 */
export function webUrl(value: string | undefined): string | undefined {
  return value !== undefined && isWebUrl(value) ? value : undefined;
}
