import type { SyncResult } from '../../shared/messages';
import type { StoreDb } from '../../shared/store/index';
import { newRequestId } from '../pwa/worker-client';
import { dedupe } from './requests';
import { UNREACHABLE, viaWorker, writeInPage } from './writer';

/**
 * Asking for fresh data: the writer (writer.ts: the worker, or the page
 * before one controls it) fetches conditionally and stores, and the result
 * names the copy now stored, so the caller reads IndexedDB only when it does
 * not hold that copy already.
 */

/** Options of a refresh. */
export interface RefreshOptions {
  /** Nothing is stored yet: the request may start before the sync code has loaded. */
  readonly cold?: boolean;
}

/** Fetches channels.json (conditionally) into IndexedDB. Concurrent calls share one sync. */
export function refreshDirectory(
  db: StoreDb,
  directoryUrl: string,
  opts: RefreshOptions = {},
): Promise<SyncResult | undefined> {
  return dedupe('sync:directory', async () => {
    const answer = await viaWorker({ type: 'sync-directory', requestId: newRequestId() });
    if (answer !== UNREACHABLE) return answer;
    return writeInPage(
      opts.cold ? directoryUrl : undefined,
      async (sync, fetchImpl): Promise<SyncResult> => {
        const { outcome } = await sync.syncDirectory(
          db,
          directoryUrl,
          fetchImpl ? { fetch: fetchImpl } : {},
        );
        return { outcome, stored: await sync.storedVersion(db, directoryUrl) };
      },
      ({ stored }) => ({ type: 'directory-updated', stored }),
    );
  });
}

/** Fetches one page of a channel (conditionally) into IndexedDB. Concurrent calls share one sync. */
export function refreshPage(
  db: StoreDb,
  channelId: string,
  pageIndex: number,
  pageUrl: string,
  opts: RefreshOptions = {},
): Promise<SyncResult | undefined> {
  return dedupe(`sync:page:${channelId}:${pageIndex}:${pageUrl}`, async () => {
    const answer = await viaWorker({
      type: 'sync-page',
      requestId: newRequestId(),
      channelId,
      pageIndex,
      pageUrl,
    });
    if (answer !== UNREACHABLE) return answer;
    return writeInPage(
      opts.cold ? pageUrl : undefined,
      async (sync, fetchImpl): Promise<SyncResult> => {
        const outcome = await sync.syncFeedPage(
          db,
          channelId,
          pageIndex,
          pageUrl,
          fetchImpl ? { fetch: fetchImpl } : {},
        );
        return { outcome, stored: await sync.storedVersion(db, pageUrl) };
      },
      ({ outcome, stored }) => ({ type: 'channel-updated', channelId, pageIndex, outcome, stored }),
      channelId,
    );
  });
}

/**
 * Fetches article `articleId`'s own document (at `documentUrl`, which the
 * worker derives itself from the same rule) into IndexedDB. Concurrent calls
 * share one sync. Rejects when the producer publishes no such document (HTTP
 * 404) or it does not hold the article: the caller then reads the channels.
 */
export function refreshArticle(
  db: StoreDb,
  articleId: string,
  documentUrl: string,
  opts: RefreshOptions = {},
): Promise<SyncResult | undefined> {
  return dedupe(`sync:article:${documentUrl}`, async () => {
    const answer = await viaWorker({ type: 'sync-article', requestId: newRequestId(), articleId });
    if (answer !== UNREACHABLE) return answer;
    return writeInPage(
      opts.cold ? documentUrl : undefined,
      async (sync, fetchImpl): Promise<SyncResult> => ({
        outcome: await sync.syncArticleDocument(
          db,
          articleId,
          documentUrl,
          fetchImpl ? { fetch: fetchImpl } : {},
        ),
      }),
      // Nothing to announce: no channel page changed, and the caller reads the article itself.
      () => undefined,
    );
  });
}
