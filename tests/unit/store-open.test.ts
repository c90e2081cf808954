import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ensureGeneration,
  getArticleRecord,
  getChannelArticles,
  getChannelPages,
  getDirectoryRecord,
  getFeedMeta,
  listSaved,
  markFetched,
  openStore,
  setSaved,
  STORE_VERSION,
  StoreUnavailableError,
  usageByChannel,
} from '../../src/shared/store/index';
import type { QiluSchema } from '../../src/shared/store/index';
import { articleBytes } from '../../src/shared/store/bytes';
import { DIRECTORY_KEY, upgradeStore } from '../../src/shared/store/schema';
import { article, closeStores, freshStore, pageUrl, uniqueName } from './store-fixtures';

afterEach(() => {
  closeStores();
  vi.unstubAllGlobals();
});

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the promise to reject'),
    (reason: unknown) => reason,
  );
}

/** Creates a database exactly as version 1 of the app left it, with data in every store. */
async function createVersion1WithData(name: string): Promise<void> {
  const db = await openDB<QiluSchema>(name, 1, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgradeStore(database, oldVersion, 1, tx),
  });
  expect([...db.objectStoreNames].sort()).toEqual([
    'articles',
    'channelPages',
    'directory',
    'feedMeta',
  ]);
  const tx = db.transaction(['articles', 'channelPages', 'feedMeta', 'directory'], 'readwrite');
  // v1 records had no `bytes`: the cast writes them as v1 did.
  const v1Article = (id: string, channelIds: string[]) =>
    ({
      article: article(id),
      channelIds,
      storedAt: 1000,
    }) as unknown as QiluSchema['articles']['value'];
  await Promise.all([
    tx.objectStore('articles').put(v1Article('a1', ['jinan'])),
    tx.objectStore('articles').put(v1Article('a2', ['jinan', 'hot'])),
    tx.objectStore('channelPages').put({
      channelId: 'jinan',
      pageIndex: 0,
      url: pageUrl('jinan'),
      articleIds: ['a1', 'a2'],
      nextUrl: pageUrl('jinan', 2),
      fetchedAt: 1000,
    }),
    tx.objectStore('feedMeta').put({ url: pageUrl('jinan'), etag: '"v1"', fetchedAt: 1000 }),
    tx
      .objectStore('directory')
      .put(
        { directory: { version: 1, title: '大众网', channels: [] }, fetchedAt: 900 },
        DIRECTORY_KEY,
      ),
    tx.done,
  ]);
  db.close();
}

describe('openStore', () => {
  it('creates every object store of the current version on a new device', async () => {
    const db = await freshStore();
    expect(db.version).toBe(STORE_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'articles',
      'channelPages',
      'directory',
      'downloads',
      'feedMeta',
      'generation',
      'searchDocs',
      'searchMeta',
      'searchPending',
      'searchPostings',
      'searchSegments',
      'user',
    ]);
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual(['channelId', 'usage']);
    expect([...db.transaction('user').store.indexNames].sort()).toEqual(['lastReadAt', 'savedAt']);
    expect([...db.transaction('searchDocs').store.indexNames]).toEqual(['articleId']);
    expect([...db.transaction('searchPostings').store.indexNames]).toEqual(['segment']);
  });

  it('upgrades v3 to v4: adds an empty downloads store and keeps the data', async () => {
    const name = uniqueName();
    const v3 = await openDB<QiluSchema>(name, 3, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgradeStore(database, oldVersion, 3, tx),
    });
    expect([...v3.objectStoreNames]).not.toContain('downloads');
    await v3.put('feedMeta', { url: pageUrl('jinan'), etag: '"v3"', fetchedAt: 3000 });
    v3.close();
    const db = await openStore({ name });
    expect(db.version).toBe(STORE_VERSION);
    expect(await db.count('downloads')).toBe(0);
    expect(await db.get('feedMeta', pageUrl('jinan'))).toEqual({
      url: pageUrl('jinan'),
      etag: '"v3"',
      fetchedAt: 3000,
    });
    db.close();
  });

  it('upgrades v4 to v5: adds the generation store, keeps the data, and the first ensure writes the id', async () => {
    const name = uniqueName();
    const v4 = await openDB<QiluSchema>(name, 4, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgradeStore(database, oldVersion, 4, tx),
    });
    expect([...v4.objectStoreNames]).not.toContain('generation');
    await v4.put('feedMeta', { url: pageUrl('jinan'), etag: '"v4"', fetchedAt: 4000 });
    v4.close();
    const db = await openStore({ name });
    expect(db.version).toBe(5);
    expect(await db.count('generation')).toBe(0);
    expect(await ensureGeneration(db, 'g-first')).toBe('g-first');
    // Written once: a later id (another tab, a later visit) does not replace it.
    expect(await ensureGeneration(db, 'g-second')).toBe('g-first');
    expect(await db.get('feedMeta', pageUrl('jinan'))).toEqual({
      url: pageUrl('jinan'),
      etag: '"v4"',
      fetchedAt: 4000,
    });
    db.close();
  });

  it('rejects with StoreUnavailableError "missing" when there is no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const error = await failureOf(openStore({ name: uniqueName() }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).reason).toBe('missing');
    expect((error as StoreUnavailableError).userMessage).toContain('本机存储不可用');
  });

  it('rejects with StoreUnavailableError "failed" when the open request fails', async () => {
    const name = uniqueName();
    // A newer schema on disk (the app was rolled back) makes the open fail with a VersionError.
    const newer = await openDB(name, STORE_VERSION + 1);
    newer.close();
    const error = await failureOf(openStore({ name }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).reason).toBe('failed');
    expect((error as Error).message).toContain('VersionError');
    await deleteDB(name);
  });

  it('rejects with StoreUnavailableError "blocked" when an older connection never lets go', async () => {
    const name = uniqueName();
    await createVersion1WithData(name);
    const old = await openDB(name, 1);
    // A connection that ignores versionchange, as a stale tab without our handler would.
    old.addEventListener('versionchange', () => undefined);
    const error = await failureOf(openStore({ name, timeoutMs: 50 }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).reason).toBe('blocked');
    old.close();
  });

  it('closes its connection and says so when another context opens a newer version', async () => {
    const name = uniqueName();
    const onVersionChange = vi.fn();
    await openStore({ name, onVersionChange });
    const newer = await openDB(name, STORE_VERSION + 1);
    expect(onVersionChange).toHaveBeenCalledOnce();
    newer.close();
  });
});

describe('upgrading from version 1', () => {
  it('keeps every article, page, feed record and the directory', async () => {
    const name = uniqueName();
    await createVersion1WithData(name);
    const db = await openStore({ name });
    try {
      expect(db.version).toBe(STORE_VERSION);
      expect((await getChannelArticles(db, 'jinan')).map((a) => a.id)).toEqual(['a1', 'a2']);
      expect((await getArticleRecord(db, 'a2'))?.channelIds).toEqual(['jinan', 'hot']);
      expect((await getChannelPages(db, 'jinan'))[0]?.nextUrl).toBe(pageUrl('jinan', 2));
      expect((await getFeedMeta(db, pageUrl('jinan')))?.etag).toBe('"v1"');
      expect((await getDirectoryRecord(db))?.directory.title).toBe('大众网');
    } finally {
      db.close();
    }
  });

  it('fills in the size of every stored article, so usage counts them', async () => {
    const name = uniqueName();
    await createVersion1WithData(name);
    const db = await openStore({ name });
    try {
      const bytes = articleBytes(article('a1'));
      expect((await getArticleRecord(db, 'a1'))?.bytes).toBe(bytes);
      expect(await usageByChannel(db)).toEqual([
        { channelId: 'jinan', articles: 2, bytes: bytes + articleBytes(article('a2')) },
        { channelId: 'hot', articles: 1, bytes: articleBytes(article('a2')) },
      ]);
    } finally {
      db.close();
    }
  });

  it('adds the stores and indexes of version 2, which then work on the old data', async () => {
    const name = uniqueName();
    await createVersion1WithData(name);
    const db = await openStore({ name });
    try {
      await setSaved(db, 'a1', true, 5000);
      expect((await listSaved(db)).map((entry) => entry.stored?.article.id)).toEqual(['a1']);
      // The `url` index of channel pages: a 304 for the page's URL moves its fetchedAt.
      await markFetched(db, pageUrl('jinan'), 7000);
      expect((await getChannelPages(db, 'jinan'))[0]?.fetchedAt).toBe(7000);
    } finally {
      db.close();
    }
  });
});
