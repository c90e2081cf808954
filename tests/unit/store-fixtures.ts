import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import type { Article, FeedPage } from '../../src/shared/feed/types';
import { openStore } from '../../src/shared/store/index';
import type { OpenStoreOptions, StoreDb } from '../../src/shared/store/index';

/**
 * Shared by the store-* and sync-* tests: fake-indexeddb as the global
 * IndexedDB, a fresh database per test, and small article and page builders.
 */

let counter = 0;
const opened: StoreDb[] = [];

/** A database name no other test uses, so tests never see each other's data. */
export function uniqueName(): string {
  counter++;
  return `qilu-test-${process.pid}-${counter}`;
}

/** Opens a fresh, empty store; closeStores() closes it after the test. */
export async function freshStore(options: OpenStoreOptions = {}): Promise<StoreDb> {
  const db = await openStore({ name: uniqueName(), ...options });
  opened.push(db);
  return db;
}

/** Closes every store freshStore opened (call in afterEach). */
export function closeStores(): void {
  for (const db of opened.splice(0)) db.close();
}

/** A converted article, as parseFeedPage would produce it. */
export function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    title: `标题 ${id}`,
    subtitles: [],
    datePublished: '2023-05-06T10:30:13+08:00',
    authors: [],
    summary: `摘要 ${id}`,
    tags: [],
    blocks: [{ t: 'p', c: [`正文 ${id}`] }],
    text: `正文 ${id}`,
    ...overrides,
  };
}

/** A validated feed page listing `articles` (ids become articles when given as strings). */
export function feedPage(
  url: string,
  items: readonly (string | Article)[],
  extra: Partial<FeedPage> = {},
): FeedPage {
  return {
    url,
    title: '测试频道',
    items: items.map((item) => (typeof item === 'string' ? article(item) : item)),
    skipped: 0,
    problems: [],
    repaired: 0,
    repairs: [],
    ...extra,
  };
}

/** The URL of page `n` (1-based) of a channel in the fixture API. */
export function pageUrl(channelId: string, n = 1): string {
  return `https://news.example.com/api/feeds/${channelId}${n === 1 ? '' : `-${n}`}.json`;
}

/**
 * What Chromium does to an open connection when the site's storage is cleared from outside:
 * closes it with the forced flag. Resolves once its `close` event has fired (which waits for
 * its transactions to finish).
 */
export function loseConnection(db: StoreDb): Promise<void> {
  const raw = unwrap(db);
  const closed = new Promise<void>((resolve) => {
    raw.addEventListener('close', () => resolve(), { once: true });
  });
  // fake-indexeddb types its argument as its own class; the object is one of its instances.
  forceCloseDatabase(raw as unknown as Parameters<typeof forceCloseDatabase>[0]);
  return closed;
}
