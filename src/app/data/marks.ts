import type { Article } from '../../shared/feed/types';
import { getUserArticles } from '../../shared/store/reads';
import { lazyModule } from '../lib/lazy-module';
import { createObservable } from '../lib/observable';
import { localDatabase } from './database';

/**
 * What lists show about articles the reader has touched: 已读 and 已收藏.
 *
 * Every headline link asks for its article's mark while rendering; the ids
 * asked for in one render pass are read from IndexedDB together, in one
 * transaction, and kept in memory for the visit. The reader's own actions
 * (opening, saving) update memory at once, so going back to a list shows
 * them without a round trip. This module is part of the first load (home
 * lists mark read articles too), so it stays small: recording a read loads
 * the store's writes (./saved.ts, loaded with the routes that offer saving,
 * uses the same chunk).
 */

/** The store's writes, on the first read recorded (not part of the first load). */
const storeWrites = lazyModule(() => import('../../shared/store/index'));

/** The reader's marks on one article. */
export interface ArticleMark {
  readonly saved: boolean;
  readonly read: boolean;
}

/** An article the reader never touched (or whose mark is not read yet). */
const NO_MARK: ArticleMark = { saved: false, read: false };

/** Marks as read from IndexedDB. */
const stored = new Map<string, ArticleMark>();
/** The reader's own changes this visit: newer than any read that was under way when they were made. */
const changes = new Map<string, Partial<ArticleMark>>();
const wanted = new Set<string>();
/** Ids being read now: asked for again by a render meanwhile, they are not read twice. */
const reading = new Set<string>();
let scheduled = false;
let watching = false;
/** Moves on with every forgetMarks(): a read begun before it may be stale and is dropped. */
let generation = 0;

/** Changes whenever marks arrive or change: components reading marks subscribe to it. */
export const marksVersion = createObservable(0);

function bump(): void {
  marksVersion.set(marksVersion.get() + 1);
}

async function readWanted(): Promise<void> {
  scheduled = false;
  const ids = [...wanted];
  wanted.clear();
  ids.forEach((id) => reading.add(id));
  const started = generation;
  const db = await localDatabase();
  const records = db
    ? await getUserArticles(db, ids).catch((error: unknown) => {
        console.warn('Could not read the reader’s marks', error);
        return [];
      })
    : [];
  if (started !== generation) return;
  ids.forEach((id, i) => {
    const record = records[i];
    reading.delete(id);
    stored.set(id, {
      saved: record?.savedAt !== undefined,
      read: record?.lastReadAt !== undefined,
    });
  });
  bump();
}

/**
 * Forgets every mark, so they are read again from IndexedDB, which has the
 * truth: after clearing the history, and when the page is shown again
 * (another tab may have saved or read something meanwhile).
 */
export function forgetMarks(): void {
  generation++;
  stored.clear();
  changes.clear();
  reading.clear();
  bump();
}

function forgetWhenShown(): void {
  if (watching) return;
  watching = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && stored.size > 0) forgetMarks();
  });
}

/**
 * The mark of article `id`. Until it has been read from IndexedDB (the read is
 * queued here, batched with every other id asked for before the next task),
 * only the reader's own changes of this visit count.
 */
export function markOf(id: string): ArticleMark {
  const base = stored.get(id);
  // The build's prerender renders every article unread: marks are this device's.
  if (!base && !reading.has(id) && !import.meta.env.SSR) {
    forgetWhenShown();
    wanted.add(id);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(() => void readWanted());
    }
  }
  const change = changes.get(id);
  return change ? { ...(base ?? NO_MARK), ...change } : (base ?? NO_MARK);
}

/** Changes the mark of `id` in memory (the caller writes IndexedDB). */
export function setMark(id: string, change: Partial<ArticleMark>): void {
  changes.set(id, { ...changes.get(id), ...change });
  bump();
}

/**
 * Articles the page shows from a prerendered page's data, which IndexedDB may
 * not hold yet (the worker stores them once it controls the page).
 */
const notYetStored = new Map<string, Article>();

/** Notes an article shown from prerendered data (src/app/data/prerendered.ts). */
export function noteNotYetStored(article: Article): void {
  notYetStored.set(article.id, article);
}

/** Notes that the reader opened article `id` (for 已读, 最近阅读 and least-recently-read eviction). */
export function markArticleRead(id: string): void {
  setMark(id, { read: true });
  const at = Date.now();
  // Stored along with the read unless it is, so 最近阅读 lists it before the worker stores it.
  const shown = notYetStored.get(id);
  notYetStored.delete(id);
  void localDatabase().then((db) => {
    if (!db) return;
    storeWrites
      .load()
      .then(({ markRead, markReadKeeping }) =>
        shown ? markReadKeeping(db, shown, at) : markRead(db, id, at),
      )
      .catch((error: unknown) => console.warn('Could not record the read', error));
  });
}
