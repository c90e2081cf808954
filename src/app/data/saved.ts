import type { Article } from '../../shared/feed/types';
import type { UserArticleEntry } from '../../shared/store/index';
import {
  clearHistory,
  getUserArticle,
  listHistory,
  listSaved,
  saveArticle,
  setPosition,
  setSaved,
  setSavedMany,
} from '../../shared/store/index';
import { announce } from '../lib/announce';
import { rememberSaved } from '../lib/ledger';
import { offlinePrefs } from '../lib/prefs';
import { askWorker, hasWorker, newRequestId } from '../pwa/worker-client';
import { askForPersistenceOnce } from './download';
import { STORAGE_UNAVAILABLE_MESSAGE, localDatabase } from './database';
import { forgetMarks, setMark } from './marks';

/**
 * The reader's own data: 收藏, 最近阅读 and reading position. Every change is
 * written to IndexedDB at once, online or not, and is final there: there is
 * no server to tell. (If one is added, the outbox it would need is described
 * in docs/user-data.md.) Loaded with the routes that offer these actions, not
 * with the first paint.
 */

export type { UserArticleEntry } from '../../shared/store/index';

/** What the reader hears when a save or unsave could not be written. */
const SAVE_FAILED = '收藏没有成功：本机存储空间不足或不可用。';
const UNSAVE_FAILED = '取消收藏没有成功，请重试。';

/**
 * Tells the worker that `articleId` was saved or unsaved: it keeps a saved
 * article's pictures where the image cache's limits never reach them and
 * drops those no saved article needs (src/sw/saved-images.ts). Saving skips
 * the pictures in 省流量 mode, like 下载离线 does. Without a worker the
 * pictures are cached as they are seen; there is no offline reading without
 * a worker anyway.
 */
function syncSavedImages(articleId: string, saved: boolean): void {
  if ((saved && offlinePrefs.get().noImages) || !hasWorker()) return;
  askWorker({ type: 'save-article', requestId: newRequestId(), articleId }).then(
    (reply) => {
      if (!reply.ok) console.warn('The images of a saved article were not cached', reply.failure);
    },
    (error: unknown) => console.warn('The worker did not cache the saved article', error),
  );
}

/**
 * Saves (收藏) or unsaves `article`: the mark changes at once, the article and
 * its record are written to IndexedDB, and the result is announced politely
 * (「已收藏」/「已取消收藏」, or why it failed, in which case the mark goes
 * back). Saving also asks, once, for persistent storage and has the article's
 * images cached for offline reading.
 * @returns whether the change was stored.
 */
export async function setArticleSaved(article: Article, saved: boolean): Promise<boolean> {
  const db = await localDatabase();
  if (!db) {
    announce(STORAGE_UNAVAILABLE_MESSAGE);
    return false;
  }
  setMark(article.id, { saved });
  try {
    await (saved ? saveArticle(db, article) : setSaved(db, article.id, false));
  } catch (error) {
    console.warn('Could not change the saved state', error);
    setMark(article.id, { saved: !saved });
    announce(saved ? SAVE_FAILED : UNSAVE_FAILED);
    return false;
  }
  announce(saved ? '已收藏' : '已取消收藏');
  if (saved) askForPersistenceOnce();
  // Remembered outside IndexedDB too, to be saved again if the browser clears the site's storage.
  rememberSaved([{ id: article.id, at: saved ? Date.now() : undefined }]);
  syncSavedImages(article.id, saved);
  return true;
}

/**
 * Saves `article` again after the browser cleared the site's storage, with its
 * old save time (so 收藏 keeps its order), quietly: the restore says what it
 * did as a whole.
 * @throws StoreError when IndexedDB fails; Error when there is no storage.
 */
export async function resaveArticle(article: Article, at: number): Promise<void> {
  const db = await localDatabase();
  if (!db) throw new Error(STORAGE_UNAVAILABLE_MESSAGE);
  await saveArticle(db, article, at);
  setMark(article.id, { saved: true });
  syncSavedImages(article.id, true);
}

/** Saved articles, most recently saved first; undefined when this device has no storage. */
export async function savedArticles(): Promise<UserArticleEntry[] | undefined> {
  const db = await localDatabase();
  return db ? listSaved(db) : undefined;
}

/** Recently read articles, most recent first; undefined when this device has no storage. */
export async function readingHistory(limit?: number): Promise<UserArticleEntry[] | undefined> {
  const db = await localDatabase();
  return db ? listHistory(db, limit) : undefined;
}

/**
 * Unsaves `entries` together (「移除所选」), or saves them again with their
 * old save times (「撤销」, which puts them back in their old places).
 * @throws StoreError when IndexedDB fails.
 */
export async function setEntriesSaved(
  entries: readonly UserArticleEntry[],
  saved: boolean,
): Promise<void> {
  const db = await localDatabase();
  if (!db) throw new Error(STORAGE_UNAVAILABLE_MESSAGE);
  await setSavedMany(
    db,
    entries.map(({ user }) => ({ id: user.id, savedAt: saved ? user.savedAt : undefined })),
  );
  rememberSaved(entries.map(({ user }) => ({ id: user.id, at: saved ? user.savedAt : undefined })));
  for (const { user } of entries) {
    setMark(user.id, { saved });
    syncSavedImages(user.id, saved);
  }
}

/**
 * Clears 最近阅读 (read times and positions; saved articles stay saved).
 * @returns how many entries were cleared.
 * @throws StoreError when IndexedDB fails.
 */
export async function clearReadingHistory(): Promise<number> {
  const db = await localDatabase();
  if (!db) return 0;
  const cleared = await clearHistory(db);
  forgetMarks();
  return cleared;
}

/** Where the reader left article `id`, as a fraction 0..1 of it, if known. */
export async function readingPosition(id: string): Promise<number | undefined> {
  const db = await localDatabase();
  if (!db) return undefined;
  try {
    return (await getUserArticle(db, id))?.position;
  } catch (error) {
    console.warn('Could not read the reading position', error);
    return undefined;
  }
}

/** Remembers where the reader is in article `id` (best effort: a lost position is no loss of data). */
export function rememberPosition(id: string, fraction: number): void {
  void localDatabase().then((db) => {
    if (!db) return;
    setPosition(db, id, fraction).catch((error: unknown) =>
      console.warn('Could not record the reading position', error),
    );
  });
}
