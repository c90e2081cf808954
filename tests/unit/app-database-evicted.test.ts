import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as StoreModule from '../../src/shared/store/index';
import { feedPage, pageUrl } from './store-fixtures';

/**
 * Articles the page evicts itself (a full disk while it is the writer) take their downloaded
 * pictures with them: the page asks the worker to prune them, as the worker's own evictions do.
 */

const askWorker = vi.fn();
let workerControls = true;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  askWorker.mockReset();
  askWorker.mockResolvedValue({ requestId: 'r', ok: true });
  workerControls = true;
  vi.doMock('../../src/app/pwa/worker-client', () => ({
    askWorker,
    hasWorker: () => workerControls,
    newRequestId: () => 'r',
  }));
});

afterEach(() => {
  vi.doUnmock('../../src/app/pwa/worker-client');
});

let evict: typeof StoreModule.evict;

/**
 * The page's database with one channel page of two unsaved articles. The store module is
 * imported after the reset, as the page's is: its hooks are per module instance.
 */
async function pageDatabaseWithArticles() {
  const store = await import('../../src/shared/store/index');
  evict = store.evict;
  const { localDatabase } = await import('../../src/app/data/database');
  const db = await localDatabase();
  if (!db) throw new Error('expected the page database');
  await store.putFeedPage(db, 'jinan', 0, feedPage(pageUrl('jinan'), ['a', 'b']), {});
  return db;
}

describe('the page database after an eviction', () => {
  it('asks the worker to prune pictures no stored article uses', async () => {
    const db = await pageDatabaseWithArticles();
    expect(await evict(db, 0)).toBe(2);
    await vi.waitFor(() => {
      expect(askWorker).toHaveBeenCalledWith({ type: 'prune-images', requestId: 'r' });
    });
  });

  it('asks nothing when nothing was evicted, or when no worker controls the page', async () => {
    const db = await pageDatabaseWithArticles();
    expect(await evict(db, Number.MAX_SAFE_INTEGER)).toBe(0);
    workerControls = false;
    expect(await evict(db, 0)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(askWorker).not.toHaveBeenCalled();
  });
});
