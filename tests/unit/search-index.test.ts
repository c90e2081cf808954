import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/feed/types';
import {
  INDEX_VERSION,
  SearchEngine,
  ensureIndexVersion,
  maintainSearchIndex,
  mergeOnce,
  pendingCount,
  reconcile,
  searchIndexer,
} from '../../src/shared/search/index';
import type { QiluSchema, StoreDb } from '../../src/shared/store/index';
import {
  clearAll,
  clearChannel,
  evict,
  openStore,
  putFeedPage,
  setSaved,
} from '../../src/shared/store/index';
import { STORE_VERSION, upgradeStore } from '../../src/shared/store/schema';
import { SEARCH_STATE_KEY } from '../../src/shared/store/search-records';
import { indexingStore, singlePage, storeDemo } from './search-fixtures';
import { article, closeStores, freshStore, pageUrl, uniqueName } from './store-fixtures';

/**
 * The index follows every write path of the store: what is written is found,
 * what is evicted, cleared or replaced is not, and the upkeep (queue, version,
 * merges, repairs) leaves the results as they were.
 */

afterEach(closeStores);

/** Ids of what `query` finds. */
async function found(db: StoreDb, query: string): Promise<string[]> {
  const response = await new SearchEngine(db).search({ query, limit: 1000 });
  return response.hits.map((hit) => hit.articleId).sort();
}

const story = (id: string, text: string, extra: Partial<Article> = {}): Article =>
  article(id, { title: `新闻${id}`, text, ...extra });

async function put(db: StoreDb, channelId: string, items: readonly Article[], index = 0) {
  await putFeedPage(db, channelId, index, singlePage(pageUrl(channelId, index + 1), items), {});
}

describe('the write path', () => {
  it('indexes a page in the same write when the connection has the indexer', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '泉城夜景流光溢彩'), story('b', '趵突泉游人如织')]);
    expect(await pendingCount(db)).toBe(0);
    expect(await found(db, '泉城夜景')).toEqual(['a']);
    expect(await found(db, '泉')).toEqual(['a', 'b']);
  });

  it('queues a page written without the indexer (the page’s own sync) until the upkeep runs', async () => {
    const db = await freshStore();
    await ensureIndexVersion(db);
    await put(db, 'jinan', [story('a', '泉城夜景流光溢彩')]);
    expect(await pendingCount(db)).toBe(1);
    expect(await found(db, '泉城')).toEqual([]);
    const report = await maintainSearchIndex(db);
    expect(report.indexed).toBe(1);
    expect(await pendingCount(db)).toBe(0);
    expect(await found(db, '泉城')).toEqual(['a']);
  });

  it('forgets the old text of a changed article, with or without the indexer', async () => {
    for (const db of [await indexingStore(), await freshStore()]) {
      await ensureIndexVersion(db);
      await put(db, 'jinan', [story('a', '旧的正文说蓝莓')]);
      await maintainSearchIndex(db);
      await put(db, 'jinan', [story('a', '新的正文说樱桃')]);
      expect(await found(db, '蓝莓')).toEqual([]);
      await maintainSearchIndex(db);
      expect(await found(db, '樱桃')).toEqual(['a']);
      expect(await found(db, '蓝莓')).toEqual([]);
    }
  });

  it('drops an article that falls off its only page', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '蓝莓采摘'), story('b', '樱桃采摘')]);
    await put(db, 'jinan', [story('b', '樱桃采摘')]);
    expect(await found(db, '采摘')).toEqual(['b']);
  });
});

describe('eviction and clearing', () => {
  it('evicted articles are no longer found', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '蓝莓采摘'), story('b', '蓝莓大棚')]);
    await setSaved(db, 'b', true);
    expect(await evict(db, 0)).toBe(1);
    expect(await found(db, '蓝莓')).toEqual(['b']);
  });

  it('clearChannel removes what only that channel listed', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '蓝莓采摘'), story('b', '蓝莓大棚')]);
    await put(db, 'hot', [story('b', '蓝莓大棚')]);
    await clearChannel(db, 'jinan');
    expect(await found(db, '蓝莓')).toEqual(['b']);
    await clearChannel(db, 'hot');
    expect(await found(db, '蓝莓')).toEqual([]);
  });

  it('clearAll empties the index; saved articles come back after the upkeep', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '蓝莓采摘'), story('b', '蓝莓大棚')]);
    await setSaved(db, 'b', true);
    await clearAll(db);
    expect(await found(db, '蓝莓')).toEqual([]);
    await maintainSearchIndex(db);
    expect(await found(db, '蓝莓')).toEqual(['b']);
    await clearAll(db, { includeSaved: true });
    await maintainSearchIndex(db);
    expect(await found(db, '蓝莓')).toEqual([]);
  });
});

describe('the index version', () => {
  it('re-indexes once, in the upkeep, when the stored index is older', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '泉城夜景')]);
    const state = await db.get('searchMeta', SEARCH_STATE_KEY);
    if (!state) throw new Error('no index state');
    await db.put('searchMeta', { ...state, version: INDEX_VERSION - 1 }, SEARCH_STATE_KEY);
    // The old index is not used for new writes: they are queued.
    await put(db, 'jinan', [story('a', '泉城夜景'), story('b', '大明湖畔')]);
    expect(await pendingCount(db)).toBe(1);

    expect(await ensureIndexVersion(db)).toBe('rebuilding');
    expect(await found(db, '泉城')).toEqual([]);
    expect(await pendingCount(db)).toBe(2);
    expect((await maintainSearchIndex(db)).indexed).toBe(2);
    expect(await found(db, '泉城')).toEqual(['a']);
    expect(await found(db, '大明湖')).toEqual(['b']);
    // …and only once.
    expect(await ensureIndexVersion(db)).toBe('current');
    expect((await maintainSearchIndex(db)).indexed).toBe(0);
  });

  it('leaves an index of a newer version alone', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '泉城夜景')]);
    const state = await db.get('searchMeta', SEARCH_STATE_KEY);
    if (!state) throw new Error('no index state');
    await db.put('searchMeta', { ...state, version: INDEX_VERSION + 1 }, SEARCH_STATE_KEY);
    await put(db, 'jinan', [story('a', '泉城夜景'), story('b', '大明湖畔')]);
    const report = await maintainSearchIndex(db);
    expect(report).toEqual({ status: 'newer', indexed: 0, merges: 0 });
    expect(await pendingCount(db)).toBe(1);
    expect((await db.get('searchMeta', SEARCH_STATE_KEY))?.version).toBe(INDEX_VERSION + 1);
  });
});

describe('merging segments', () => {
  it('merges small segments into few, with the same results, and purges deleted documents', async () => {
    const db = await indexingStore();
    await storeDemo(db, ['jinan', 'qingdao', 'hot', 'latest']);
    const queries = ['济南', '青岛', '示例', '数字强省', '5月'];
    const before = await Promise.all(queries.map((query) => found(db, query)));
    const segmentsBefore = await db.count('searchSegments');
    expect(segmentsBefore).toBeGreaterThanOrEqual(8);

    let merges = 0;
    while (await mergeOnce(db)) merges++;
    expect(merges).toBeGreaterThan(0);
    expect(await db.count('searchSegments')).toBeLessThan(segmentsBefore);
    expect(await Promise.all(queries.map((query) => found(db, query)))).toEqual(before);

    // Clearing two of the four channels deletes over a third of the documents: worth a rewrite.
    await clearChannel(db, 'qingdao');
    await clearChannel(db, 'jinan');
    await maintainSearchIndex(db);
    const segments = await db.getAll('searchSegments');
    const indexedDocs = segments.reduce((sum, segment) => sum + segment.docs.length, 0);
    expect(indexedDocs).toBe(await db.count('searchDocs'));
    expect(await db.count('searchDocs')).toBe(await db.count('articles'));
    const stillStored = await db.getAllKeys('articles');
    // Every demo article says 示例内容; the seed article is the one real text.
    const demo = stillStored.filter((id) => id !== 'seed-271a4622fc35748e');
    expect(await found(db, '示例')).toEqual([...demo].sort());
  }, 60_000);
});

describe('reconcile', () => {
  it('repairs what code that does not know the index left behind', async () => {
    const db = await indexingStore();
    await put(db, 'jinan', [story('a', '蓝莓采摘'), story('b', '樱桃采摘')]);
    // Deleted and added behind the index's back (as a direct write would).
    await db.delete('articles', 'a');
    await db.put('articles', {
      article: story('c', '葡萄采摘'),
      channelIds: [],
      storedAt: 1,
      bytes: 10,
    });
    expect(await reconcile(db)).toBe(2);
    expect(await pendingCount(db)).toBe(1);
    await maintainSearchIndex(db);
    expect(await found(db, '采摘')).toEqual(['b', 'c']);
    expect(await reconcile(db)).toBe(0);
  });
});

describe('upgrading the database from version 2', () => {
  it('keeps every article and makes them searchable in the background', async () => {
    const name = uniqueName();
    const v2 = await openDB<QiluSchema>(name, 2, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgradeStore(database, oldVersion, 2, tx),
    });
    expect([...v2.objectStoreNames].some((store) => store.startsWith('search'))).toBe(false);
    await v2.put('articles', {
      article: story('old', '升级之前保存的泉城新闻'),
      channelIds: ['jinan'],
      storedAt: 1000,
      bytes: 100,
    });
    await v2.put('channelPages', {
      channelId: 'jinan',
      pageIndex: 0,
      url: pageUrl('jinan'),
      articleIds: ['old'],
      fetchedAt: 1000,
    });
    await v2.put('user', { id: 'old', savedAt: 2000 });
    v2.close();

    const db = await openStore({ name, indexer: searchIndexer });
    try {
      // Through v3 (the search stores) to the current version.
      expect(db.version).toBe(STORE_VERSION);
      expect((await db.get('articles', 'old'))?.article.text).toBe('升级之前保存的泉城新闻');
      expect((await db.get('channelPages', ['jinan', 0]))?.articleIds).toEqual(['old']);
      expect((await db.get('user', 'old'))?.savedAt).toBe(2000);
      expect(await db.count('searchDocs')).toBe(0);
      const report = await maintainSearchIndex(db);
      expect(report.status).toBe('rebuilding');
      expect(report.indexed).toBe(1);
      expect(await found(db, '泉城')).toEqual(['old']);
    } finally {
      db.close();
    }
  });
});
