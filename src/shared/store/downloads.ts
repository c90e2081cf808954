import type { StoreDb } from './schema';
import { writeWithRoom } from './room';
import { inTransaction, read } from './transaction';

/**
 * 下载离线 plans and their progress, kept durably so a download cut off by a
 * lost connection, a closed tab or a stopped service worker continues from
 * the first page not yet done instead of starting over.
 */

/** One page a download has stored (fetched and written in one transaction). */
export interface DownloadPageDone {
  readonly channelId: string;
  readonly pageIndex: number;
  /** Absolute URL it was read from. */
  readonly url: string;
}

/** A download's plan and how far it got. */
export interface DownloadRecord {
  /** The download id the page follows progress by. */
  readonly id: string;
  readonly channelIds: readonly string[];
  readonly depth: number;
  readonly images: boolean;
  readonly startedAt: number;
  /**
   * `running` until it ends; `stopped` when it ended for a reason that must not
   * be retried by itself (storage full): then it is kept only to be reported.
   */
  readonly status: 'running' | 'stopped';
  /** Pages stored by this download, in order. */
  readonly pages: readonly DownloadPageDone[];
  /** Articles stored and bytes downloaded so far (over every run of it). */
  readonly articles: number;
  readonly bytes: number;
  /** How often it was resumed after an interruption. */
  readonly resumed: number;
}

/** Every download record (a running one is unfinished). */
export function getDownloads(db: StoreDb): Promise<DownloadRecord[]> {
  return read('getDownloads', () => db.getAll('downloads'));
}

/** One download record, if any. */
export function getDownload(db: StoreDb, id: string): Promise<DownloadRecord | undefined> {
  return read('getDownload', () => db.get('downloads', id));
}

/**
 * Writes a download's plan or progress (whole record: it is small).
 * @throws StoreError when IndexedDB fails (StoreQuotaError when even eviction made no room).
 */
export function putDownload(db: StoreDb, record: DownloadRecord): Promise<void> {
  return writeWithRoom(db, 'putDownload', () =>
    inTransaction(db, ['downloads'], async (tx) => {
      await tx.objectStore('downloads').put(record);
    }),
  );
}

/** How far a download got, as its runner counts it. */
export interface DownloadProgressCount {
  readonly articles: number;
  readonly bytes: number;
  /** How often this run's plan says it was resumed. */
  readonly resumed: number;
}

/** Whether `pages` already holds `page` (same channel and page number). */
function holdsPage(pages: readonly DownloadPageDone[], page: DownloadPageDone): boolean {
  return pages.some((p) => p.channelId === page.channelId && p.pageIndex === page.pageIndex);
}

/**
 * Adds one stored page to download `id`'s progress, merged inside one
 * transaction onto the record as it is stored now, not onto a copy the caller
 * read earlier: two runs of the same download (an old worker still finishing
 * while a new one resumes it) then never erase each other's pages. Counts
 * only ever grow. A record that is gone (the download finished or was
 * cancelled meanwhile) is not brought back.
 * @returns the record as written, or undefined when there was none.
 * @throws StoreError when IndexedDB fails (StoreQuotaError when even eviction made no room).
 */
export function recordDownloadPage(
  db: StoreDb,
  id: string,
  page: DownloadPageDone,
  progress: DownloadProgressCount,
): Promise<DownloadRecord | undefined> {
  return writeWithRoom(db, 'recordDownloadPage', () =>
    inTransaction(db, ['downloads'], async (tx) => {
      const store = tx.objectStore('downloads');
      const stored = await store.get(id);
      if (!stored) return undefined;
      const next: DownloadRecord = {
        ...stored,
        pages: holdsPage(stored.pages, page) ? stored.pages : [...stored.pages, page],
        articles: Math.max(stored.articles, progress.articles),
        bytes: Math.max(stored.bytes, progress.bytes),
        resumed: Math.max(stored.resumed, progress.resumed),
      };
      await store.put(next);
      return next;
    }),
  );
}

/**
 * Forgets a download (it finished, or the reader cancelled it).
 * @throws StoreError when IndexedDB fails.
 */
export function deleteDownload(db: StoreDb, id: string): Promise<void> {
  return writeWithRoom(db, 'deleteDownload', () =>
    inTransaction(db, ['downloads'], async (tx) => {
      await tx.objectStore('downloads').delete(id);
    }),
  );
}
