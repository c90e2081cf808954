import { afterEach, describe, expect, it } from 'vitest';
import {
  clearHistory,
  evict,
  getArticleRecord,
  getUserArticle,
  listHistory,
  listSaved,
  markRead,
  putFeedPage,
  setPosition,
  setSaved,
} from '../../src/shared/store/index';
import {
  getUserArticles,
  markReadKeeping,
  saveArticle,
  setSavedMany,
} from '../../src/shared/store/user';
import { article, closeStores, feedPage, freshStore, pageUrl } from './store-fixtures';

afterEach(closeStores);

describe('saving articles (收藏)', () => {
  it('saves and unsaves, keeping the first save time when saved twice', async () => {
    const db = await freshStore();
    await setSaved(db, 'a', true, 100);
    await setSaved(db, 'a', true, 200);
    expect(await getUserArticle(db, 'a')).toEqual({ id: 'a', savedAt: 100 });
    await setSaved(db, 'a', false);
    expect(await getUserArticle(db, 'a')).toBeUndefined();
  });

  it('keeps the reading history when an article is unsaved', async () => {
    const db = await freshStore();
    await markRead(db, 'a', 50);
    await setSaved(db, 'a', true, 100);
    await setSaved(db, 'a', false);
    expect(await getUserArticle(db, 'a')).toEqual({ id: 'a', lastReadAt: 50 });
  });

  it('lists saved articles most recently saved first, with the stored article', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), {});
    await setSaved(db, 'a', true, 100);
    await setSaved(db, 'b', true, 300);
    await setSaved(db, 'gone', true, 200);
    await markRead(db, 'c', 400);
    const saved = await listSaved(db);
    expect(saved.map((entry) => entry.user.id)).toEqual(['b', 'gone', 'a']);
    expect(saved.map((entry) => entry.stored?.article.id)).toEqual(['b', undefined, 'a']);
  });
});

describe('reading an article the page showed from prerendered data', () => {
  it('stores it (listed by no channel) with the read, so 最近阅读 lists it at once', async () => {
    const db = await freshStore();
    await markReadKeeping(db, article('shown'), 100);
    expect((await getArticleRecord(db, 'shown'))?.channelIds).toEqual([]);
    expect(await getUserArticle(db, 'shown')).toEqual({ id: 'shown', lastReadAt: 100 });
    const history = await listHistory(db);
    expect(history.map((entry) => entry.stored?.article.id)).toEqual(['shown']);
  });

  it('leaves an article the feed stored as it is, and only records the read', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), {});
    const before = await getArticleRecord(db, 'a');
    await markReadKeeping(db, article('a', { title: '另一个标题' }), 100);
    expect(await getArticleRecord(db, 'a')).toEqual(before);
    expect(await getUserArticle(db, 'a')).toEqual({ id: 'a', lastReadAt: 100 });
  });
});

describe('saving an article with its content', () => {
  it('stores an article that is not stored (listed by no channel) and saves it', async () => {
    const db = await freshStore();
    await saveArticle(db, article('orphan'), 100);
    const stored = await getArticleRecord(db, 'orphan');
    expect(stored?.article.title).toBe('标题 orphan');
    expect(stored?.channelIds).toEqual([]);
    expect(stored?.bytes).toBeGreaterThan(0);
    expect(await getUserArticle(db, 'orphan')).toEqual({ id: 'orphan', savedAt: 100 });
  });

  it('leaves an already stored article as the feed stored it, and keeps the first save time', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), {});
    const before = await getArticleRecord(db, 'a');
    await markRead(db, 'a', 50);
    await saveArticle(db, article('a', { title: '另一个标题' }), 100);
    await saveArticle(db, article('a'), 200);
    expect(await getArticleRecord(db, 'a')).toEqual(before);
    expect(await getUserArticle(db, 'a')).toEqual({ id: 'a', savedAt: 100, lastReadAt: 50 });
  });

  it('keeps an article saved this way through eviction, and lets it go once unsaved', async () => {
    const db = await freshStore();
    await saveArticle(db, article('kept'), 100);
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['other']), {});
    expect(await evict(db, 0)).toBe(1);
    expect(await getArticleRecord(db, 'kept')).toBeDefined();
    expect(await getArticleRecord(db, 'other')).toBeUndefined();
    await setSaved(db, 'kept', false);
    expect(await evict(db, 0)).toBe(1);
    expect(await getArticleRecord(db, 'kept')).toBeUndefined();
  });
});

describe('changing several saved articles at once', () => {
  it('unsaves the chosen ones, and an undo restores them in their old order', async () => {
    const db = await freshStore();
    await setSaved(db, 'a', true, 100);
    await setSaved(db, 'b', true, 200);
    await setSaved(db, 'c', true, 300);
    await markRead(db, 'b', 250);
    await setSavedMany(db, [
      { id: 'a', savedAt: undefined },
      { id: 'b', savedAt: undefined },
    ]);
    expect((await listSaved(db)).map((entry) => entry.user.id)).toEqual(['c']);
    expect(await getUserArticle(db, 'a')).toBeUndefined();
    expect(await getUserArticle(db, 'b')).toEqual({ id: 'b', lastReadAt: 250 });

    await setSavedMany(db, [
      { id: 'a', savedAt: 100 },
      { id: 'b', savedAt: 200 },
    ]);
    expect((await listSaved(db)).map((entry) => entry.user.id)).toEqual(['c', 'b', 'a']);
  });

  it('reads the records of several articles in the order asked, undefined for unknown ones', async () => {
    const db = await freshStore();
    await setSaved(db, 'saved', true, 100);
    await markRead(db, 'read', 200);
    expect(await getUserArticles(db, ['read', 'none', 'saved'])).toEqual([
      { id: 'read', lastReadAt: 200 },
      undefined,
      { id: 'saved', savedAt: 100 },
    ]);
    expect(await getUserArticles(db, [])).toEqual([]);
  });
});

describe('reading history and position', () => {
  it('records the last read time and the position, clamped to 0..1', async () => {
    const db = await freshStore();
    await markRead(db, 'a', 10);
    await setPosition(db, 'a', 0.4);
    await markRead(db, 'a', 20);
    expect(await getUserArticle(db, 'a')).toEqual({ id: 'a', lastReadAt: 20, position: 0.4 });
    await setPosition(db, 'a', 7);
    expect((await getUserArticle(db, 'a'))?.position).toBe(1);
    await setPosition(db, 'a', Number.NaN);
    expect((await getUserArticle(db, 'a'))?.position).toBe(0);
  });

  it('lists history most recent first, up to the limit', async () => {
    const db = await freshStore();
    await markRead(db, 'old', 10);
    await markRead(db, 'new', 30);
    await markRead(db, 'mid', 20);
    await setSaved(db, 'saved-unread', true, 40);
    expect((await listHistory(db)).map((entry) => entry.user.id)).toEqual(['new', 'mid', 'old']);
    expect((await listHistory(db, 2)).map((entry) => entry.user.id)).toEqual(['new', 'mid']);
  });

  it('clears history and positions but keeps saved articles saved', async () => {
    const db = await freshStore();
    await markRead(db, 'a', 10);
    await setPosition(db, 'a', 0.5);
    await markRead(db, 'b', 20);
    await setSaved(db, 'b', true, 30);
    expect(await clearHistory(db)).toBe(2);
    expect(await listHistory(db)).toEqual([]);
    expect(await getUserArticle(db, 'a')).toBeUndefined();
    expect(await getUserArticle(db, 'b')).toEqual({ id: 'b', savedAt: 30 });
  });

  it('deletes, with the history, articles kept only because they were read', async () => {
    const db = await freshStore();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['read', 'listed']), {});
    await markRead(db, 'read', 10);
    await markRead(db, 'listed', 10);
    // 'read' drops off the channel but stays stored for the history.
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['listed']), {});
    expect(await getArticleRecord(db, 'read')).toBeDefined();
    await clearHistory(db);
    expect(await getArticleRecord(db, 'read')).toBeUndefined();
    expect(await getArticleRecord(db, 'listed')).toBeDefined();
  });
});
