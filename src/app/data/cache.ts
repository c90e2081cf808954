import type { Article, ChannelDirectory, FeedPage } from '../../shared/feed/types';

/**
 * The page's in-memory copy of everything it has read this visit.
 *
 * This is where persistence plugs in: the next step puts IndexedDB (written by
 * the service worker) behind these same functions, so `index.ts` and every
 * component keep calling the same domain API whether an answer comes from
 * memory, from IndexedDB or from the network. Nothing outside src/app/data
 * touches this module.
 */

/** An article and the channels whose pages it was seen in, first seen first. */
export interface CachedArticle {
  readonly article: Article;
  readonly channelIds: readonly string[];
}

let directory: ChannelDirectory | undefined;
const pagesByUrl = new Map<string, FeedPage>();
/** Per channel, the URLs of its pages loaded so far, in order from the first page. */
const pageChains = new Map<string, string[]>();
const articlesById = new Map<string, CachedArticle>();

/** The channel directory, if loaded. */
export function cachedDirectory(): ChannelDirectory | undefined {
  return directory;
}

/** Remembers the channel directory. */
export function storeDirectory(value: ChannelDirectory): void {
  directory = value;
}

/** A feed page by its absolute URL, if loaded. */
export function cachedPage(url: string): FeedPage | undefined {
  return pagesByUrl.get(url);
}

/**
 * Remembers a page of `channelId` and indexes its articles. `isFirst` marks
 * the channel's first page; later pages extend the chain only when they are
 * the `nextUrl` of its last page, so the chain is always a gapless prefix.
 */
export function storePage(channelId: string, page: FeedPage, isFirst: boolean): void {
  pagesByUrl.set(page.url, page);
  const chain = pageChains.get(channelId);
  if (isFirst) {
    if (!chain || chain[0] !== page.url) pageChains.set(channelId, [page.url]);
  } else if (chain) {
    const last = pagesByUrl.get(chain[chain.length - 1] ?? '');
    if (last?.nextUrl === page.url && !chain.includes(page.url)) chain.push(page.url);
  }
  for (const article of page.items) {
    const known = articlesById.get(article.id);
    const channelIds = known?.channelIds.includes(channelId)
      ? known.channelIds
      : [...(known?.channelIds ?? []), channelId];
    articlesById.set(article.id, { article, channelIds });
  }
}

/** The pages of `channelId` loaded so far, first page first (empty when none). */
export function cachedChain(channelId: string): FeedPage[] {
  const pages: FeedPage[] = [];
  for (const url of pageChains.get(channelId) ?? []) {
    const page = pagesByUrl.get(url);
    if (!page) break;
    pages.push(page);
  }
  return pages;
}

/** An article by id, if any loaded page contained it. */
export function cachedArticle(id: string): CachedArticle | undefined {
  return articlesById.get(id);
}

/** Every article loaded so far (each once, whatever the number of channels it is in). */
export function cachedArticles(): IterableIterator<CachedArticle> {
  return articlesById.values();
}
