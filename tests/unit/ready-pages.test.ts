import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  READY_PAGE_CACHE,
  forgetReadyPages,
  isCurrent,
  matchReadyPage,
  prefsStamp,
  putReadyPage,
  readyPageKey,
  stampedHeaders,
} from '../../src/shared/ready-pages';
import type { ReadyStamp } from '../../src/shared/ready-pages';
import { putArticleDocument } from '../../src/shared/store/article-document';
import { clearAll, clearChannel, evict, putFeedPage, setSaved } from '../../src/shared/store/index';
import { article, closeStores, feedPage, freshStore, pageUrl } from './store-fixtures';

/** A Cache Storage holding responses in memory, enough for what ready-pages does. */
function memoryCaches(): CacheStorage {
  const stores = new Map<string, Map<string, Response>>();
  const cacheFor = (entries: Map<string, Response>): Cache =>
    ({
      match: (key: string) => Promise.resolve(entries.get(key)?.clone()),
      put: (key: string, response: Response) => {
        entries.set(key, response);
        return Promise.resolve();
      },
      delete: (key: string) => Promise.resolve(entries.delete(key)),
    }) as unknown as Cache;
  return {
    open: (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      return Promise.resolve(cacheFor(stores.get(name) ?? new Map()));
    },
    has: (name: string) => Promise.resolve(stores.has(name)),
    delete: (name: string) => Promise.resolve(stores.delete(name)),
  } as unknown as CacheStorage;
}

const PREFS = { rootAttributes: { 'data-theme': 'dark', 'data-size': '200' }, noImages: false };
const STAMP: ReadyStamp = { shell: '/index.html?__WB_REVISION__=a1', prefs: prefsStamp(PREFS) };

function page(stamp: ReadyStamp = STAMP): Response {
  return new Response('<html>…</html>', { headers: stampedHeaders(new Headers(), stamp) });
}

afterEach(() => {
  vi.unstubAllGlobals();
  closeStores();
});

describe('a ready page is served only while its stamp matches', () => {
  it('matches the shell and settings it was rendered with', () => {
    expect(isCurrent(page(), STAMP)).toBe(true);
  });

  it('is stale once the shell is another revision (a new version of the app)', () => {
    expect(isCurrent(page(), { ...STAMP, shell: '/index.html?__WB_REVISION__=b2' })).toBe(false);
  });

  it('is stale once the reader changes a setting or 无图', () => {
    const darker = prefsStamp({ ...PREFS, rootAttributes: { 'data-theme': 'light' } });
    const noImages = prefsStamp({ ...PREFS, noImages: true });
    expect(isCurrent(page(), { ...STAMP, prefs: darker })).toBe(false);
    expect(isCurrent(page(), { ...STAMP, prefs: noImages })).toBe(false);
  });

  it('does not depend on the order the settings were mirrored in', () => {
    const reordered = {
      rootAttributes: { 'data-size': '200', 'data-theme': 'dark' },
      noImages: false,
    };
    expect(prefsStamp(reordered)).toBe(STAMP.prefs);
  });

  it('is not current without a stamp at all', () => {
    expect(isCurrent(new Response('x'), STAMP)).toBe(false);
  });
});

describe('forgetting ready pages', () => {
  it('forgets the pages of the ids given, and keeps the others', async () => {
    vi.stubGlobal('caches', memoryCaches());
    await putReadyPage('a', page());
    await putReadyPage('b/c', page());
    await forgetReadyPages(['b/c']);
    expect(await matchReadyPage('a')).toBeDefined();
    expect(await matchReadyPage('b/c')).toBeUndefined();
  });

  it("forgets every page for 'all'", async () => {
    const storage = memoryCaches();
    vi.stubGlobal('caches', storage);
    await putReadyPage('a', page());
    await forgetReadyPages('all');
    expect(await storage.has(READY_PAGE_CACHE)).toBe(false);
    expect(await matchReadyPage('a')).toBeUndefined();
  });

  it('never throws when Cache Storage fails', async () => {
    vi.stubGlobal('caches', {
      has: () => Promise.reject(new Error('no caches')),
      delete: () => Promise.reject(new Error('no caches')),
      open: () => Promise.reject(new Error('no caches')),
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(forgetReadyPages(['a'])).resolves.toBeUndefined();
    await expect(forgetReadyPages('all')).resolves.toBeUndefined();
    expect(await matchReadyPage('a')).toBeUndefined();
  });

  it('keys ids so that no two articles share a page', () => {
    expect(readyPageKey('a/b')).not.toBe(readyPageKey('a%2Fb'));
  });
});

describe('the store tells its connection which articles changed or went', () => {
  const META = { etag: '"1"' };

  async function store() {
    const changes: (readonly string[] | 'all')[] = [];
    const db = await freshStore({ onArticlesChanged: (ids) => changes.push(ids) });
    return { db, changes };
  }

  it('after a page write: new and changed articles, not unchanged ones', async () => {
    const { db, changes } = await store();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), META);
    expect(changes).toEqual([['a', 'b']]);
    await putFeedPage(
      db,
      'jinan',
      0,
      feedPage(pageUrl('jinan'), ['a', article('b', { title: '新标题' })]),
      META,
    );
    expect(changes.at(-1)).toEqual(['b']);
    const before = changes.length;
    await putFeedPage(db, 'qingdao', 0, feedPage(pageUrl('qingdao'), ['a']), META);
    // Listed in one more channel: its content, and so its page, is the same.
    expect(changes).toHaveLength(before);
  });

  it('after a page write that drops an article no one keeps: its id', async () => {
    const { db, changes } = await store();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), META);
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), META);
    expect(changes.at(-1)).toEqual(['b']);
  });

  it('after an article document changed it, and not when it was the same', async () => {
    const { db, changes } = await store();
    const url = 'https://news.example.com/api/articles/a.json';
    await putArticleDocument(db, article('a'), { url });
    await putArticleDocument(db, article('a'), { url });
    await putArticleDocument(db, article('a', { title: '更正' }), { url });
    expect(changes).toEqual([['a'], ['a']]);
  });

  it('after eviction: the evicted ids, never a saved one', async () => {
    const { db, changes } = await store();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), META);
    await setSaved(db, 'a', true);
    changes.length = 0;
    expect(await evict(db, 0)).toBe(1);
    expect(changes).toEqual([['b']]);
  });

  it("after clearing a channel: its deleted articles; after clearing all: 'all'", async () => {
    const { db, changes } = await store();
    await putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a']), META);
    await putFeedPage(db, 'qingdao', 0, feedPage(pageUrl('qingdao'), ['b']), META);
    changes.length = 0;
    await clearChannel(db, 'jinan');
    expect(changes).toEqual([['a']]);
    await clearAll(db);
    expect(changes.at(-1)).toBe('all');
  });
});
