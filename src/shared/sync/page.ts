import { parseFeedPage } from '../feed/parse';
import { absoluteUrl } from '../feed/urls';
import type { SyncOutcome } from '../sync-result';
import type { StoreDb } from '../store/index';
import { getChannelPageRecord, getFeedMeta, putFeedPage } from '../store/index';
import { validatorsOf } from './conditional';
import { syncDocument } from './fetch-step';
import type { SyncOptions } from './options';

const NOT_MODIFIED: SyncOutcome = { status: 'not-modified', added: 0, changed: 0, skipped: 0 };

/**
 * Fetches one page of a channel (conditionally, when that page is stored from
 * the same URL), validates and converts it, and stores it in one transaction
 * (putFeedPage). On a 304 nothing is stored but the fetch time.
 * @throws FeedError (network, timeout, http, too-large, json, schema) after
 *   recording it in the page's FeedMetaRecord, with the stored page and its
 *   articles left as they were; StoreError when IndexedDB fails; the signal's
 *   reason when aborted.
 */
export async function syncFeedPage(
  db: StoreDb,
  channelId: string,
  pageIndex: number,
  pageUrl: string,
  opts: SyncOptions = {},
): Promise<SyncOutcome> {
  const url = absoluteUrl(pageUrl);
  const [meta, stored] = await Promise.all([
    getFeedMeta(db, url),
    getChannelPageRecord(db, channelId, pageIndex),
  ]);
  return syncDocument(
    db,
    url,
    meta,
    stored?.url === url,
    opts,
    (doc, fetchedAt) =>
      putFeedPage(db, channelId, pageIndex, parseFeedPage(doc.json, doc.url), {
        ...validatorsOf(doc.response),
        url,
        fetchedAt,
      }),
    () => NOT_MODIFIED,
  );
}
