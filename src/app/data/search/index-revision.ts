import { onNews } from '../news';
import { catchUpIndex, mergeWhenIdle } from './index-upkeep';
import { ensureFirstPages } from './run-search';

/**
 * Following what the offline index can answer, so the search page knows when
 * to ask again: once the first page of every channel is here and queued
 * articles are indexed, and after the sync reports new, changed or evicted
 * articles.
 */

/** What the index can answer, as far as the page knows. */
export interface IndexRevision {
  /** Bumped whenever the index may answer differently. */
  readonly revision: number;
  /** Still bringing in the first page of every channel and indexing what waits. */
  readonly filling: boolean;
}

/** Before {@link followSearchIndex} has reported anything. */
export const FIRST_INDEX_REVISION: IndexRevision = { revision: 0, filling: true };

/** Changes reported by the sync settle for this long before new answers are asked for. */
const NEWS_DELAY_MS = 500;

/**
 * Brings in the first page of every channel, indexes what waits, then merges
 * small segments when idle; afterwards indexes what the sync reports as it
 * arrives. Calls `listener` with each new revision. Returns the stop function.
 */
export function followSearchIndex(listener: (state: IndexRevision) => void): () => void {
  let alive = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state = FIRST_INDEX_REVISION;
  /** Indexes what waits, then asks for new answers (`filled`: the first fill is over). */
  const refresh = async (filled: boolean): Promise<void> => {
    await catchUpIndex().catch((error: unknown) => {
      console.warn('Search index catch-up failed', error);
    });
    // For benchmarks and the performance panel: when the index caught up.
    performance.mark('qilu:search-indexed');
    if (!alive) return;
    state = { revision: state.revision + 1, filling: state.filling && !filled };
    listener(state);
  };
  void ensureFirstPages()
    .then(() => {
      performance.mark('qilu:search-first-pages');
      return refresh(true);
    })
    .then(mergeWhenIdle);
  const stop = onNews((news) => {
    const changed =
      (news.type === 'channel-updated' && news.outcome.added + news.outcome.changed > 0) ||
      news.type === 'storage-evicted' ||
      news.type === 'download-finished';
    if (!changed) return;
    // Index what arrived at once (while the first pages are still coming in, too),
    // and ask for new answers once the news has settled.
    void catchUpIndex().catch(() => undefined);
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(false), NEWS_DELAY_MS);
  });
  return () => {
    alive = false;
    clearTimeout(timer);
    stop();
  };
}
