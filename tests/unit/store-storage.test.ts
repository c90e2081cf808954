import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearAll,
  clearChannel,
  evict,
  getArticleRecord,
  getChannelArticles,
  getChannelPageRecord,
  getDirectoryRecord,
  getFeedMeta,
  getUserArticle,
  markRead,
  putDirectory,
  putFeedPage,
  setSaved,
  storedTotals,
  StoreQuotaError,
  usageByChannel,
} from '../../src/shared/store/index';
import type { StoreDb } from '../../src/shared/store/index';
import { closeStores, feedPage, freshStore, pageUrl } from './store-fixtures';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

async function bytesOf(db: StoreDb, ...ids: string[]): Promise<number> {
  let sum = 0;
  for (const id of ids) sum += (await getArticleRecord(db, id))?.bytes ?? NaN;
  return sum;
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the promise to reject'),
    (reason: unknown) => reason,
  );
}

/**
 * Four articles stored at different times: `saved` (oldest, saved), `readLongAgo`
 * (stored at 10, read at 15), `neverRead` (stored at 20), `readRecently` (stored
 * at 30, read at 100).
 */
async function storeAgedArticles(db: StoreDb): Promise<void> {
  await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['saved']), { fetchedAt: 1 });
  await putFeedPage(db, 'jinan', 1, feedPage(pageUrl('jinan', 2), ['readLongAgo']), {
    fetchedAt: 10,
  });
  await putFeedPage(db, 'hot', 0, feedPage(pageUrl('hot'), ['neverRead']), { fetchedAt: 20 });
  await putFeedPage(db, 'hot', 1, feedPage(pageUrl('hot', 2), ['readRecently']), { fetchedAt: 30 });
  await setSaved(db, 'saved', true, 2);
  await markRead(db, 'readLongAgo', 15);
  await markRead(db, 'readRecently', 100);
}

describe('usage', () => {
  it('sums stored articles and bytes per channel, largest first', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b', 'both']), {});
    await putFeedPage(db, 'hot', 0, feedPage(pageUrl('hot'), ['both']), {});
    expect(await usageByChannel(db)).toEqual([
      { channelId: 'jinan', articles: 3, bytes: await bytesOf(db, 'a', 'b', 'both') },
      { channelId: 'hot', articles: 1, bytes: await bytesOf(db, 'both') },
    ]);
  });

  it('totals everything stored, saved articles included', async () => {
    const db = await freshStore();
    await storeAgedArticles(db);
    expect(await storedTotals(db)).toEqual({
      articles: 4,
      bytes: await bytesOf(db, 'saved', 'readLongAgo', 'neverRead', 'readRecently'),
      saved: 1,
    });
  });
});

describe('evict', () => {
  it('evicts nothing while the store is within the budget', async () => {
    const db = await freshStore();
    await storeAgedArticles(db);
    const all = await bytesOf(db, 'saved', 'readLongAgo', 'neverRead', 'readRecently');
    expect(await evict(db, all)).toBe(0);
  });

  it('removes the least recently used unsaved articles first, until within the budget', async () => {
    const db = await freshStore();
    await storeAgedArticles(db);
    const all = await bytesOf(db, 'saved', 'readLongAgo', 'neverRead', 'readRecently');
    const budget = all - (await bytesOf(db, 'readLongAgo', 'neverRead'));
    expect(await evict(db, budget)).toBe(2);
    expect(await getArticleRecord(db, 'readLongAgo')).toBeUndefined();
    expect(await getArticleRecord(db, 'neverRead')).toBeUndefined();
    expect(await getArticleRecord(db, 'readRecently')).toBeDefined();
    expect(await getArticleRecord(db, 'saved')).toBeDefined();
  });

  it('never removes saved articles, even with a budget of zero', async () => {
    const db = await freshStore();
    await storeAgedArticles(db);
    expect(await evict(db, 0)).toBe(3);
    expect(await getArticleRecord(db, 'saved')).toBeDefined();
    expect((await storedTotals(db)).articles).toBe(1);
  });

  it('takes evicted articles off their pages and makes the next refresh unconditional', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), {
      etag: '"e"',
      lastModified: 'Sat, 06 May 2023 02:30:13 GMT',
      fetchedAt: 5,
    });
    await markRead(db, 'a', 10);
    await evict(db, await bytesOf(db, 'a'));
    expect((await getChannelPageRecord(db, 'jinan', 0))?.articleIds).toEqual(['a']);
    const meta = await getFeedMeta(db, pageUrl('jinan'));
    expect(meta?.etag).toBeUndefined();
    expect(meta?.lastModified).toBeUndefined();
    // The page itself still says when it was fetched, so freshness is unchanged.
    expect((await getChannelPageRecord(db, 'jinan', 0))?.fetchedAt).toBe(5);
  });

  it('tells the opener how many articles went', async () => {
    const onEvicted = vi.fn();
    const db = await freshStore({ onEvicted });
    await storeAgedArticles(db);
    await evict(db, 0);
    expect(onEvicted).toHaveBeenCalledWith(3);
  });
});

describe('when a write exceeds the quota', () => {
  /** Makes the next `count` puts into `articles` fail as a full disk does. */
  function failArticlePuts(count: number): void {
    const put = IDBObjectStore.prototype.put;
    let left = count;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'articles' && left > 0) {
        left--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    });
  }

  it('evicts the least recently used unsaved articles and writes on the retry', async () => {
    const onEvicted = vi.fn();
    const db = await freshStore({ onEvicted });
    await storeAgedArticles(db);
    failArticlePuts(1);
    const outcome = await putFeedPage(db, 'qingdao', 0, feedPage(pageUrl('qingdao'), ['fresh']), {
      fetchedAt: 200,
    });
    expect(outcome.added).toBe(1);
    expect(await getArticleRecord(db, 'fresh')).toBeDefined();
    expect(onEvicted).toHaveBeenCalled();
    // The first to go is the least recently used one; saved ones never go.
    expect(await getArticleRecord(db, 'readLongAgo')).toBeUndefined();
    expect(await getArticleRecord(db, 'saved')).toBeDefined();
    expect(await getArticleRecord(db, 'readRecently')).toBeDefined();
  });

  it('throws a StoreQuotaError when the retry fails too, leaving what was stored', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), {});
    await setSaved(db, 'a', true);
    failArticlePuts(2);
    const error = await failureOf(
      putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['b']), {}),
    );
    expect(error).toBeInstanceOf(StoreQuotaError);
    expect((error as StoreQuotaError).userMessage).toContain('存储空间已满');
    expect((await getChannelPageRecord(db, 'jinan', 0))?.articleIds).toEqual(['a']);
    expect(await getArticleRecord(db, 'a')).toBeDefined();
  });
});

describe('clearing offline content', () => {
  it('clears one channel: its pages, its HTTP state and the articles only it lists', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['only', 'shared', 'kept']), {
      etag: '"j"',
    });
    await putFeedPage(db, 'hot', 0, feedPage(pageUrl('hot'), ['shared']), {});
    await setSaved(db, 'kept', true);
    expect(await clearChannel(db, 'jinan')).toBe(1);
    expect(await getChannelArticles(db, 'jinan')).toEqual([]);
    expect(await getChannelPageRecord(db, 'jinan', 0)).toBeUndefined();
    expect(await getFeedMeta(db, pageUrl('jinan'))).toBeUndefined();
    expect(await getArticleRecord(db, 'only')).toBeUndefined();
    expect((await getArticleRecord(db, 'shared'))?.channelIds).toEqual(['hot']);
    expect((await getArticleRecord(db, 'kept'))?.channelIds).toEqual([]);
    expect((await usageByChannel(db)).map((u) => u.channelId)).toEqual(['hot']);
  });

  it('clears everything but saved articles and the directory', async () => {
    const db = await freshStore();
    await putDirectory(
      db,
      { version: 1, title: '大众网', channels: [] },
      { url: 'https://news.example.com/api/channels.json' },
    );
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'saved']), { etag: '"j"' });
    await setSaved(db, 'saved', true);
    await markRead(db, 'a');
    expect(await clearAll(db)).toBe(1);
    expect(await getArticleRecord(db, 'a')).toBeUndefined();
    expect((await getArticleRecord(db, 'saved'))?.channelIds).toEqual([]);
    expect(await getChannelPageRecord(db, 'jinan', 0)).toBeUndefined();
    expect(await getFeedMeta(db, pageUrl('jinan'))).toBeUndefined();
    expect(await getDirectoryRecord(db)).toBeDefined();
    expect(await getUserArticle(db, 'saved')).toBeDefined();
  });

  it('with includeSaved, also clears saved articles and the reader’s records', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'saved']), {});
    await setSaved(db, 'saved', true);
    expect(await clearAll(db, { includeSaved: true })).toBe(2);
    expect(await getArticleRecord(db, 'saved')).toBeUndefined();
    expect(await getUserArticle(db, 'saved')).toBeUndefined();
    expect(await storedTotals(db)).toEqual({ articles: 0, bytes: 0, saved: 0 });
  });
});
