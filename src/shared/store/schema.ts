import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { articleBytes } from './bytes';
import type {
  ChannelPageRecord,
  DirectoryRecord,
  FeedMetaRecord,
  StoredArticle,
  UserArticleRecord,
} from './records';
import type { DownloadRecord } from './downloads';
import type { GenerationRecord } from './generation';
import type {
  PostingsRecord,
  SearchDocRecord,
  SearchStateRecord,
  SegmentRecord,
} from './search-records';
import type { SEARCH_STATE_KEY } from './search-records';

/**
 * The one IndexedDB schema, and how every older version on disk becomes it.
 *
 * Version history (each step runs once, in order, inside the upgrade
 * transaction, so a failed step rolls the whole upgrade back):
 *
 * - v1: `articles` (keyPath `article.id`; index `channelId` on `channelIds`,
 *   multiEntry) holding `{ article, channelIds, storedAt }`; `channelPages`
 *   (keyPath `[channelId, pageIndex]`); `feedMeta` (keyPath `url`);
 *   `directory` (out-of-line key `'current'`).
 * - v2: articles gain `bytes` (filled in for every v1 record) and an index
 *   `usage` on `[storedAt, bytes]`, so eviction and usage read sizes from keys
 *   without loading bodies; `channelPages` gains an index `url` (a 304 updates
 *   the page it belongs to); new store `user` (keyPath `id`; indexes `savedAt`,
 *   `lastReadAt`) for 收藏, reading position and history.
 * - v3: the full-text search index (src/shared/search, docs/search.md):
 *   `searchMeta` (out-of-line key `'state'`), `searchSegments` (keyPath `id`),
 *   `searchPostings` (out-of-line key `[buckets, bucket, segment]`; index
 *   `segment`), `searchDocs` (keyPath `doc`; index `articleId`) and
 *   `searchPending` (article id → when it was queued). Existing articles are
 *   not indexed in the upgrade: with no `searchMeta` record the search
 *   maintenance queues all of them once, in the background.
 * - v4: `downloads` (keyPath `id`): the plan and progress of a 下载离线
 *   (channels, depth, images; the pages done, with their URLs), so a download
 *   cut off by a lost connection, a closed tab or a stopped worker resumes
 *   where it stopped. Nothing to migrate: the store starts empty.
 * - v5: `generation` (out-of-line key `'current'`): the id of this database
 *   (src/shared/store/generation.ts), so the page can tell a database the
 *   browser replaced (storage evicted) from the one it filled. Nothing to
 *   migrate: the first open after the upgrade writes it.
 */
export interface QiluSchema extends DBSchema {
  articles: {
    key: string;
    value: StoredArticle;
    indexes: {
      /** One entry per channel the article is listed in. */
      channelId: string;
      /** Age and size without reading the article: `[storedAt, bytes]`. */
      usage: [number, number];
    };
  };
  channelPages: {
    key: [string, number];
    value: ChannelPageRecord;
    indexes: { url: string };
  };
  feedMeta: { key: string; value: FeedMetaRecord };
  directory: { key: typeof DIRECTORY_KEY; value: DirectoryRecord };
  user: {
    key: string;
    value: UserArticleRecord;
    indexes: { savedAt: number; lastReadAt: number };
  };
  searchMeta: { key: typeof SEARCH_STATE_KEY; value: SearchStateRecord };
  searchSegments: { key: number; value: SegmentRecord };
  searchPostings: {
    key: [number, number, number];
    value: PostingsRecord;
    indexes: { segment: number };
  };
  searchDocs: { key: number; value: SearchDocRecord; indexes: { articleId: string } };
  /** Articles stored but not yet indexed (written by code without the indexer, or awaiting a re-index). */
  searchPending: { key: string; value: number };
  /** 下载离线 plans and progress, by download id (at most a few). */
  downloads: { key: string; value: DownloadRecord };
  /** This database's generation id (one record). */
  generation: { key: typeof GENERATION_KEY; value: GenerationRecord };
}

/** An open connection to the store. Pass it to the store and sync functions. */
export type StoreDb = IDBPDatabase<QiluSchema>;

/** Name of one object store. */
export type StoreName = StoreNames<QiluSchema>;

/** The schema version this code reads and writes. */
export const STORE_VERSION = 5;

/** Key of the single record in `directory`. */
export const DIRECTORY_KEY = 'current';

/** Key of the single record in `generation`. */
export const GENERATION_KEY = 'current';

type UpgradeTransaction = IDBPTransaction<QiluSchema, StoreName[], 'versionchange'>;

/** v1: the feed data, without sizes or user data. */
function createVersion1(db: StoreDb): void {
  const articles = db.createObjectStore('articles', { keyPath: 'article.id' });
  articles.createIndex('channelId', 'channelIds', { multiEntry: true });
  db.createObjectStore('channelPages', { keyPath: ['channelId', 'pageIndex'] });
  db.createObjectStore('feedMeta', { keyPath: 'url' });
  db.createObjectStore('directory');
}

/** v2: sizes for the storage budget, the page-by-URL index, and the reader's own data. */
function upgradeToVersion2(db: StoreDb, tx: UpgradeTransaction): Promise<void> {
  const articles = tx.objectStore('articles');
  articles.createIndex('usage', ['storedAt', 'bytes']);
  tx.objectStore('channelPages').createIndex('url', 'url');
  const user = db.createObjectStore('user', { keyPath: 'id' });
  user.createIndex('savedAt', 'savedAt');
  user.createIndex('lastReadAt', 'lastReadAt');
  return backfillBytes(articles);
}

/** v1 records have no `bytes`; without it they would be missing from the `usage` index. */
async function backfillBytes(
  articles: IDBPObjectStore<QiluSchema, StoreName[], 'articles', 'versionchange'>,
): Promise<void> {
  let cursor = await articles.openCursor();
  while (cursor) {
    const value = cursor.value as Partial<StoredArticle> & Pick<StoredArticle, 'article'>;
    if (typeof value.bytes !== 'number') {
      await cursor.update({
        article: value.article,
        channelIds: value.channelIds ?? [],
        storedAt: value.storedAt ?? Date.now(),
        bytes: articleBytes(value.article),
      });
    }
    cursor = await cursor.continue();
  }
}

/** v3: the search index's object stores, empty. */
function createVersion3(db: StoreDb): void {
  db.createObjectStore('searchMeta');
  db.createObjectStore('searchSegments', { keyPath: 'id' });
  db.createObjectStore('searchPostings').createIndex('segment', 'segment');
  db.createObjectStore('searchDocs', { keyPath: 'doc' }).createIndex('articleId', 'articleId');
  db.createObjectStore('searchPending');
}

/**
 * Brings a database at `oldVersion` up to `targetVersion` (the `upgrade`
 * callback of openDB). Exported so tests (and only tests) can create the
 * previous version with data in it and check that upgrading keeps it.
 */
export function upgradeStore(
  db: StoreDb,
  oldVersion: number,
  targetVersion: number,
  tx: UpgradeTransaction,
): void {
  // A failed upgrade rejects the open, which reports it; idb's `done` promise would go unhandled.
  tx.done.catch(() => undefined);
  if (oldVersion < 1 && targetVersion >= 1) createVersion1(db);
  if (oldVersion < 2 && targetVersion >= 2) {
    // The data step is asynchronous; a failure must abort the upgrade, not leave it half done.
    upgradeToVersion2(db, tx).catch(() => {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: the open request reports the failure.
      }
    });
  }
  if (oldVersion < 3 && targetVersion >= 3) createVersion3(db);
  if (oldVersion < 4 && targetVersion >= 4) db.createObjectStore('downloads', { keyPath: 'id' });
  if (oldVersion < 5 && targetVersion >= 5) db.createObjectStore('generation');
}
