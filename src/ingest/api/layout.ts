/**
 * How a channel's articles are cut into feed pages, so that adding one article rewrites one
 * page, not all of them.
 *
 * Archive pages hold exactly {@link PAGE_SIZE} articles counted from the oldest
 * (`<channel>-1.json` the 20 oldest, `<channel>-2.json` the next 20 …); the newest articles
 * that do not fill an archive page yet are only on the first page. The first page
 * (`<channel>.json`, the portal's list) always shows the newest 20, so it overlaps the newest
 * archive page by up to 19 articles; readers keep one copy per id (docs/feed-format.md,
 * Paging), so 「+更多」 adds just the articles not shown yet. The first page links to the
 * newest archive page and each archive page to the one before it: every article is reachable.
 * A new article rewrites the first page, and every 20th one adds an archive page; an archive
 * page changes only when one of its own articles does.
 */

/** Articles per page. */
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
  // Full chunks of 20 from the oldest, except one that would repeat the first page entirely.
  const archives = count === 0 ? 0 : Math.floor((count - 1) / PAGE_SIZE);
  const archiveName = (k: number): string => `${channelId}-${k}.json`;
  const pages: PageSlice[] = [
    {
      name: firstPageName(channelId),
      start: 0,
      end: Math.min(PAGE_SIZE, count),
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
