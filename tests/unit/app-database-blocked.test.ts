import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DatabaseModule from '../../src/app/data/database';
import { DB_NAME } from '../../src/shared/cache-names';
import { setSaved } from '../../src/shared/store/index';
import { STORE_VERSION } from '../../src/shared/store/schema';
import { loseConnection } from './store-fixtures';

/**
 * A blocked upgrade (an old tab holding an older version open) must not make the page wait:
 * the page reads from the network at once and says why, and picks the database up as soon
 * as the old tab lets the upgrade through. A connection the browser closes under the page is
 * reopened once; lost again, the page reads from the network and says so.
 */

/** Opens version 1 of the database and keeps it open, ignoring requests to close it. */
function holdVersion1(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      // Version 1 exactly as src/shared/store/schema.ts upgrades from it.
      const v1 = request.result;
      const articles = v1.createObjectStore('articles', { keyPath: 'article.id' });
      articles.createIndex('channelId', 'channelIds', { multiEntry: true });
      v1.createObjectStore('channelPages', { keyPath: ['channelId', 'pageIndex'] });
      v1.createObjectStore('feedMeta', { keyPath: 'url' });
      v1.createObjectStore('directory');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

let database: typeof DatabaseModule;

// Each test gets a fresh IndexedDB and a fresh page module (its connection is module state).
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  database = await import('../../src/app/data/database');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the page database behind a blocked upgrade', () => {
  it('answers network-only at once, says blocked, and has the database once the old tab closes', async () => {
    const oldTab = await holdVersion1();
    const first = await database.localDatabase();
    expect(first).toBeUndefined();
    expect(database.storageStatus.get()).toBe('blocked');

    oldTab.close();
    await vi.waitFor(() => {
      expect(database.storageStatus.get()).toBe('available');
    });
    const db = await database.localDatabase();
    expect(db?.version).toBe(STORE_VERSION);
    db?.close();
  });

  it('without an old tab, answers with the database itself', async () => {
    const db = await database.localDatabase();
    expect(db?.version).toBe(STORE_VERSION);
    expect(database.storageStatus.get()).toBe('available');
    db?.close();
  });
});

describe('the page database when the browser closes the connection', () => {
  it('reopens once, then reads from the network and says storage is unavailable', async () => {
    const first = await database.localDatabase();
    if (!first) throw new Error('expected a database');
    await loseConnection(first);

    const second = await database.localDatabase();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(database.storageStatus.get()).toBe('available');
    if (!second) return;
    await setSaved(second, 'b', true, 2);

    await loseConnection(second);
    expect(database.storageStatus.get()).toBe('unavailable');
    expect(await database.localDatabase()).toBeUndefined();
  });
});
