import type { Article } from '../../shared/feed/types';
import type { StoreDb } from '../../shared/store/index';
// The store's functions return records (getArticleRecord, getChannelPageRecord); this layer's
// getArticle and getChannelPage return what views render. Only this module reads feed data
// from the store.
import {
  getArticleRecord,
  getArticleRecords,
  getChannelArticles,
  getChannelPageRecord,
  getDirectoryRecord,
  storedChannelIds,
} from '../../shared/store/index';
import type { CachedArticle, CachedDirectory, ChannelPage } from './cache';

/**
 * Reading the feed data IndexedDB holds (the directory, channel pages, articles)
 * into the shapes the views render. (A 304 answer moves the stored `fetchedAt`
 * too, see the store's markFetched, so the records alone say how fresh they are.)
 */

/** A stored page, plus whether some of its articles have been evicted since. */
export interface StoredPage {
  readonly page: ChannelPage;
  /** Some listed articles are gone (evicted): the page should be fetched again when possible. */
  readonly incomplete: boolean;
}

/** The stored directory, if any. */
export async function readDirectory(db: StoreDb): Promise<CachedDirectory | undefined> {
  const record = await getDirectoryRecord(db);
  return record && { directory: record.directory, fetchedAt: record.fetchedAt };
}

/**
 * Page `pageIndex` of `channelId` as stored, or `undefined` when it never was
 * (or every article it listed has been evicted since).
 */
export async function readPage(
  db: StoreDb,
  channelId: string,
  pageIndex: number,
): Promise<StoredPage | undefined> {
  const record = await getChannelPageRecord(db, channelId, pageIndex);
  if (!record) return undefined;
  const stored = await getArticleRecords(db, record.articleIds);
  const items = stored.flatMap((entry) => (entry ? [entry.article] : []));
  if (items.length === 0 && record.articleIds.length > 0) return undefined;
  return {
    page: {
      channelId,
      pageIndex,
      url: record.url,
      items,
      nextUrl: record.nextUrl,
      fetchedAt: record.fetchedAt,
    },
    incomplete: items.length < record.articleIds.length,
  };
}

/** Article `id` with the channels whose stored pages list it, if stored. */
export async function readArticle(db: StoreDb, id: string): Promise<CachedArticle | undefined> {
  const record = await getArticleRecord(db, id);
  return record && { article: record.article, channelIds: record.channelIds };
}

/** Every stored article of `channelId`, in page order. */
export function readChannelArticles(db: StoreDb, channelId: string): Promise<Article[]> {
  return getChannelArticles(db, channelId);
}

/** Ids of the channels whose first page is stored (they can be read offline). */
export function readStoredChannelIds(db: StoreDb): Promise<string[]> {
  return storedChannelIds(db);
}
