import type { SyncResult } from '../shared/messages';
import {
  storedVersion,
  syncArticleDocument,
  syncDirectory,
  syncFeedPage,
  toSyncFailure,
} from '../shared/sync';
import { database } from './db';
import { broadcast } from './news';
import { scheduleSearchUpkeep } from './search-upkeep';
import { KeyedQueue, SingleFlight } from '../shared/single-flight';
import { applyStorageBudget } from './storage-budget';

/**
 * The worker's refresh jobs: one fetch + one atomic write each, deduplicated,
 * serialized per channel page, announced to every open page, and followed by
 * the storage budget. Failures are announced and rethrown for the reply. (A
 * write that hits the quota makes room and retries inside the store itself.)
 * Replies and news name the copy now stored (StoredVersion), so a page that
 * holds it already reads nothing back.
 */

const inFlight = new SingleFlight<SyncResult>();
const perPage = new KeyedQueue();

/**
 * Applies the storage budget after a write. The write itself succeeded, so a
 * failing eviction is logged, not reported as a failed sync. Then the search
 * index's upkeep is started (not awaited).
 */
export async function keepWithinBudget(): Promise<void> {
  try {
    await applyStorageBudget(await database());
  } catch (error) {
    console.warn('Storage budget not applied', error);
  }
  scheduleSearchUpkeep();
}

/** Fetches channels.json (conditionally) and stores it. */
export function refreshDirectory(directoryUrl: string): Promise<SyncResult> {
  return inFlight.run(`directory\u0000${directoryUrl}`, async () => {
    try {
      const db = await database();
      const { outcome } = await syncDirectory(db, directoryUrl);
      const stored = await storedVersion(db, directoryUrl);
      // A 304 changes nothing a page shows; the requesting page has its reply.
      if (outcome.status === 'updated') broadcast({ type: 'directory-updated', stored });
      return { outcome, stored };
    } catch (error) {
      broadcast({ type: 'sync-failed', failure: toSyncFailure(error) });
      throw error;
    }
  });
}

/** Fetches one page of a channel (conditionally), stores it and applies the storage budget. */
export function refreshChannelPage(
  channelId: string,
  pageIndex: number,
  pageUrl: string,
): Promise<SyncResult> {
  const page = `${channelId}\u0000${pageIndex}`;
  return inFlight.run(`${page}\u0000${pageUrl}`, () =>
    perPage.run(page, async () => {
      try {
        const db = await database();
        const outcome = await syncFeedPage(db, channelId, pageIndex, pageUrl);
        const stored = await storedVersion(db, pageUrl);
        // Sent for 304s too: 「更新于」 moves even when no article changed.
        broadcast({ type: 'channel-updated', channelId, pageIndex, outcome, stored });
        if (outcome.added > 0 || outcome.changed > 0) await keepWithinBudget();
        return { outcome, stored };
      } catch (error) {
        broadcast({ type: 'sync-failed', channelId, failure: toSyncFailure(error) });
        throw error;
      }
    }),
  );
}

/**
 * Fetches article `articleId`'s own document (`documentUrl`) and stores the
 * article, then applies the storage budget. No news on success: no channel
 * page changed, and the page that asked reads the article once it has the
 * reply. A failure is announced like any other (a network failure is what
 * says 「离线」), then rethrown for the reply, where the page falls back to
 * reading the channels.
 */
export function refreshArticleDocument(
  articleId: string,
  documentUrl: string,
): Promise<SyncResult> {
  return inFlight.run(`article\u0000${documentUrl}`, async () => {
    try {
      const db = await database();
      const outcome = await syncArticleDocument(db, articleId, documentUrl);
      if (outcome.added > 0 || outcome.changed > 0) await keepWithinBudget();
      // No version: the page does not have the article yet and reads it once.
      return { outcome };
    } catch (error) {
      broadcast({ type: 'sync-failed', failure: toSyncFailure(error) });
      throw error;
    }
  });
}
