import { readUsage } from './eviction';
import { channelRange } from './feed-reads';
import type { StoredArticle } from './records';
import type { StoreDb } from './schema';
import type { SearchStores } from './search-index';
import { SEARCH_STORES, searchStores, touchSearchIndex, updateSearchIndex } from './search-index';
import { inTransaction, PendingWrites, read } from './transaction';
import { storeFailure } from './errors';
import { articlesChanged } from './hooks';

/**
 * What is stored, per channel, and clearing it: the Settings page's 离线与存储.
 */

/** How much one channel takes. */
export interface ChannelUsage {
  readonly channelId: string;
  /** Stored articles its pages list. */
  readonly articles: number;
  /** Their approximate size in bytes (UTF-8 JSON). */
  readonly bytes: number;
}

/**
 * Stored articles and bytes per channel, largest first. An article listed by
 * two channels counts in both, so the figures may add up to more than the
 * total; saved articles no channel lists count in none (see storedTotals).
 * Reads index keys only, never article bodies.
 */
export function usageByChannel(db: StoreDb): Promise<ChannelUsage[]> {
  return read('usageByChannel', async () => {
    const tx = db.transaction('articles', 'readonly');
    const store = tx.objectStore('articles');
    const bytesById = new Map<string, number>();
    const byChannel = new Map<string, { articles: number; bytes: number }>();
    let sizes = await store.index('usage').openKeyCursor();
    while (sizes) {
      bytesById.set(sizes.primaryKey, sizes.key[1]);
      sizes = await sizes.continue();
    }
    let members = await store.index('channelId').openKeyCursor();
    while (members) {
      const entry = byChannel.get(members.key) ?? { articles: 0, bytes: 0 };
      entry.articles++;
      entry.bytes += bytesById.get(members.primaryKey) ?? 0;
      byChannel.set(members.key, entry);
      members = await members.continue();
    }
    await tx.done;
    return [...byChannel]
      .map(([channelId, entry]) => ({ channelId, ...entry }))
      .sort((a, b) => b.bytes - a.bytes || a.channelId.localeCompare(b.channelId));
  });
}

/** Totals over the whole store. */
export interface StoredTotals {
  readonly articles: number;
  readonly bytes: number;
  /** Articles the reader saved (never evicted). */
  readonly saved: number;
}

/** How many articles and bytes are stored in all, and how many are saved. */
export function storedTotals(db: StoreDb): Promise<StoredTotals> {
  return read('storedTotals', async () => {
    const usage = await readUsage(db);
    return {
      articles: usage.articles.length,
      bytes: usage.articles.reduce((sum, article) => sum + article.bytes, 0),
      saved: usage.saved.size,
    };
  });
}

/** What clearing writes: the articles and everything kept about them, the search index included. */
const CLEAR_STORES = ['articles', 'channelPages', 'feedMeta', 'user', ...SEARCH_STORES] as const;

/**
 * Clears one channel's offline content: its pages, their HTTP state, and the
 * articles only it lists (and their search documents). Saved articles stay
 * (no longer listed by it); so do articles other channels list. One
 * transaction.
 * @returns how many articles were deleted.
 * @throws StoreError when IndexedDB fails.
 */
export async function clearChannel(db: StoreDb, channelId: string): Promise<number> {
  let deleted: string[] = [];
  try {
    const count = await inTransaction(db, [...CLEAR_STORES], async (tx) => {
      const pagesStore = tx.objectStore('channelPages');
      const metaStore = tx.objectStore('feedMeta');
      const articles = tx.objectStore('articles');
      const users = tx.objectStore('user');
      const range = channelRange(channelId);
      const [pages, members] = await Promise.all([
        pagesStore.getAll(range),
        articles.index('channelId').getAll(channelId),
      ]);
      const saved = await Promise.all(
        members.map(async (m) => (await users.get(m.article.id))?.savedAt !== undefined),
      );
      deleted = [];
      const writes = new PendingWrites();
      writes.add(pagesStore.delete(range));
      for (const page of pages) writes.add(metaStore.delete(page.url));
      members.forEach((member: StoredArticle, i) => {
        const channelIds = member.channelIds.filter((id) => id !== channelId);
        if (channelIds.length === 0 && !saved[i]) {
          deleted.push(member.article.id);
          writes.add(articles.delete(member.article.id));
        } else {
          writes.add(articles.put({ ...member, channelIds }));
        }
      });
      await updateSearchIndex(searchStores(tx), [], deleted, undefined, writes);
      await writes.settle();
      return deleted.length;
    });
    articlesChanged(db, deleted);
    return count;
  } catch (error) {
    throw storeFailure('clearChannel', error);
  }
}

/** Options of clearAll. */
export interface ClearAllOptions {
  /** Also delete saved articles and all of the reader's records (default false). */
  readonly includeSaved?: boolean;
}

/**
 * Clears all offline content: every article except saved ones, every channel
 * page and all HTTP state. With `includeSaved`, saved articles and the
 * reader's records (收藏, history, positions) go too. The search index is
 * emptied; saved articles that stay are queued to be indexed again. The
 * channel directory stays: it is tiny and the app needs it to offer anything
 * at all.
 * @returns how many articles were deleted.
 * @throws StoreError when IndexedDB fails.
 */
export async function clearAll(db: StoreDb, options: ClearAllOptions = {}): Promise<number> {
  try {
    const count = await inTransaction(db, [...CLEAR_STORES], async (tx) => {
      const articles = tx.objectStore('articles');
      const users = tx.objectStore('user');
      const ids = await articles.getAllKeys();
      const writes = new PendingWrites();
      writes.add(tx.objectStore('channelPages').clear());
      writes.add(tx.objectStore('feedMeta').clear());
      const search = searchStores(tx);
      emptySearchIndex(search, writes);
      if (options.includeSaved) {
        writes.add(articles.clear());
        writes.add(users.clear());
        await writes.settle();
        return ids.length;
      }
      const saved = new Set(await users.index('savedAt').getAllKeys());
      const kept = await Promise.all([...saved].map((id) => articles.get(id)));
      for (const id of ids) if (!saved.has(id)) writes.add(articles.delete(id));
      for (const stored of kept) {
        if (!stored) continue;
        writes.add(articles.put({ ...stored, channelIds: [] }));
        writes.add(search.pending.put(stored.storedAt, stored.article.id));
      }
      await writes.settle();
      return ids.filter((id) => !saved.has(id)).length;
    });
    articlesChanged(db, 'all');
    return count;
  } catch (error) {
    throw storeFailure('clearAll', error);
  }
}

/**
 * Empties the search index but keeps its state record (moved on, so readers
 * reload), so documents are never numbered twice and no re-index is started.
 */
function emptySearchIndex(stores: SearchStores, writes: PendingWrites): void {
  for (const store of [stores.segments, stores.postings, stores.docs, stores.pending]) {
    writes.add(store.clear());
  }
  writes.add(touchSearchIndex(stores.meta));
}
