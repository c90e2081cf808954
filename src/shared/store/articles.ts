import type { Article } from '../feed/types';
import type { ChannelPageRecord, StoredArticle } from './records';
import { channelRange } from './feed-reads';
import type { StoreDb } from './schema';
import { isDefined, read, unique } from './transaction';

/**
 * Reading channels and articles: what the page renders from, before and
 * without the network.
 */

/** Which slice of a channel's articles to read. */
export interface ChannelSlice {
  /** Articles to skip from the newest (default 0). */
  readonly offset?: number;
  /** At most this many (default: all stored). */
  readonly limit?: number;
}

/** Every stored page of a channel, ordered by pageIndex (empty when none). */
export function getChannelPages(db: StoreDb, channelId: string): Promise<ChannelPageRecord[]> {
  return read('getChannelPages', () => db.getAll('channelPages', channelRange(channelId)));
}

/** One stored page of a channel, if any. */
export function getChannelPageRecord(
  db: StoreDb,
  channelId: string,
  pageIndex: number,
): Promise<ChannelPageRecord | undefined> {
  return read('getChannelPageRecord', () => db.get('channelPages', [channelId, pageIndex]));
}

/**
 * The ids of a channel's articles in page order: pages from the first one
 * while they follow each other without a gap, each id once (an article that
 * moved to a later page while only one of the two pages was refreshed is
 * listed where it appears first).
 */
export function orderedArticleIds(pages: readonly ChannelPageRecord[]): string[] {
  const ids: string[] = [];
  for (const [expected, page] of pages.entries()) {
    if (page.pageIndex !== expected) break;
    ids.push(...page.articleIds);
  }
  return unique(ids);
}

/**
 * A channel's stored articles in page order (newest first, as the feed lists
 * them), from `offset`, at most `limit`. Articles evicted since the page was
 * stored are left out. One read-only transaction.
 */
export function getChannelArticles(
  db: StoreDb,
  channelId: string,
  slice: ChannelSlice = {},
): Promise<Article[]> {
  return read('getChannelArticles', async () => {
    const tx = db.transaction(['channelPages', 'articles'], 'readonly');
    const pages = await tx.objectStore('channelPages').getAll(channelRange(channelId));
    const offset = Math.max(0, slice.offset ?? 0);
    const end = slice.limit === undefined ? undefined : offset + Math.max(0, slice.limit);
    const ids = orderedArticleIds(pages).slice(offset, end);
    const articles = tx.objectStore('articles');
    const [found] = await Promise.all([Promise.all(ids.map((id) => articles.get(id))), tx.done]);
    return found.filter(isDefined).map((stored) => stored.article);
  });
}

/** One stored article with its bookkeeping, if stored. */
export function getArticleRecord(db: StoreDb, id: string): Promise<StoredArticle | undefined> {
  return read('getArticleRecord', () => db.get('articles', id));
}

/** Several stored articles in one transaction, in the order of `ids` (undefined where not stored). */
export function getArticleRecords(
  db: StoreDb,
  ids: readonly string[],
): Promise<(StoredArticle | undefined)[]> {
  return read('getArticleRecords', async () => {
    const tx = db.transaction('articles', 'readonly');
    const store = tx.objectStore('articles');
    const [found] = await Promise.all([Promise.all(ids.map((id) => store.get(id))), tx.done]);
    return found;
  });
}

/**
 * Calls `visit` with every stored article, one at a time in one read
 * transaction (never the whole store in memory at once): for a pass over
 * everything, such as which images are still used.
 */
export function visitArticles(db: StoreDb, visit: (article: Article) => void): Promise<void> {
  return read('visitArticles', async () => {
    const tx = db.transaction('articles', 'readonly');
    let cursor = await tx.objectStore('articles').openCursor();
    while (cursor) {
      visit(cursor.value.article);
      cursor = await cursor.continue();
    }
    await tx.done;
  });
}

/** Ids of the channels whose first page is stored: what can be offered offline. */
export function storedChannelIds(db: StoreDb): Promise<string[]> {
  return read('storedChannelIds', async () => {
    const keys = await db.getAllKeys('channelPages');
    return unique(keys.filter(([, pageIndex]) => pageIndex === 0).map(([channelId]) => channelId));
  });
}
