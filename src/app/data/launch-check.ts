import { forgetReadyPages } from '../../shared/ready-pages';
import type { StoreDb } from '../../shared/store/index';
import { ensureGeneration, listSavedIds } from '../../shared/store/reads';
import { LEDGER_SAVED_LIMIT, launchDecision, readLedger, updateLedger } from '../lib/ledger';
import { lazyModule } from '../lib/lazy-module';
import { newRequestId } from '../pwa/worker-client';
import { localDatabase } from './database';
import { evictionNotice } from './evicted';

/**
 * What checkStorageAtLaunch (./evicted.ts) runs, after the first paint:
 * compares the database's generation with the offline ledger's, mirrors the
 * saved list into the ledger, and restores the reader's choices after an
 * eviction (./restore.ts, loaded only then).
 */

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
          evictionNotice.set(
            result.channelsFailed
              ? { state: 'failed', articles: result.articles }
              : { state: 'done', articles: result.articles, missing: result.missing },
          );
        }
      },
      (error: unknown) => {
        running = false;
        // Left pending: the next launch tries again (quietly: this launch said it).
        console.warn('Restoring the offline content after an eviction failed', error);
        if (told || evictionNotice.get()) evictionNotice.set({ state: 'failed', articles: 0 });
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
 * The launch check (./evicted.ts's checkStorageAtLaunch loads it): notices a
 * database the browser replaced and restores the reader's choices, saying so
 * once per eviction. Never throws: without IndexedDB or localStorage there is
 * nothing to compare.
 */
export async function checkStorage(): Promise<void> {
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
