import { createObservable } from '../lib/observable';

/**
 * Storage the browser evicted: at launch the page compares the database's
 * generation with the one in the offline ledger (src/app/lib/ledger.ts). A
 * different one, while the ledger lists channels chosen for 下载离线 or saved
 * articles, means the browser deleted what we stored (the new database is its
 * empty replacement, not a first visit): the reader is told once, and the
 * choices are downloaded again (./restore.ts, loaded only then). Offline, the
 * reader is told it will happen when the connection returns, and it does.
 * The check itself (./launch-check.ts) is loaded after the first paint; this
 * module holds only what the header's note renders.
 */

/** What the eviction note says, if anything. */
export type EvictionNotice =
  /** Downloading the reader's choices again. */
  | { readonly state: 'restoring' }
  /** Offline: it will be done when the connection returns. */
  | { readonly state: 'waiting' }
  /** Done; `missing` is how many saved articles could not be fetched again. */
  | { readonly state: 'done'; readonly articles: number; readonly missing: number }
  /**
   * The download of the chosen channels failed (a full disk, the server), or
   * the restore itself did; `articles` were stored before it stopped. The next
   * launch tries again.
   */
  | { readonly state: 'failed'; readonly articles: number };

/** Said while restoring. */
export const EVICTED_RESTORING_MESSAGE =
  '浏览器清理了本机的离线内容，正在重新下载您选择的频道和收藏的文章。';
/** Said when the eviction is noticed offline. */
export const EVICTED_WAITING_MESSAGE =
  '浏览器清理了本机的离线内容。联网后会重新下载您选择的频道和收藏的文章。';

/** The sentence for `notice`. */
export function evictionMessage(notice: EvictionNotice): string {
  switch (notice.state) {
    case 'restoring':
      return EVICTED_RESTORING_MESSAGE;
    case 'waiting':
      return EVICTED_WAITING_MESSAGE;
    case 'done':
      // Also says what happened: a quick restore may replace the first sentence before it is read.
      return (
        `浏览器清理了本机的离线内容，已重新下载您选择的频道和收藏的文章（共 ${notice.articles} 篇），可以离线阅读了。` +
        (notice.missing > 0 ? `有 ${notice.missing} 篇收藏的文章暂时无法下载，稍后会再试。` : '')
      );
    case 'failed':
      return (
        `浏览器清理了本机的离线内容，重新下载没有完成` +
        (notice.articles > 0 ? `（已下载 ${notice.articles} 篇）` : '') +
        '。下次打开时会再试，也可以在“设置 › 离线与存储”中重新下载。'
      );
  }
}

/** The note the header shows; undefined when there is nothing to say (almost always). */
export const evictionNotice = createObservable<EvictionNotice | undefined>(undefined);

/**
 * The launch check (once per page load, after the first render; main.tsx
 * starts it in idle time): notices a database the browser replaced and
 * restores the reader's choices, saying so once per eviction. Loads
 * ./launch-check.ts, so the first load carries none of it. Never throws.
 */
export async function checkStorageAtLaunch(): Promise<void> {
  try {
    const { checkStorage } = await import('./launch-check');
    await checkStorage();
  } catch (error) {
    // A failed download: the next launch checks again.
    console.warn('The launch check of the offline storage failed', error);
  }
}
