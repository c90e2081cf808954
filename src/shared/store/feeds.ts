import type { ChannelDirectory, FeedPage } from '../feed/types';
import type { SyncFailure, SyncOutcome } from '../sync-result';
import { articleJson, utf8Length } from './bytes';
import { StoreError } from './errors';
import { articlesChanged, storeHooks } from './hooks';
import type {
  ChannelPageRecord,
  DirectoryRecord,
  FeedMetaRecord,
  StoredArticle,
  UserArticleRecord,
} from './records';
import { channelRange } from './feed-reads';
import { writeWithRoom } from './room';
import type { StoreDb } from './schema';
import { DIRECTORY_KEY } from './schema';
import { SEARCH_STORES, searchStores, updateSearchIndex } from './search-index';
import type { WriteTx } from './transaction';
import { inTransaction, PendingWrites, unique } from './transaction';

/**
 * Writing what the feeds said: the channel directory, channel pages with
 * their articles, and the HTTP state of each feed document.
 */

/** HTTP validators and bookkeeping stored with a fetched document. */
export interface DocumentMeta {
  readonly etag?: string;
  readonly lastModified?: string;
  /**
   * The absolute URL the document was requested with: the key of its
   * FeedMetaRecord, looked up for the next conditional request. For a feed
   * page it defaults to `page.url`.
   */
  readonly url?: string;
  /** When it was fetched (default: now), ms since epoch. */
  readonly fetchedAt?: number;
}

/**
 * Stores the channel directory and the HTTP state of `meta.url`, in one
 * transaction.
 * @throws StoreError (StoreQuotaError when there is no room even after eviction).
 */
export function putDirectory(
  db: StoreDb,
  directory: ChannelDirectory,
  meta: DocumentMeta & { readonly url: string },
): Promise<void> {
  const fetchedAt = meta.fetchedAt ?? Date.now();
  const record: DirectoryRecord = { directory, fetchedAt, url: meta.url };
  return writeWithRoom(db, 'putDirectory', () =>
    inTransaction(db, ['directory', 'feedMeta'], async (tx) => {
      const writes = new PendingWrites();
      writes.add(tx.objectStore('directory').put(record, DIRECTORY_KEY));
      writes.add(tx.objectStore('feedMeta').put(metaRecord(meta.url, meta, fetchedAt)));
      await writes.settle();
    }),
  );
}

/** A successful fetch's FeedMetaRecord: validators kept, last error cleared. */
export function metaRecord(url: string, meta: DocumentMeta, fetchedAt: number): FeedMetaRecord {
  return {
    url,
    ...(meta.etag !== undefined && { etag: meta.etag }),
    ...(meta.lastModified !== undefined && { lastModified: meta.lastModified }),
    fetchedAt,
  };
}

/**
 * Stores one page of a channel in ONE transaction over articles, channel
 * pages, feed metadata (and the reader's data, read to decide what may go):
 * either all of it is written or none of it, so a failure leaves the previous
 * page and its articles as they were.
 *
 * The page's list of ids is replaced. Its articles are upserted: new ones are
 * counted as added, stored ones whose content differs as changed (and get a
 * new `storedAt`). Articles that drop off the page stay stored while another
 * page (of any channel) lists them or the reader saved or read them;
 * otherwise they are deleted. The search index follows in the same
 * transaction: new and changed articles are indexed (or queued, when the
 * connection has no indexer), deleted ones leave it.
 * @throws StoreError for an invalid channel id or page index, or when
 *   IndexedDB fails (StoreQuotaError when there is no room even after eviction).
 */
export function putFeedPage(
  db: StoreDb,
  channelId: string,
  pageIndex: number,
  page: FeedPage,
  meta: DocumentMeta,
): Promise<SyncOutcome> {
  if (channelId === '' || !Number.isInteger(pageIndex) || pageIndex < 0) {
    return Promise.reject(
      new StoreError(`putFeedPage: invalid channel "${channelId}" / page ${pageIndex}`),
    );
  }
  const fetchedAt = meta.fetchedAt ?? Date.now();
  // Serialise once, outside the transaction: the JSON gives both size and change detection.
  const incoming = new Map<string, { json: string; item: FeedPage['items'][number] }>();
  for (const item of page.items) {
    if (!incoming.has(item.id)) incoming.set(item.id, { json: articleJson(item), item });
  }
  const neededBytes = [...incoming.values()].reduce((sum, { json }) => sum + utf8Length(json), 0);
  const pageRecord: ChannelPageRecord = {
    channelId,
    pageIndex,
    url: page.url,
    articleIds: [...incoming.keys()],
    ...(page.nextUrl !== undefined && { nextUrl: page.nextUrl }),
    fetchedAt,
  };
  // The articles whose content changed or that were deleted, by the attempt that committed.
  let touched: string[] = [];
  const write = (): Promise<SyncOutcome> =>
    inTransaction(
      db,
      ['articles', 'channelPages', 'feedMeta', 'user', ...SEARCH_STORES],
      async (tx) => {
        const articles = tx.objectStore('articles');
        const pages = tx.objectStore('channelPages');
        const ids = pageRecord.articleIds;
        const [channelPages, existing] = await Promise.all([
          pages.getAll(channelRange(channelId)),
          Promise.all(ids.map((id) => articles.get(id))),
        ]);
        let added = 0;
        let changed = 0;
        const writes = new PendingWrites();
        const toIndex: StoredArticle[] = [];
        const firstStored = new Set<string>();
        ids.forEach((id, i) => {
          const entry = incoming.get(id);
          if (!entry) return;
          const stored = existing[i];
          const isNew = stored === undefined;
          const isChanged = !isNew && articleJson(stored.article) !== entry.json;
          const hasChannel = stored?.channelIds.includes(channelId) ?? false;
          if (isNew) {
            added++;
            firstStored.add(id);
          }
          if (isChanged) changed++;
          if (!isNew && !isChanged && hasChannel) return;
          const record: StoredArticle = {
            article: entry.item,
            channelIds: hasChannel
              ? (stored?.channelIds ?? [])
              : [...(stored?.channelIds ?? []), channelId],
            storedAt: isNew || isChanged ? fetchedAt : (stored?.storedAt ?? fetchedAt),
            bytes: utf8Length(entry.json),
          };
          writes.add(articles.put(record));
          if (isNew || isChanged) toIndex.push(record);
        });

        // Articles listed before but not now: still in the channel through another page?
        const previous = channelPages.find((p) => p.pageIndex === pageIndex);
        const stillListed = new Set(ids);
        for (const other of channelPages) {
          if (other.pageIndex !== pageIndex) other.articleIds.forEach((id) => stillListed.add(id));
        }
        const dropped = unique(previous?.articleIds ?? []).filter((id) => !stillListed.has(id));
        const deleted = await releaseFromChannel(tx, channelId, dropped, writes);
        touched = [...toIndex.map((record) => record.article.id), ...deleted];
        await updateSearchIndex(
          searchStores(tx),
          toIndex,
          deleted,
          storeHooks(db).indexer,
          writes,
          (id) => firstStored.has(id),
        );

        writes.add(pages.put(pageRecord));
        writes.add(
          tx.objectStore('feedMeta').put(metaRecord(meta.url ?? page.url, meta, fetchedAt)),
        );
        await writes.settle();
        const { skipped, repaired } = page;
        return { status: 'updated', added, changed, skipped, ...(repaired > 0 && { repaired }) };
      },
      // Feed data can always be fetched again: no need to wait for a disk flush before resolving.
      'relaxed',
    );
  return writeWithRoom(db, 'putFeedPage', write, neededBytes).then((outcome) => {
    articlesChanged(db, touched);
    return outcome;
  });
}

type PageTx = WriteTx<['articles', 'channelPages', 'feedMeta', 'user', ...typeof SEARCH_STORES]>;

/**
 * Takes `channelId` off articles no page of that channel lists any more.
 * Those left in no channel are deleted unless the reader saved or read them.
 * Its writes join `writes`.
 * @returns the ids of the articles deleted.
 */
async function releaseFromChannel(
  tx: PageTx,
  channelId: string,
  ids: readonly string[],
  writes: PendingWrites,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const articles = tx.objectStore('articles');
  const users = tx.objectStore('user');
  const [stored, user] = await Promise.all([
    Promise.all(ids.map((id) => articles.get(id))),
    Promise.all(ids.map((id) => users.get(id))),
  ]);
  const deleted: string[] = [];
  ids.forEach((id, i) => {
    const record = stored[i];
    if (!record) return;
    const channelIds = record.channelIds.filter((c) => c !== channelId);
    if (channelIds.length === 0 && !isKeptByReader(user[i])) {
      writes.add(articles.delete(id));
      deleted.push(id);
    } else writes.add(articles.put({ ...record, channelIds }));
  });
  return deleted;
}

/** Saved (收藏) or read (最近阅读) articles stay stored when no channel lists them. */
export function isKeptByReader(user: UserArticleRecord | undefined): boolean {
  return user?.savedAt !== undefined || user?.lastReadAt !== undefined;
}

/**
 * Records a successful fetch that changed nothing (HTTP 304): the document's
 * `fetchedAt` (and that of the channel page or directory read from `url`) is
 * set to `at` and its last error cleared; no content is touched.
 * @throws StoreError when IndexedDB fails.
 */
export function markFetched(db: StoreDb, url: string, at: number = Date.now()): Promise<void> {
  return writeWithRoom(db, 'markFetched', () =>
    inTransaction(db, ['feedMeta', 'channelPages', 'directory'], async (tx) => {
      const metaStore = tx.objectStore('feedMeta');
      const pagesStore = tx.objectStore('channelPages');
      const directoryStore = tx.objectStore('directory');
      const [meta, pages, directory] = await Promise.all([
        metaStore.get(url),
        pagesStore.index('url').getAll(url),
        directoryStore.get(DIRECTORY_KEY),
      ]);
      const writes = new PendingWrites();
      writes.add(metaStore.put(metaRecord(url, meta ?? {}, at)));
      for (const page of pages) writes.add(pagesStore.put({ ...page, fetchedAt: at }));
      if (directory?.url === url) {
        writes.add(directoryStore.put({ ...directory, fetchedAt: at }, DIRECTORY_KEY));
      }
      await writes.settle();
    }),
  );
}

/**
 * Records that fetching `url` failed. What was stored from it before stays,
 * and so do its validators (the next success clears the error).
 * @throws StoreError when IndexedDB fails.
 */
export function recordFeedError(
  db: StoreDb,
  url: string,
  failure: SyncFailure,
  at: number = Date.now(),
): Promise<void> {
  return writeWithRoom(db, 'recordFeedError', () =>
    inTransaction(db, ['feedMeta'], async (tx) => {
      const store = tx.objectStore('feedMeta');
      const meta = await store.get(url);
      await store.put({
        ...(meta ?? { url }),
        lastError: {
          code: failure.code,
          message: failure.message,
          ...(failure.httpStatus !== undefined && { httpStatus: failure.httpStatus }),
          at,
        },
      });
    }),
  );
}
