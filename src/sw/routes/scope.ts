/**
 * Which URLs the worker's routes may touch. Pure functions (no worker globals) so
 * the unit tests check the same rules the worker runs.
 */

/** Escapes `text` for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Navigations that must reach the network instead of getting the app shell. It
 * mirrors server/app.js (`isAppPath`): the API and `/assets/` only hold files,
 * and a last path segment with an extension is a file (`/robots.txt`, `/sw.js`)
 * unless it is under an app route whose ids may contain dots (`/article/x.y`).
 *
 * Workbox matches these against pathname + search, so the extension rule stops
 * at `?`: `/search?q=a.b` is still the search page.
 *
 * @param feedBase FEED_BASE as built (e.g. `/api/` or `https://feeds.example.com/api/`).
 * @param origin The worker's origin; a FEED_BASE on another origin never matches navigations here.
 */
export function navigationDenylist(feedBase: string, origin: string): RegExp[] {
  const denylist = [
    /^\/api\//,
    /^\/assets\//,
    /^(?!\/(?:channel|article|about)\/)[^?]*\.[A-Za-z0-9]+(?:\?|$)/,
  ];
  const feed = new URL(feedBase, `${origin}/`);
  if (feed.origin === origin && feed.pathname !== '/' && !feed.pathname.startsWith('/api/')) {
    denylist.push(new RegExp(`^${escapeRegExp(feed.pathname)}`));
  }
  return denylist;
}

/**
 * Origins whose images the worker caches: its own and the feed's. The worker's
 * CSP (`connect-src`) lets it fetch from nowhere else, so intercepting an image
 * from a third origin would turn a picture the page may show (img-src https:)
 * into a blocked fetch; those are left to the browser.
 */
export function imageOrigins(feedBase: string, origin: string): ReadonlySet<string> {
  return new Set([origin, new URL(feedBase, `${origin}/`).origin]);
}

/** FEED_BASE as an absolute URL (it may be relative to the worker's origin, e.g. `/api/`). */
export function feedBaseUrl(feedBase: string, origin: string): string {
  return new URL(feedBase, `${origin}/`).href;
}

/** The channel directory's URL: `channels.json` under FEED_BASE. */
export function directoryUrl(feedBase: string, origin: string): string {
  return new URL('channels.json', feedBaseUrl(feedBase, origin)).href;
}
