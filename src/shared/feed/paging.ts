import { absoluteUrl, pageKey } from './page-urls';

/**
 * Following a channel's `next_url`s without being led astray: a feed whose
 * pages link in a circle (A → B → A, or a page naming itself as "a.json#x")
 * would have a download or 「+更多」 fetch the same pages forever, and a
 * `next_url` on another origin would have the app fetch (and store, and show
 * under this portal's name) documents from a site the reader never chose.
 * Every walker of a chain (下载离线, 「+更多」, the article lookup's scan) asks a
 * PageTrail before following a link.
 */

/** What to do after a page, as PageTrail.next answers. */
export type NextPage =
  /** Follow `url` (the normalised form of the page's `next_url`). */
  | { readonly kind: 'follow'; readonly url: string }
  /** The page has no `next_url`: the channel ends here. */
  | { readonly kind: 'end' }
  /**
   * The `next_url` must not be followed; the channel ends here as far as the
   * reader is concerned, and `problem` says why, for developers.
   */
  | { readonly kind: 'refused'; readonly problem: string };

/** The pages of one walk down a channel's `next_url` chain, and where it may go next. */
export class PageTrail {
  /** The feed's own origin: that of the channel's first page. */
  readonly origin: string;
  readonly #visited = new Set<string>();

  /**
   * @param firstUrl The channel's first page (its `feed_url`), absolute or
   *   relative to the current location; its origin is the only one paging stays on.
   * @throws TypeError when it cannot be made absolute.
   */
  constructor(firstUrl: string) {
    const first = absoluteUrl(firstUrl);
    this.origin = new URL(first).origin;
    this.visit(first);
  }

  /**
   * Records pages read on this walk: the URL asked for and, when it differs
   * (a redirect), the URL the page was read from.
   */
  visit(...urls: readonly string[]): void {
    for (const url of urls) {
      const key = pageKey(url);
      if (key !== undefined) this.#visited.add(key);
    }
  }

  /**
   * Whether to follow `nextUrl`, the `next_url` of the last page visited:
   * refused when it leads back to a page of this walk or to another origin.
   */
  next(nextUrl: string | undefined): NextPage {
    if (nextUrl === undefined) return { kind: 'end' };
    const key = pageKey(nextUrl);
    if (key === undefined) {
      return { kind: 'refused', problem: `next_url ${nextUrl}: not a URL; paging stops here` };
    }
    const origin = new URL(key).origin;
    if (origin !== this.origin) {
      return {
        kind: 'refused',
        problem: `next_url ${key}: on ${origin}, not on the feed's own origin ${this.origin}; paging stops here`,
      };
    }
    if (this.#visited.has(key)) {
      return {
        kind: 'refused',
        problem: `next_url ${key}: a page already read on this walk (the pages link in a loop); paging stops here`,
      };
    }
    return { kind: 'follow', url: key };
  }
}
