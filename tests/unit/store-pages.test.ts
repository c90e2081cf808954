import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/shared/feed/types';
import {
  getArticleRecord,
  getArticleRecords,
  getChannelArticles,
  getChannelPageRecord,
  getChannelPages,
  getDirectoryRecord,
  getFeedMeta,
  markFetched,
  markRead,
  putDirectory,
  putFeedPage,
  recordFeedError,
  setSaved,
  storedChannelIds,
  StoreError,
} from '../../src/shared/store/index';
import type { StoreDb } from '../../src/shared/store/index';
import { article, closeStores, feedPage, freshStore, pageUrl } from './store-fixtures';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

const ids = (articles: readonly Article[]): string[] => articles.map((a) => a.id);

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the promise to reject'),
    (reason: unknown) => reason,
  );
}

/** Stores `n` pages of `channelId`, 3 articles each, ids `<channel>-<page>-<i>`. */
async function storeChannel(db: StoreDb, channelId: string, n: number): Promise<void> {
  for (let p = 0; p < n; p++) {
    const items = [0, 1, 2].map((i) => `${channelId}-${p}-${i}`);
    const next = p + 1 < n ? { nextUrl: pageUrl(channelId, p + 2) } : {};
    await putFeedPage(db, channelId, p, feedPage(pageUrl(channelId, p + 1), items, next), {});
  }
}

describe('putFeedPage', () => {
  it('stores the page and its articles and counts them as added', async () => {
    const db = await freshStore();
    const outcome = await putFeedPage(
      db,
      'jinan',
      0,
      feedPage(pageUrl('jinan'), ['a', 'b'], { nextUrl: pageUrl('jinan', 2), skipped: 1 }),
      { etag: '"e1"', lastModified: 'Sat, 06 May 2023 02:30:13 GMT', fetchedAt: 1000 },
    );
    expect(outcome).toEqual({ status: 'updated', added: 2, changed: 0, skipped: 1 });
    expect(await getChannelPageRecord(db, 'jinan', 0)).toEqual({
      channelId: 'jinan',
      pageIndex: 0,
      url: pageUrl('jinan'),
      articleIds: ['a', 'b'],
      nextUrl: pageUrl('jinan', 2),
      fetchedAt: 1000,
    });
    const stored = await getArticleRecord(db, 'a');
    expect(stored?.article).toEqual(article('a'));
    expect(stored?.channelIds).toEqual(['jinan']);
    expect(stored?.storedAt).toBe(1000);
    expect(stored?.bytes).toBe(new TextEncoder().encode(JSON.stringify(article('a'))).length);
    expect(await getFeedMeta(db, pageUrl('jinan'))).toEqual({
      url: pageUrl('jinan'),
      etag: '"e1"',
      lastModified: 'Sat, 06 May 2023 02:30:13 GMT',
      fetchedAt: 1000,
    });
  });

  it('counts an article as changed only when its content differs', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), { fetchedAt: 1 });
    const edited = article('b', { title: '更正后的标题' });
    const outcome = await putFeedPage(
      db,
      'jinan',
      0,
      feedPage(pageUrl('jinan'), ['a', edited, 'c']),
      {
        fetchedAt: 2,
      },
    );
    expect(outcome).toEqual({ status: 'updated', added: 1, changed: 1, skipped: 0 });
    expect((await getArticleRecord(db, 'b'))?.article.title).toBe('更正后的标题');
    expect((await getArticleRecord(db, 'b'))?.storedAt).toBe(2);
    expect((await getArticleRecord(db, 'a'))?.storedAt).toBe(1);
  });

  it('tracks every channel that lists an article', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'hot', 0, feedPage(pageUrl('hot'), ['seed']), {});
    const outcome = await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['seed']), {});
    expect(outcome.added).toBe(0);
    expect((await getArticleRecord(db, 'seed'))?.channelIds).toEqual(['hot', 'jinan']);
  });

  it('stores an id the feed repeats once, in its first position', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b', 'a']), {});
    expect((await getChannelPageRecord(db, 'jinan', 0))?.articleIds).toEqual(['a', 'b']);
  });

  it('deletes an article that drops off the page when nothing else references it', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), {});
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['b']), {});
    expect(await getArticleRecord(db, 'a')).toBeUndefined();
  });

  it('keeps an article that drops off the page while another page or channel lists it', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), {});
    await putFeedPage(db, 'jinan', 1, feedPage(pageUrl('jinan', 2), ['b', 'c']), {});
    await putFeedPage(db, 'hot', 0, feedPage(pageUrl('hot'), ['a']), {});
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['x']), {});
    expect((await getArticleRecord(db, 'a'))?.channelIds).toEqual(['hot']);
    expect((await getArticleRecord(db, 'b'))?.channelIds).toEqual(['jinan']);
  });

  it('keeps an article that drops off every page when the reader saved or read it', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['saved', 'read', 'other']), {});
    await setSaved(db, 'saved', true);
    await markRead(db, 'read');
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['new']), {});
    expect((await getArticleRecord(db, 'saved'))?.channelIds).toEqual([]);
    expect((await getArticleRecord(db, 'read'))?.channelIds).toEqual([]);
    expect(await getArticleRecord(db, 'other')).toBeUndefined();
  });

  it('rejects an invalid page index without writing anything', async () => {
    const db = await freshStore();
    const error = await failureOf(
      putFeedPage(db, 'jinan', -1, feedPage(pageUrl('jinan'), ['a']), {}),
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(await getArticleRecord(db, 'a')).toBeUndefined();
  });

  describe('when the write fails halfway', () => {
    it('leaves the previous page and its articles intact (an item that cannot be stored)', async () => {
      const db = await freshStore();
      await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), {
        etag: '"old"',
        fetchedAt: 1,
      });
      // A function cannot be cloned into IndexedDB: the put of this third item throws.
      const poisoned = { ...article('c'), tags: [() => 'x'] } as unknown as Article;
      const error = await failureOf(
        putFeedPage(
          db,
          'jinan',
          0,
          feedPage(pageUrl('jinan'), [article('a', { title: '新' }), 'new', poisoned]),
          { etag: '"new"', fetchedAt: 2 },
        ),
      );
      expect(error).toBeInstanceOf(StoreError);
      expect((await getChannelPageRecord(db, 'jinan', 0))?.articleIds).toEqual(['a', 'b']);
      expect((await getArticleRecord(db, 'a'))?.article.title).toBe('标题 a');
      expect(await getArticleRecord(db, 'b')).toBeDefined();
      expect(await getArticleRecord(db, 'new')).toBeUndefined();
      expect((await getFeedMeta(db, pageUrl('jinan')))?.etag).toBe('"old"');
    });

    it('leaves the previous page intact when the last store of the transaction fails', async () => {
      const db = await freshStore();
      await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), { fetchedAt: 1 });
      const put = IDBObjectStore.prototype.put;
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        if (this.name === 'feedMeta') throw new DOMException('disk error', 'UnknownError');
        return put.apply(this, args);
      });
      const error = await failureOf(
        putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['c']), { fetchedAt: 2 }),
      );
      vi.restoreAllMocks();
      expect((error as Error).message).toContain('UnknownError');
      expect((await getChannelPageRecord(db, 'jinan', 0))?.articleIds).toEqual(['a', 'b']);
      expect(await getArticleRecord(db, 'a')).toBeDefined();
      expect(await getArticleRecord(db, 'c')).toBeUndefined();
    });
  });
});

describe('reading channels', () => {
  it('lists a channel’s articles in page order, across pages, with offset and limit', async () => {
    const db = await freshStore();
    await storeChannel(db, 'jinan', 3);
    expect(ids(await getChannelArticles(db, 'jinan'))).toHaveLength(9);
    expect(ids(await getChannelArticles(db, 'jinan', { limit: 4 }))).toEqual([
      'jinan-0-0',
      'jinan-0-1',
      'jinan-0-2',
      'jinan-1-0',
    ]);
    expect(ids(await getChannelArticles(db, 'jinan', { offset: 7, limit: 5 }))).toEqual([
      'jinan-2-1',
      'jinan-2-2',
    ]);
  });

  it('lists an article that appears on two pages once, where it appears first', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), {});
    await putFeedPage(db, 'jinan', 1, feedPage(pageUrl('jinan', 2), ['b', 'c']), {});
    expect(ids(await getChannelArticles(db, 'jinan'))).toEqual(['a', 'b', 'c']);
  });

  it('does not mix channels and returns nothing for a channel never stored', async () => {
    const db = await freshStore();
    await storeChannel(db, 'jinan', 1);
    await storeChannel(db, 'jining', 1);
    expect(ids(await getChannelArticles(db, 'jinan'))).toEqual([
      'jinan-0-0',
      'jinan-0-1',
      'jinan-0-2',
    ]);
    expect(await getChannelArticles(db, 'qingdao')).toEqual([]);
    expect(await getChannelPages(db, 'qingdao')).toEqual([]);
  });

  it('returns the pages of a channel ordered by page index', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 1, feedPage(pageUrl('jinan', 2), ['b']), {});
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), {});
    expect((await getChannelPages(db, 'jinan')).map((p) => p.pageIndex)).toEqual([0, 1]);
  });

  it('reads several articles at once, undefined where one is not stored', async () => {
    const db = await freshStore();
    await storeChannel(db, 'jinan', 1);
    const found = await getArticleRecords(db, ['jinan-0-2', 'missing', 'jinan-0-0']);
    expect(found.map((s) => s?.article.id)).toEqual(['jinan-0-2', undefined, 'jinan-0-0']);
  });

  it('names the channels whose first page is stored', async () => {
    const db = await freshStore();
    await storeChannel(db, 'jinan', 2);
    await storeChannel(db, 'hot', 1);
    expect((await storedChannelIds(db)).sort()).toEqual(['hot', 'jinan']);
  });
});

describe('the directory and feed metadata', () => {
  const directory = {
    version: 1,
    title: '大众网',
    channels: [{ id: 'jinan', title: '济南', kind: 'city', feedUrl: pageUrl('jinan') }],
  } as const;
  const directoryUrl = 'https://news.example.com/api/channels.json';

  it('stores the directory with its validators and returns it', async () => {
    const db = await freshStore();
    expect(await getDirectoryRecord(db)).toBeUndefined();
    await putDirectory(db, directory, { url: directoryUrl, etag: '"d1"', fetchedAt: 10 });
    expect(await getDirectoryRecord(db)).toEqual({ directory, fetchedAt: 10, url: directoryUrl });
    expect((await getFeedMeta(db, directoryUrl))?.etag).toBe('"d1"');
  });

  it('after a 304, moves only the fetch times and clears the last error', async () => {
    const db = await freshStore();
    await putDirectory(db, directory, { url: directoryUrl, etag: '"d1"', fetchedAt: 10 });
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), {
      etag: '"p1"',
      fetchedAt: 10,
    });
    await recordFeedError(db, pageUrl('jinan'), { code: 'timeout', message: 'slow' }, 15);
    await markFetched(db, pageUrl('jinan'), 20);
    await markFetched(db, directoryUrl, 30);
    expect(await getFeedMeta(db, pageUrl('jinan'))).toEqual({
      url: pageUrl('jinan'),
      etag: '"p1"',
      fetchedAt: 20,
    });
    expect((await getChannelPageRecord(db, 'jinan', 0))?.fetchedAt).toBe(20);
    expect((await getChannelPageRecord(db, 'jinan', 0))?.articleIds).toEqual(['a']);
    expect((await getDirectoryRecord(db))?.fetchedAt).toBe(30);
  });

  it('records a failure without touching the validators or the stored content', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), {
      etag: '"p1"',
      fetchedAt: 10,
    });
    await recordFeedError(db, pageUrl('jinan'), { code: 'http', message: 'HTTP 500' }, 11);
    expect(await getFeedMeta(db, pageUrl('jinan'))).toEqual({
      url: pageUrl('jinan'),
      etag: '"p1"',
      fetchedAt: 10,
      lastError: { code: 'http', message: 'HTTP 500', at: 11 },
    });
    expect(ids(await getChannelArticles(db, 'jinan'))).toEqual(['a']);
  });

  it('records a failure for a document never fetched', async () => {
    const db = await freshStore();
    await recordFeedError(db, directoryUrl, { code: 'network', message: 'offline' }, 5);
    expect(await getFeedMeta(db, directoryUrl)).toEqual({
      url: directoryUrl,
      lastError: { code: 'network', message: 'offline', at: 5 },
    });
  });
});
