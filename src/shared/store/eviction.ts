import { storeFailure } from './errors';
import { articlesChanged, storeHooks } from './hooks';
import type { ChannelPageRecord } from './records';
import type { StoreDb } from './schema';
import { dropFromIndex, touchSearchIndex } from './search-index';
import { inTransaction, PendingWrites, unique } from './transaction';

/**
 * The eviction policy: when the store is over its budget, or the browser
 * refuses a write for lack of space, unsaved articles go, least recently used
 * first. An article's last use is when it was last read, or when it was stored
 * (or last changed) if that is later: a channel downloaded this morning and not
 * yet read stays ahead of an article read last month. Saved articles (收藏)
 * are never evicted.
 */

/** Size and age of one stored article, read from the `usage` index without loading it. */
export interface ArticleUsage {
  readonly id: string;
  readonly storedAt: number;
  readonly bytes: number;
}

/** Every stored article's size and age, plus the reader's saved set and read times. */
export async function readUsage(db: StoreDb): Promise<{
  articles: ArticleUsage[];
  saved: Set<string>;
  lastRead: Map<string, number>;
}> {
  const tx = db.transaction(['articles', 'user'], 'readonly');
  const articles: ArticleUsage[] = [];
  const walk = async (): Promise<void> => {
    let cursor = await tx.objectStore('articles').index('usage').openKeyCursor();
    while (cursor) {
      const [storedAt, bytes] = cursor.key;
      articles.push({ id: cursor.primaryKey, storedAt, bytes });
      cursor = await cursor.continue();
    }
  };
  const [, users] = await Promise.all([walk(), tx.objectStore('user').getAll(), tx.done]);
  const saved = new Set<string>();
  const lastRead = new Map<string, number>();
  for (const user of users) {
    if (user.savedAt !== undefined) saved.add(user.id);
    if (user.lastReadAt !== undefined) lastRead.set(user.id, user.lastReadAt);
  }
  return { articles, saved, lastRead };
}

/** Total bytes of what `readUsage` found. */
function totalBytes(articles: readonly ArticleUsage[]): number {
  return articles.reduce((sum, article) => sum + article.bytes, 0);
}

/** The unsaved articles to evict so that at most `budgetBytes` stay, in eviction order. */
export function chooseEvictions(
  usage: Awaited<ReturnType<typeof readUsage>>,
  budgetBytes: number,
): string[] {
  let total = totalBytes(usage.articles);
  if (total <= budgetBytes) return [];
  const lastUse = (article: ArticleUsage): number =>
    Math.max(article.storedAt, usage.lastRead.get(article.id) ?? 0);
  const candidates = usage.articles
    .filter((article) => !usage.saved.has(article.id))
    .sort(
      (a, b) =>
        lastUse(a) - lastUse(b) ||
        a.storedAt - b.storedAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const chosen: string[] = [];
  for (const candidate of candidates) {
    if (total <= budgetBytes) break;
    chosen.push(candidate.id);
    total -= candidate.bytes;
  }
  return chosen;
}

/**
 * Deletes the given articles, unless the reader saved one meanwhile.
 *
 * Two steps, because eviction runs when the origin is out of space and
 * Chromium then refuses every `put`, even one that would shrink a record, while
 * deletes still go through:
 * 1. deletes only: the articles, their search documents, and the feed
 *    metadata of every page that listed them, so the next refresh of those
 *    pages is unconditional (a 304 would otherwise leave the gaps);
 * 2. best effort: rewrite those pages without the deleted ids and tell search
 *    readers the index changed. If this fails the pages keep ids of articles
 *    that are gone, which readers skip (search drops them too).
 * @returns how many articles were deleted.
 */
export async function removeArticles(db: StoreDb, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { gone, touched } = await inTransaction(
    db,
    ['articles', 'channelPages', 'feedMeta', 'user', 'searchDocs', 'searchPending'],
    async (tx) => {
      const users = tx.objectStore('user');
      const stillSaved = await Promise.all(
        ids.map(async (id) => (await users.get(id))?.savedAt !== undefined),
      );
      const gone = new Set(ids.filter((_, i) => stillSaved[i] === false));
      const pages = await tx.objectStore('channelPages').getAll();
      const touched = pages.filter((page) => page.articleIds.some((id) => gone.has(id)));
      const writes = new PendingWrites();
      for (const id of gone) writes.add(tx.objectStore('articles').delete(id));
      for (const url of unique(touched.map((page) => page.url))) {
        writes.add(tx.objectStore('feedMeta').delete(url));
      }
      const search = {
        docs: tx.objectStore('searchDocs'),
        pending: tx.objectStore('searchPending'),
      };
      await dropFromIndex(search, [...gone], writes);
      await writes.settle();
      return { gone, touched };
    },
  );
  articlesChanged(db, [...gone]);
  if (gone.size > 0) {
    await inTransaction(db, ['channelPages', 'searchMeta'], async (tx) => {
      const pages = tx.objectStore('channelPages');
      // Read again here, not reused from step 1: another tab or the worker may
      // have stored a newer copy of a page in between, and writing the old
      // copy back would lose that write.
      const fresh = await Promise.all(
        touched.map((page) => pages.get([page.channelId, page.pageIndex])),
      );
      const writes = new PendingWrites();
      for (const page of fresh) {
        if (!page?.articleIds.some((id) => gone.has(id))) continue;
        const articleIds = page.articleIds.filter((id) => !gone.has(id));
        writes.add(pages.put({ ...page, articleIds } satisfies ChannelPageRecord));
      }
      writes.add(touchSearchIndex(tx.objectStore('searchMeta')));
      await writes.settle();
    }).catch(() => undefined);
  }
  return gone.size;
}

/**
 * Evicts unsaved articles, least recently used first, until the stored
 * articles take at most `budgetBytes` (as counted by their `bytes`). Saved
 * articles are never evicted, so the result may stay over budget.
 * @returns how many articles were evicted.
 * @throws StoreError when IndexedDB fails.
 */
export async function evict(db: StoreDb, budgetBytes: number): Promise<number> {
  let count: number;
  try {
    count = await removeArticles(db, chooseEvictions(await readUsage(db), budgetBytes));
  } catch (error) {
    throw storeFailure('evict', error);
  }
  if (count > 0) storeHooks(db).onEvicted?.(count);
  return count;
}

/**
 * After a QuotaExceededError: frees at least `neededBytes`, and at least a
 * fifth of what is stored, so the next writes do not hit the wall again at once.
 * @returns how many articles were evicted.
 */
export async function evictForQuota(db: StoreDb, neededBytes: number): Promise<number> {
  const usage = await readUsage(db).catch((error: unknown) => {
    throw storeFailure('evict', error);
  });
  const total = totalBytes(usage.articles);
  const budget = Math.max(0, total - Math.max(neededBytes, Math.ceil(total / 5)));
  let count: number;
  try {
    count = await removeArticles(db, chooseEvictions(usage, budget));
  } catch (error) {
    throw storeFailure('evict', error);
  }
  if (count > 0) storeHooks(db).onEvicted?.(count);
  return count;
}
