import type { UserArticleRecord } from './records';
import type { StoreDb } from './schema';
import { read } from './transaction';

/**
 * Reading the reader's records (收藏, 已读) apart from changing them
 * (./user.ts): lists on the first screen mark what was read or saved, the
 * launch check mirrors the saved ids, and the page's first-load chunk must
 * not carry the writes (see ./reads.ts).
 */

/** The reader's record for an article, if any. */
export function getUserArticle(db: StoreDb, id: string): Promise<UserArticleRecord | undefined> {
  return read('getUserArticle', () => db.get('user', id));
}

/**
 * The reader's records for several articles in one read-only transaction, in
 * the order of `ids` (undefined where the reader never saved or read one):
 * what a list needs to mark 已读 and 已收藏.
 */
export function getUserArticles(
  db: StoreDb,
  ids: readonly string[],
): Promise<(UserArticleRecord | undefined)[]> {
  return read('getUserArticles', async () => {
    const tx = db.transaction('user', 'readonly');
    const store = tx.objectStore('user');
    const [found] = await Promise.all([Promise.all(ids.map((id) => store.get(id))), tx.done]);
    return found;
  });
}

/**
 * The ids and save times of the saved articles, most recently saved first,
 * without the articles: what the offline ledger mirrors (src/app/lib/ledger.ts).
 */
export function listSavedIds(db: StoreDb): Promise<{ id: string; savedAt: number }[]> {
  return read('listSavedIds', async () => {
    const users = await db.getAllFromIndex('user', 'savedAt');
    return users
      .reverse()
      .flatMap(({ id, savedAt }) => (savedAt === undefined ? [] : [{ id, savedAt }]));
  });
}

/** How many articles the reader has opened (records with a read time), without reading them. */
export function countRead(db: StoreDb): Promise<number> {
  return read('countRead', () => db.countFromIndex('user', 'lastReadAt'));
}
