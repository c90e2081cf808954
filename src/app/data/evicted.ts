import { forgetReadyPages } from '../../shared/ready-pages';
import type { StoreDb } from '../../shared/store/index';
import { ensureGeneration, listSavedIds } from '../../shared/store/index';
import { LEDGER_SAVED_LIMIT, launchDecision, readLedger, updateLedger } from '../lib/ledger';
import { lazyModule } from '../lib/lazy-module';
import { createObservable } from '../lib/observable';
import { newRequestId } from '../pwa/worker-client';
import { localDatabase } from './database';

/**
 * Storage the browser evicted: at launch the page compares the database's
 * generation with the one in the offline ledger (src/app/lib/ledger.ts). A
 * different one, while the ledger lists channels chosen for 下载离线 or saved
 * articles, means the browser deleted what we stored (the new database is its
 * empty replacement, not a first visit): the reader is told once, and the
 * choices are downloaded again (./restore.ts, loaded only then). Offline, the
 * reader is told it will happen when the connection returns, and it does.
 */

/** What the eviction note says, if anything. */
export type EvictionNotice =
  /** Downloading the reader's choices again. */
  | { readonly state: 'restoring' }
  /** Offline: it will be done when the connection returns. */
  | { readonly state: 'waiting' }
  /** Done; `missing` is how many saved articles could not be fetched again. */
  | { readonly state: 'done'; readonly articles: number; readonly missing: number };

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
  }
}

/** The note the header shows; undefined when there is nothing to say (almost always). */
export const evictionNotice = createObservable<EvictionNotice | undefined>(undefined);

const restoreModule = lazyModule(() => import('./restore'));

let running = false;

/** Runs the restore now, or when the connection returns; `told` says whether the note is shown. */
function restoreWhenOnline(told: boolean): void {
  if (navigator.onLine === false) {
    if (told) evictionNotice.set({ state: 'waiting' });
    addEventListener('online', () => restoreWhenOnline(told), { once: true });
    return;
  }
  if (running) return;
  running = true;
  if (told) evictionNotice.set({ state: 'restoring' });
  restoreModule
    .load()
    .then((module) => module.restoreChoices())
    .then(
      (result) => {
        running = false;
        if (result.offline) {
          // The connection went mid-way: what is left is done when it returns.
          restoreWhenOnline(told);
          return;
        }
        if (result.complete) updateLedger((ledger) => ({ ...ledger, pending: false }));
        if (told || evictionNotice.get()) {
          evictionNotice.set({ state: 'done', articles: result.articles, missing: result.missing });
        }
      },
      (error: unknown) => {
        running = false;
        // Left pending: the next launch tries again, quietly.
        console.warn('Restoring the offline content after an eviction failed', error);
        if (told) evictionNotice.set(undefined);
      },
    );
}

/**
 * Makes the ledger's saved list the database's (the source of truth), newest
 * LEDGER_SAVED_LIMIT first. Done at every launch with the database the ledger
 * knows: a ledger from before the ledger existed learns the saved articles,
 * and a change the ledger missed (two tabs saving at the same moment rewrite
 * its one localStorage value, and one of them wins) is healed before an
 * eviction could need it.
 */
async function mirrorSaved(db: StoreDb): Promise<void> {
  const saved = (await listSavedIds(db)).slice(0, LEDGER_SAVED_LIMIT);
  updateLedger((latest) => ({
    ...latest,
    saved: saved.map(({ id, savedAt }) => ({ id, at: savedAt })),
  }));
}

/**
 * The launch check (once per page load, after the first render): notices a
 * database the browser replaced and restores the reader's choices, saying so
 * once per eviction. Never throws: without IndexedDB or localStorage there is
 * nothing to compare.
 */
export async function checkStorageAtLaunch(): Promise<void> {
  try {
    const db = await localDatabase();
    const ledger = readLedger();
    if (!db || !ledger) return;
    const generation = await ensureGeneration(db, newRequestId());
    // Read again: another tab may have decided meanwhile (it then owns the note).
    const current = readLedger() ?? ledger;
    const decision = launchDecision(current, generation);
    const checkedAt = Date.now();
    if (decision === 'none') {
      updateLedger((latest) => ({ ...latest, checkedAt }));
      await mirrorSaved(db);
      return;
    }
    if (decision === 'adopt') {
      updateLedger((latest) => ({ ...latest, generation, pending: false, checkedAt }));
      await mirrorSaved(db);
      return;
    }
    if (decision === 'evicted') {
      // A database the browser replaced holds none of the articles the worker's ready
      // pages were rendered from (Cache Storage may have been spared).
      void forgetReadyPages('all');
      // Recorded before anything is said, so a reload mid-way does not say it again.
      updateLedger((latest) => ({ ...latest, generation, pending: true, checkedAt }));
    } else {
      updateLedger((latest) => ({ ...latest, checkedAt }));
    }
    restoreWhenOnline(decision === 'evicted');
  } catch (error) {
    console.warn('The launch check of the offline storage failed', error);
  }
}
