import type { Article, ChannelDirectory } from '../../shared/feed/types';
import { pageKey } from '../../shared/feed/page-urls';

/**
 * The page's in-memory copy of what it has read this visit, so moving between
 * routes renders synchronously (no loading flash, no IndexedDB round trip).
 * IndexedDB is the source of truth: everything here was read from it (or, when
 * storage is unavailable, straight from the network) and is replaced whenever
 * the stored copy changes. Nothing outside src/app/data touches this module.
 */

/** One page of a channel as the views render it. */
export interface ChannelPage {
  readonly channelId: string;
  /** 0 = the first page; n = the n-th `nextUrl` followed. */
  readonly pageIndex: number;
  /** Absolute URL of the feed document. */
  readonly url: string;
  readonly items: readonly Article[];
  /** Absolute URL of the next page (「+更多」), if any. */
  readonly nextUrl?: string;
  /** When this device last fetched the page successfully (ms since epoch). */
  readonly fetchedAt: number;
  /**
   * Which stored copy this is (StoredVersion in src/shared/messages.ts), when
   * known: news of the same revision needs no reading back.
   */
  readonly revision?: string;
}

/** The channel directory and when it was fetched. */
export interface CachedDirectory {
  readonly directory: ChannelDirectory;
  readonly fetchedAt: number;
  /** Which stored copy this is, when known (see {@link ChannelPage.revision}). */
  readonly revision?: string;
}

/** An article and the channels whose pages it was seen in, first seen first. */
export interface CachedArticle {
  readonly article: Article;
  readonly channelIds: readonly string[];
}

let directory: CachedDirectory | undefined;
/** Per channel, its pages by page index (sparse while the reader has not opened them all). */
const pagesByChannel = new Map<string, ChannelPage[]>();
const articlesById = new Map<string, CachedArticle>();

/** The channel directory, if read. */
export function cachedDirectory(): CachedDirectory | undefined {
  return directory;
}

/** Remembers the channel directory. */
export function cacheDirectory(value: CachedDirectory): void {
  directory = value;
}

/** Page `pageIndex` of `channelId`, if read. */
export function cachedPage(channelId: string, pageIndex: number): ChannelPage | undefined {
  return pagesByChannel.get(channelId)?.[pageIndex];
}

function storePage(page: ChannelPage): void {
  let pages = pagesByChannel.get(page.channelId);
  if (!pages) {
    pages = [];
    pagesByChannel.set(page.channelId, pages);
  }
  pages[page.pageIndex] = page;
}

/** Remembers a page and indexes its articles (replacing an older copy of the same page). */
export function cachePage(page: ChannelPage): void {
  storePage(page);
  for (const article of page.items) cacheArticle(article, [page.channelId]);
}

/** Pages held as outlines: see {@link cacheOutlinePage}. */
const outlines = new WeakSet<ChannelPage>();

/**
 * Remembers a page whose items are outlines (headline, summary, date, image; no
 * body), as the prerendered HTML carries them (prerendered.ts): lists render from
 * it, but its items are not indexed as articles, so opening one still reads the
 * whole article. Replaced by the stored copy once that is read.
 */
export function cacheOutlinePage(page: ChannelPage): void {
  storePage(page);
  outlines.add(page);
}

/**
 * Whether `page` is an outline from a prerendered page: its age is the
 * deployment's, and the worker fetches the current copy once it controls the
 * page (prerendered.ts), so a stale one is not refreshed by the page itself.
 */
export function isOutlinePage(page: ChannelPage): boolean {
  return outlines.has(page);
}

/** Remembers an article read on its own (a deep link), with the channels it is listed in. */
export function cacheArticle(article: Article, channelIds: readonly string[]): void {
  const known = articlesById.get(article.id);
  const merged = [...(known?.channelIds ?? [])];
  for (const id of channelIds) if (!merged.includes(id)) merged.push(id);
  articlesById.set(article.id, { article, channelIds: merged });
}

/**
 * The pages of `channelId` read so far as one gapless chain from the first
 * page: it stops at the first missing page or at a page that is no longer the
 * `nextUrl` of the one before it (the first page was refreshed and now links
 * elsewhere), so a list never mixes two versions of the feed's paging.
 */
export function cachedChain(channelId: string): ChannelPage[] {
  const pages = pagesByChannel.get(channelId) ?? [];
  const chain: ChannelPage[] = [];
  for (const page of pages) {
    if (!page) break;
    const previous = chain[chain.length - 1];
    // Compared as documents: "b.json#top" names the page read from "b.json".
    if (
      previous &&
      (previous.nextUrl === undefined || pageKey(previous.nextUrl) !== pageKey(page.url))
    )
      break;
    chain.push(page);
  }
  return chain;
}

/** An article by id, if any page read this visit contained it. */
export function cachedArticle(id: string): CachedArticle | undefined {
  return articlesById.get(id);
}

/** Every article read so far (each once, whatever the number of channels it is in). */
export function cachedArticles(): IterableIterator<CachedArticle> {
  return articlesById.values();
}

/** Forgets a channel's pages (after its offline content was cleared), so it is read afresh. */
export function forgetChannel(channelId: string): void {
  pagesByChannel.delete(channelId);
  for (const [id, cached] of articlesById) {
    if (cached.channelIds.includes(channelId)) articlesById.delete(id);
  }
}

/** Forgets every page and article (after all offline content was cleared). */
export function forgetAllPages(): void {
  pagesByChannel.clear();
  articlesById.clear();
}
