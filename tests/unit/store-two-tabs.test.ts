import { afterEach, describe, expect, it } from 'vitest';
import {
  deleteDownload,
  getArticleRecord,
  getChannelPageRecord,
  getDownload,
  getUserArticle,
  listHistory,
  listSaved,
  markRead,
  openStore,
  putDownload,
  putFeedPage,
  recordDownloadPage,
  setPosition,
  setSaved,
} from '../../src/shared/store/index';
import type { DownloadRecord, StoreDb } from '../../src/shared/store/index';
import { removeArticles } from '../../src/shared/store/eviction';
import { saveArticle } from '../../src/shared/store/user';
import { article, feedPage, pageUrl, uniqueName } from './store-fixtures';

/**
 * Two tabs (or a tab and the service worker) are two connections to one
 * database. Every write is started before any of them is awaited, so their
 * transactions are queued together and run interleaved: a write that read in
 * one transaction and wrote in another would lose the other's change.
 */

const connections: StoreDb[] = [];

afterEach(() => {
  for (const db of connections.splice(0)) db.close();
});

/** Two open connections to one fresh database: tab A and tab B. */
async function twoTabs(): Promise<[StoreDb, StoreDb]> {
  const name = uniqueName();
  const a = await openStore({ name });
  const b = await openStore({ name });
  connections.push(a, b);
  return [a, b];
}

describe('the reader’s records written from two tabs at once', () => {
  it('keeps every save, read and position, on the same article and on different ones', async () => {
    const [a, b] = await twoTabs();
    await Promise.all([
      setSaved(a, 'same', true, 100),
      markRead(b, 'same', 200),
      setPosition(a, 'same', 0.25),
      saveArticle(b, article('other-b'), 300),
      setSaved(a, 'other-a', true, 400),
      markRead(b, 'other-a', 500),
      setPosition(b, 'other-b', 0.75),
      markRead(a, 'other-b', 600),
      saveArticle(a, article('same'), 700),
    ]);
    for (const db of [a, b]) {
      // The first save time stays (saveArticle keeps it), and nothing else was lost.
      expect(await getUserArticle(db, 'same')).toEqual({
        id: 'same',
        savedAt: 100,
        lastReadAt: 200,
        position: 0.25,
      });
      expect(await getUserArticle(db, 'other-a')).toEqual({
        id: 'other-a',
        savedAt: 400,
        lastReadAt: 500,
      });
      expect(await getUserArticle(db, 'other-b')).toEqual({
        id: 'other-b',
        savedAt: 300,
        lastReadAt: 600,
        position: 0.75,
      });
      expect((await listSaved(db)).map((entry) => entry.user.id)).toEqual([
        'other-a',
        'other-b',
        'same',
      ]);
      expect((await listHistory(db)).map((entry) => entry.user.id)).toEqual([
        'other-b',
        'other-a',
        'same',
      ]);
    }
    expect((await getArticleRecord(a, 'same'))?.article.title).toBe('标题 same');
  });

  it('keeps a save made in one tab while the other unsaves a different article', async () => {
    const [a, b] = await twoTabs();
    await Promise.all([setSaved(a, 'x', true, 1), setSaved(b, 'y', true, 2)]);
    await Promise.all([setSaved(a, 'y', false), setSaved(b, 'z', true, 3), markRead(a, 'x', 4)]);
    expect((await listSaved(b)).map((entry) => entry.user.id)).toEqual(['z', 'x']);
    expect(await getUserArticle(b, 'y')).toBeUndefined();
    expect(await getUserArticle(b, 'x')).toEqual({ id: 'x', savedAt: 1, lastReadAt: 4 });
  });
});

describe('feed writes racing the reader’s writes in another connection', () => {
  it('merges an article’s channels and keeps its save when two channels and a save land at once', async () => {
    const [worker, page] = await twoTabs();
    await Promise.all([
      putFeedPage(worker, 'jinan', 0, feedPage(pageUrl('jinan'), ['shared', 'j']), {}),
      saveArticle(page, article('shared'), 100),
      putFeedPage(page, 'qingdao', 0, feedPage(pageUrl('qingdao'), ['shared', 'q']), {}),
      markRead(worker, 'shared', 200),
    ]);
    const stored = await getArticleRecord(page, 'shared');
    expect([...(stored?.channelIds ?? [])].sort()).toEqual(['jinan', 'qingdao']);
    expect(await getUserArticle(worker, 'shared')).toEqual({
      id: 'shared',
      savedAt: 100,
      lastReadAt: 200,
    });
  });

  it('two writers of the same channel page at once leave one consistent copy', async () => {
    const [worker, page] = await twoTabs();
    await Promise.all([
      putFeedPage(worker, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), { fetchedAt: 1 }),
      putFeedPage(page, 'jinan', 0, feedPage(pageUrl('jinan'), ['b', 'c']), { fetchedAt: 2 }),
    ]);
    // The later write wins whole; what only the earlier one listed is released with it.
    expect((await getChannelPageRecord(worker, 'jinan', 0))?.articleIds).toEqual(['b', 'c']);
    expect(await getArticleRecord(worker, 'a')).toBeUndefined();
    for (const id of ['b', 'c']) {
      expect((await getArticleRecord(page, id))?.channelIds).toEqual(['jinan']);
    }
  });

  it('an eviction never writes back an old copy of a page another connection just stored', async () => {
    const [evicting, writing] = await twoTabs();
    await putFeedPage(writing, 'jinan', 0, feedPage(pageUrl('jinan'), ['old', 'kept']), {
      fetchedAt: 1,
    });
    // The eviction's first transaction reads the page; the new copy is queued
    // right behind it, before the eviction's second transaction rewrites pages.
    await Promise.all([
      removeArticles(evicting, ['old']),
      putFeedPage(writing, 'jinan', 0, feedPage(pageUrl('jinan'), ['new', 'kept']), {
        fetchedAt: 2,
      }),
    ]);
    const stored = await getChannelPageRecord(evicting, 'jinan', 0);
    expect(stored?.articleIds).toEqual(['new', 'kept']);
    expect(stored?.fetchedAt).toBe(2);
    expect(await getArticleRecord(evicting, 'new')).toBeDefined();
  });
});

describe('a download’s progress written by two runs at once', () => {
  const plan: DownloadRecord = {
    id: 'd1',
    channelIds: ['jinan', 'qingdao'],
    depth: 2,
    images: false,
    startedAt: 1,
    status: 'running',
    pages: [],
    articles: 0,
    bytes: 0,
    resumed: 0,
  };
  const done = (channelId: string, pageIndex: number) => ({
    channelId,
    pageIndex,
    url: pageUrl(channelId, pageIndex + 1),
  });

  it('keeps the pages each run stored, and the larger counts', async () => {
    const [oldWorker, newWorker] = await twoTabs();
    await putDownload(oldWorker, plan);
    await Promise.all([
      recordDownloadPage(oldWorker, 'd1', done('jinan', 0), { articles: 5, bytes: 50, resumed: 0 }),
      recordDownloadPage(newWorker, 'd1', done('qingdao', 0), {
        articles: 3,
        bytes: 90,
        resumed: 1,
      }),
      recordDownloadPage(oldWorker, 'd1', done('jinan', 1), { articles: 8, bytes: 80, resumed: 0 }),
      // The same page stored by both runs counts once.
      recordDownloadPage(newWorker, 'd1', done('jinan', 0), { articles: 4, bytes: 40, resumed: 1 }),
    ]);
    const stored = await getDownload(newWorker, 'd1');
    expect(stored?.pages).toEqual([done('jinan', 0), done('qingdao', 0), done('jinan', 1)]);
    expect(stored).toMatchObject({ articles: 8, bytes: 90, resumed: 1, status: 'running' });
  });

  it('does not bring back a download that ended while a page was being recorded', async () => {
    const [a, b] = await twoTabs();
    await putDownload(a, plan);
    const [, late] = await Promise.all([
      deleteDownload(a, 'd1'),
      recordDownloadPage(b, 'd1', done('jinan', 0), { articles: 1, bytes: 1, resumed: 0 }),
    ]);
    expect(late).toBeUndefined();
    expect(await getDownload(a, 'd1')).toBeUndefined();
  });
});
