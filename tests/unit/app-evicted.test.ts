import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as EvictedModule from '../../src/app/data/evicted';
import type * as LedgerModule from '../../src/app/lib/ledger';
import { memoryStorage } from './memory-storage';

/**
 * The launch check against a real (fake-indexeddb) database: a database the
 * browser replaced is noticed once, the restore runs (here a stand-in: the
 * real one downloads), and a first visit or a known database says nothing.
 */

const restoreChoices = vi.fn();
let evicted: typeof EvictedModule;
let ledger: typeof LedgerModule;
let storage: Storage;

/** A new page load: fresh modules (the page's connection and notice are module state). */
async function launch(): Promise<void> {
  vi.resetModules();
  vi.doMock('../../src/app/data/restore', () => ({ restoreChoices }));
  evicted = await import('../../src/app/data/evicted');
  ledger = await import('../../src/app/lib/ledger');
  await evicted.checkStorageAtLaunch();
}

/** What the browser does when it evicts the site's IndexedDB (localStorage stays). */
async function evictIndexedDb(): Promise<void> {
  const db = await (await import('../../src/app/data/database')).localDatabase();
  db?.close();
  globalThis.indexedDB = new IDBFactory();
}

/**
 * A reader who chose 济南 for 下载离线, an eviction, and the launch that notices it, with the
 * restore ending as `result` says (the rest of a complete, quiet result).
 */
async function evictedLaunchRestoring(result: Record<string, unknown>): Promise<void> {
  await launch();
  ledger.rememberDownload(['jinan'], 3, true);
  await evictIndexedDb();
  restoreChoices.mockResolvedValueOnce({
    complete: true,
    offline: false,
    articles: 0,
    missing: 0,
    channelsFailed: false,
    ...result,
  });
  await launch();
}

beforeEach(() => {
  // No module state (the page's connection) may reach back to another test's database.
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('navigator', { onLine: true });
  restoreChoices.mockReset();
  restoreChoices.mockResolvedValue({
    complete: true,
    offline: false,
    articles: 12,
    missing: 0,
    channelsFailed: false,
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.doUnmock('../../src/app/data/restore');
});

describe('evictionMessage', () => {
  it('says what happened in every state, and what could not be fetched', async () => {
    await launch();
    expect(evicted.evictionMessage({ state: 'restoring' })).toBe(
      '浏览器清理了本机的离线内容，正在重新下载您选择的频道和收藏的文章。',
    );
    expect(evicted.evictionMessage({ state: 'waiting' })).toBe(
      '浏览器清理了本机的离线内容。联网后会重新下载您选择的频道和收藏的文章。',
    );
    expect(evicted.evictionMessage({ state: 'done', articles: 12, missing: 0 })).toBe(
      '浏览器清理了本机的离线内容，已重新下载您选择的频道和收藏的文章（共 12 篇），可以离线阅读了。',
    );
    expect(evicted.evictionMessage({ state: 'done', articles: 3, missing: 2 })).toContain(
      '有 2 篇收藏的文章暂时无法下载，稍后会再试。',
    );
    expect(evicted.evictionMessage({ state: 'failed', articles: 4 })).toBe(
      '浏览器清理了本机的离线内容，重新下载没有完成（已下载 4 篇）。下次打开时会再试，也可以在“设置 › 离线与存储”中重新下载。',
    );
    expect(evicted.evictionMessage({ state: 'failed', articles: 0 })).not.toContain('已下载');
  });
});

describe('checkStorageAtLaunch', () => {
  it('says nothing on a first visit and adopts the new database', async () => {
    await launch();
    expect(evicted.evictionNotice.get()).toBeUndefined();
    expect(restoreChoices).not.toHaveBeenCalled();
    expect(ledger.readLedger()?.generation).toEqual(expect.any(String));
  });

  it('notices a replaced database once, restores, and says nothing on the next launch', async () => {
    await launch();
    ledger.rememberDownload(['jinan'], 2, true);
    ledger.rememberSaved([{ id: 'a1', at: 10 }]);
    const before = ledger.readLedger()?.generation;
    await launch();
    expect(evicted.evictionNotice.get()).toBeUndefined();

    await evictIndexedDb();
    await launch();
    await vi.waitFor(() => {
      expect(evicted.evictionNotice.get()).toEqual({ state: 'done', articles: 12, missing: 0 });
    });
    expect(restoreChoices).toHaveBeenCalledTimes(1);
    const after = ledger.readLedger();
    expect(after?.generation).not.toBe(before);
    expect(after).toMatchObject({ pending: false, channels: ['jinan'] });

    await launch();
    expect(evicted.evictionNotice.get()).toBeUndefined();
    expect(restoreChoices).toHaveBeenCalledTimes(1);
  });

  it('with nothing chosen, a replaced database is adopted quietly', async () => {
    await launch();
    await evictIndexedDb();
    await launch();
    expect(evicted.evictionNotice.get()).toBeUndefined();
    expect(restoreChoices).not.toHaveBeenCalled();
  });

  it('offline, says it will download when back online, and does on `online`', async () => {
    await launch();
    ledger.rememberSaved([{ id: 'a1', at: 10 }]);
    await evictIndexedDb();
    const listeners: (() => void)[] = [];
    vi.stubGlobal('navigator', { onLine: false });
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
      if (type === 'online') listeners.push(listener);
    });
    await launch();
    expect(evicted.evictionNotice.get()).toEqual({ state: 'waiting' });
    expect(restoreChoices).not.toHaveBeenCalled();

    vi.stubGlobal('navigator', { onLine: true });
    for (const listener of listeners) listener();
    await vi.waitFor(() => {
      expect(evicted.evictionNotice.get()).toMatchObject({ state: 'done' });
    });
    expect(restoreChoices).toHaveBeenCalledTimes(1);
  });

  it('an unfinished restore is continued quietly on the next launch, never said twice', async () => {
    await evictedLaunchRestoring({ complete: false, articles: 3, missing: 1 });
    await vi.waitFor(() => {
      expect(evicted.evictionNotice.get()).toMatchObject({ state: 'done', missing: 1 });
    });
    expect(ledger.readLedger()?.pending).toBe(true);

    await launch();
    await vi.waitFor(() => {
      expect(restoreChoices).toHaveBeenCalledTimes(2);
    });
    await vi.waitFor(() => {
      expect(ledger.readLedger()?.pending).toBe(false);
    });
    expect(evicted.evictionNotice.get()).toBeUndefined();
  });

  it('a channel download that fails is said, not called done, and is tried again next launch', async () => {
    await evictedLaunchRestoring({ complete: false, articles: 2, channelsFailed: true });
    await vi.waitFor(() => {
      expect(evicted.evictionNotice.get()).toEqual({ state: 'failed', articles: 2 });
    });
    expect(ledger.readLedger()?.pending).toBe(true);
    await launch();
    await vi.waitFor(() => {
      expect(ledger.readLedger()?.pending).toBe(false);
    });
    expect(restoreChoices).toHaveBeenCalledTimes(2);
    expect(evicted.evictionNotice.get()).toBeUndefined();
  });

  it('a restore that throws says it did not finish, instead of vanishing', async () => {
    await launch();
    ledger.rememberSaved([{ id: 'a1', at: 10 }]);
    await evictIndexedDb();
    restoreChoices.mockRejectedValueOnce(new Error('the restore module failed to load'));
    await launch();
    await vi.waitFor(() => {
      expect(evicted.evictionNotice.get()).toEqual({ state: 'failed', articles: 0 });
    });
    expect(ledger.readLedger()?.pending).toBe(true);
  });

  it('a ledger from before the ledger learns the saved articles from the database', async () => {
    const { saveArticle } = await import('../../src/shared/store/index');
    const { article } = await import('./store-fixtures');
    const db = await (await import('../../src/app/data/database')).localDatabase();
    if (!db) throw new Error('expected a database');
    await saveArticle(db, article('a7'), 70);
    await launch();
    expect(ledger.readLedger()?.saved).toEqual([{ id: 'a7', at: 70 }]);
  });
  it('heals a saved list the ledger missed (two tabs rewrote it at once) at the next launch', async () => {
    const { saveArticle, setSaved } = await import('../../src/shared/store/index');
    const { article } = await import('./store-fixtures');
    const db = await (await import('../../src/app/data/database')).localDatabase();
    if (!db) throw new Error('expected a database');
    await saveArticle(db, article('a1'), 10);
    await launch();
    expect(ledger.readLedger()?.saved).toEqual([{ id: 'a1', at: 10 }]);
    // Saved in the database, but the ledger's write lost to another tab's; a1 unsaved elsewhere.
    const reopened = await (await import('../../src/app/data/database')).localDatabase();
    if (!reopened) throw new Error('expected a database');
    await saveArticle(reopened, article('a2'), 20);
    await setSaved(reopened, 'a1', false);
    await launch();
    expect(ledger.readLedger()?.saved).toEqual([{ id: 'a2', at: 20 }]);
  });
});
