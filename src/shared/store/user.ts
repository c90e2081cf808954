import type { Article } from '../feed/types';
import { articleBytes } from './bytes';
import type { StoredArticle, UserArticleRecord } from './records';
import { articlesChanged } from './hooks';
import { writeWithRoom } from './room';
import type { StoreDb } from './schema';
import type { WriteTx } from './transaction';
import { inTransaction, read } from './transaction';

export { countRead, getUserArticle, getUserArticles, listSavedIds } from './user-reads';

/**
 * The reader's own data about articles: 收藏 (saved), 最近阅读 (history) and
 * reading position. Small records keyed by article id, kept apart from the
 * articles so a refresh never overwrites them.
 */

/** A saved or recently read article: the reader's record and the article, if still stored. */
export interface UserArticleEntry {
  readonly user: UserArticleRecord;
  /** Undefined when the article was cleared or evicted (saved ones never are). */
  readonly stored: StoredArticle | undefined;
}

/** A record without the fields that are undefined (so it leaves the indexes it no longer has a key for). */
function compact(record: UserArticleRecord): UserArticleRecord {
  return {
    id: record.id,
    ...(record.savedAt !== undefined && { savedAt: record.savedAt }),
    ...(record.lastReadAt !== undefined && { lastReadAt: record.lastReadAt }),
    ...(record.position !== undefined && { position: record.position }),
  };
}

/** True when a record says nothing any more and can be deleted. */
function isEmpty(record: UserArticleRecord): boolean {
  return (
    record.savedAt === undefined && record.lastReadAt === undefined && record.position === undefined
  );
}

/** The `user` object store of a read-write transaction, whichever stores it spans. */
interface UserStore {
  get(id: string): Promise<UserArticleRecord | undefined>;
  put(record: UserArticleRecord): Promise<unknown>;
  delete(id: string): Promise<unknown>;
}

/** Read-modify-write of one user record in `store`. */
async function updateIn(
  store: UserStore,
  id: string,
  change: (record: UserArticleRecord) => UserArticleRecord,
): Promise<void> {
  const next = compact(change((await store.get(id)) ?? { id }));
  await (isEmpty(next) ? store.delete(id) : store.put(next));
}

/** Read-modify-write of some user records in one transaction. */
function updateUsers(
  db: StoreDb,
  action: string,
  ids: readonly string[],
  change: (record: UserArticleRecord) => UserArticleRecord,
): Promise<void> {
  return writeWithRoom(db, action, () =>
    inTransaction(db, ['user'], async (tx) => {
      const store = tx.objectStore('user');
      await Promise.all(ids.map((id) => updateIn(store, id, change)));
    }),
  );
}

/** Read-modify-write of one user record in one transaction. */
function updateUser(
  db: StoreDb,
  action: string,
  id: string,
  change: (record: UserArticleRecord) => UserArticleRecord,
): Promise<void> {
  return updateUsers(db, action, [id], change);
}

/**
 * Saves (收藏) or unsaves an article. A saved article is never evicted and
 * survives clearing its channel.
 * @throws StoreError when IndexedDB fails.
 */
export function setSaved(
  db: StoreDb,
  id: string,
  saved: boolean,
  at: number = Date.now(),
): Promise<void> {
  return updateUser(db, 'setSaved', id, (record) => ({
    ...record,
    savedAt: saved ? (record.savedAt ?? at) : undefined,
  }));
}

/**
 * Saves (收藏) `article` and makes sure the article itself is stored, in one
 * transaction: normally it is already (lists and pages are read from
 * IndexedDB), but an article evicted while it was on screen would otherwise be
 * a saved entry with nothing to read offline. An article stored this way is
 * listed by no channel (`channelIds` empty); being saved is what keeps it.
 * The first save time is kept when it was saved already.
 * @throws StoreError when IndexedDB fails (StoreQuotaError when even eviction made no room).
 */
export function saveArticle(db: StoreDb, article: Article, at: number = Date.now()): Promise<void> {
  return keepArticle(db, 'saveArticle', article, at, (record) => ({
    ...record,
    savedAt: record.savedAt ?? at,
  }));
}

/**
 * Records that the reader opened `article` ({@link markRead}) and stores the
 * article if it is not stored yet, in one transaction: for an article the page
 * showed from a prerendered page's data (src/app/data/prerendered.ts), which
 * the worker has not fetched yet, so that 最近阅读 lists it at once. Stored
 * this way it is listed by no channel, like a saved one.
 * @throws StoreError when IndexedDB fails.
 */
export function markReadKeeping(
  db: StoreDb,
  article: Article,
  at: number = Date.now(),
): Promise<void> {
  return keepArticle(db, 'markReadKeeping', article, at, (record) => ({
    ...record,
    lastReadAt: at,
  }));
}

/** Stores `article` unless it is stored, and changes its user record, in one transaction. */
function keepArticle(
  db: StoreDb,
  operation: string,
  article: Article,
  at: number,
  change: (record: UserArticleRecord) => UserArticleRecord,
): Promise<void> {
  const bytes = articleBytes(article);
  return writeWithRoom(
    db,
    operation,
    () =>
      inTransaction(db, ['user', 'articles'], async (tx) => {
        const articles = tx.objectStore('articles');
        if ((await articles.getKey(article.id)) === undefined) {
          await articles.put({ article, channelIds: [], storedAt: at, bytes });
        }
        await updateIn(tx.objectStore('user'), article.id, change);
      }),
    bytes,
  );
}

/** One change of {@link setSavedMany}. */
export interface SavedChange {
  readonly id: string;
  /** When the article counts as saved (an undo restores the old time, and so the old order); undefined unsaves it. */
  readonly savedAt: number | undefined;
}

/**
 * Saves or unsaves several articles in one transaction (「移除所选」 and its
 * 撤销), setting each `savedAt` exactly as given. Reading history and position
 * are left alone.
 * @throws StoreError when IndexedDB fails.
 */
export function setSavedMany(db: StoreDb, changes: readonly SavedChange[]): Promise<void> {
  const savedAt = new Map(changes.map((change) => [change.id, change.savedAt]));
  return updateUsers(db, 'setSavedMany', [...savedAt.keys()], (record) => ({
    ...record,
    savedAt: savedAt.get(record.id),
  }));
}

/**
 * Records that the reader opened an article (最近阅读; also what keeps it from
 * eviction longest among unsaved articles).
 * @throws StoreError when IndexedDB fails.
 */
export function markRead(db: StoreDb, id: string, at: number = Date.now()): Promise<void> {
  return updateUser(db, 'markRead', id, (record) => ({ ...record, lastReadAt: at }));
}

/**
 * Remembers how far the reader got, as a fraction 0..1 of the article's height
 * (values outside are clamped).
 * @throws StoreError when IndexedDB fails.
 */
export function setPosition(db: StoreDb, id: string, fraction: number): Promise<void> {
  const position = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return updateUser(db, 'setPosition', id, (record) => ({ ...record, position }));
}

/** Saved articles, most recently saved first. */
export function listSaved(db: StoreDb): Promise<UserArticleEntry[]> {
  return read('listSaved', async () => {
    const tx = db.transaction(['user', 'articles'], 'readonly');
    const users = (await tx.objectStore('user').index('savedAt').getAll()).reverse();
    return withArticles(tx.objectStore('articles'), users, tx.done);
  });
}

/** Recently read articles, most recent first, at most `limit` (default 50). */
export function listHistory(db: StoreDb, limit = 50): Promise<UserArticleEntry[]> {
  return read('listHistory', async () => {
    const tx = db.transaction(['user', 'articles'], 'readonly');
    const users: UserArticleRecord[] = [];
    let cursor = await tx.objectStore('user').index('lastReadAt').openCursor(null, 'prev');
    while (cursor && users.length < limit) {
      users.push(cursor.value);
      cursor = await cursor.continue();
    }
    return withArticles(tx.objectStore('articles'), users, tx.done);
  });
}

async function withArticles(
  articles: { get(id: string): Promise<StoredArticle | undefined> },
  users: readonly UserArticleRecord[],
  done: Promise<void>,
): Promise<UserArticleEntry[]> {
  const [stored] = await Promise.all([Promise.all(users.map((u) => articles.get(u.id))), done]);
  return users.map((user, i) => ({ user, stored: stored[i] }));
}

/**
 * Forgets the reading history (read times and positions); saved articles stay
 * saved. Articles kept only because they were read, and listed by no channel,
 * are deleted with it.
 * @returns how many history entries were cleared.
 * @throws StoreError when IndexedDB fails.
 */
export function clearHistory(db: StoreDb): Promise<number> {
  return writeWithRoom(db, 'clearHistory', () =>
    inTransaction(db, ['user', 'articles'], async (tx) => {
      const users = tx.objectStore('user');
      const read = (await users.getAll()).filter(
        (record) => record.lastReadAt !== undefined || record.position !== undefined,
      );
      await Promise.all(read.map((record) => forget(tx, record)));
      return read.length;
    }),
  ).then((count) => {
    // Articles kept only because they were read went with their history.
    if (count > 0) articlesChanged(db, 'all');
    return count;
  });
}

async function forget(tx: WriteTx<['user', 'articles']>, record: UserArticleRecord): Promise<void> {
  if (record.savedAt !== undefined) {
    await tx.objectStore('user').put({ id: record.id, savedAt: record.savedAt });
    return;
  }
  const articles = tx.objectStore('articles');
  const [stored] = await Promise.all([
    articles.get(record.id),
    tx.objectStore('user').delete(record.id),
  ]);
  if (stored && stored.channelIds.length === 0) await articles.delete(record.id);
}
