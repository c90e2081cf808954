import type { StoreDb } from '../../shared/store/index';
import { getArticles, getChannelPage, getDirectoryRecord } from '../../shared/store/index';
import type { CachedDirectory, ChannelPage } from './cache';

/**
 * Reading what IndexedDB holds into the shapes the views render. (A 304
 * answer moves the stored `fetchedAt` too, see the store's markFetched, so the
 * records alone say how fresh they are.)
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
  const record = await getChannelPage(db, channelId, pageIndex);
  if (!record) return undefined;
  const stored = await getArticles(db, record.articleIds);
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
