import { maintainSearchIndex } from '../shared/search';
import { database } from './db';

declare const self: ServiceWorkerGlobalScope;

/**
 * The worker's share of the search index's upkeep (src/shared/search/maintain.ts).
 * Its own writes are indexed as they happen (db.ts passes the indexer); what is
 * left is work for quiet moments: articles queued by pages (their in-page sync
 * never tokenizes), the one-time re-index after an upgrade, and merging small
 * segments. Runs after each sync and download, and once a new version is
 * active; one run at a time, never awaited by a reply: a page waiting for its
 * refresh must not wait for a merge too. If the worker is stopped half way,
 * nothing is lost: every step commits on its own and the next run goes on.
 */

let running: Promise<void> | undefined;
let again = false;

/** Starts an upkeep run, or asks the running one to go round once more. */
export function scheduleSearchUpkeep(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      try {
        await maintainSearchIndex(await database());
      } catch (error) {
        console.warn('Search index upkeep stopped', error);
        again = false;
      }
    } while (again);
  })().finally(() => {
    running = undefined;
  });
}

/** A new version of the worker took over: bring the index up to its tokenizer. */
export function upkeepSearchOnActivate(): void {
  self.addEventListener('activate', () => scheduleSearchUpkeep());
}
