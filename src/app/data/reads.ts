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
  getFeedMeta,
  storedChannelIds,
} from '../../shared/store/reads';
import { revisionOfCopy } from '../../shared/sync/version';
import type { CachedArticle, CachedDirectory, ChannelPage } from './cache';

/**
 * Reading the feed data IndexedDB holds (the directory, channel pages, articles)
 * into the shapes the views render. (A 304 answer moves the stored `fetchedAt`
 * too, see the store's markFetched, so the records alone say how fresh they are.)
 * The directory and pages come with the revision of the copy read
 * (src/shared/sync/version.ts), read after the record so that a write in
 * between leaves the copy without one rather than with a wrong one.
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
  if (!record) return undefined;
  const meta = record.url === undefined ? undefined : await getFeedMeta(db, record.url);
  return {
    directory: record.directory,
    fetchedAt: record.fetchedAt,
    revision: revisionOfCopy(meta, record.fetchedAt),
  };
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
  const [stored, meta] = await Promise.all([
    getArticleRecords(db, record.articleIds),
    getFeedMeta(db, record.url),
  ]);
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
      revision: revisionOfCopy(meta, record.fetchedAt),
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
