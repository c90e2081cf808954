/**
 * How a channel's articles are cut into feed pages, so that adding one article rewrites one
 * page, not all of them.
 *
 * The first page (`<channel>.json`, the portal's list) holds the newest articles; older ones
 * sit in archive pages of exactly {@link PAGE_SIZE} counted from the oldest article
 * (`<channel>-1.json` holds the 20 oldest, `<channel>-2.json` the next 20 …). The first page
 * links to the newest archive page and each archive page to the one before it, so every
 * article stays reachable through `next_url`. A new article only grows the first page; when it
 * reaches twice the page size, its oldest 20 become the next archive page. Archive pages
 * change only when an old article is added, changed or removed.
 */

/** Articles per archive page; the first page holds between this and twice this. */
export const PAGE_SIZE = 20;

/** One page of a channel: which members (indexes into the newest-first list) it holds. */
export interface PageSlice {
  /** File name under `feeds/`. */
  readonly name: string;
  /** Start (inclusive) and end (exclusive) in the newest-first member list. */
  readonly start: number;
  readonly end: number;
  /** File name of the next, older page. */
  readonly next?: string;
}

/** File name of a channel's first page. */
export function firstPageName(channelId: string): string {
  return `${channelId}.json`;
}

/** The pages of a channel with `count` members. A channel with none still has a first page. */
export function channelLayout(channelId: string, count: number): PageSlice[] {
  const archives = count < 2 * PAGE_SIZE ? 0 : Math.floor(count / PAGE_SIZE) - 1;
  const headEnd = count - archives * PAGE_SIZE;
  const archiveName = (k: number): string => `${channelId}-${k}.json`;
  const pages: PageSlice[] = [
    {
      name: firstPageName(channelId),
      start: 0,
      end: headEnd,
      ...(archives > 0 ? { next: archiveName(archives) } : {}),
    },
  ];
  for (let k = archives; k >= 1; k--) {
    const end = count - (k - 1) * PAGE_SIZE;
    pages.push({
      name: archiveName(k),
      start: end - PAGE_SIZE,
      end,
      ...(k > 1 ? { next: archiveName(k - 1) } : {}),
    });
  }
  return pages;
}
