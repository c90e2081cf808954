import { FeedError } from '../feed/errors';
import { fetchJsonDocument } from '../feed/fetch';
import type { JsonDocument } from '../feed/fetch';
import type { FeedMetaRecord, StoreDb } from '../store/index';
import { markFetched, recordFeedError } from '../store/index';
import { conditionalHeaders } from './conditional';
import { toSyncFailure } from './failure';
import type { SyncOptions } from './options';

/**
 * The part every sync shares: one (conditional) request for a document, a 304
 * recorded as a fetch that changed nothing, and any failure recorded against
 * the document's URL (the caller's own cancellation excepted) and rethrown.
 * `store` runs for a 200 with the document; it validates and writes.
 * `notModified` gives the result of a 304.
 */
export async function syncDocument<T>(
  db: StoreDb,
  url: string,
  meta: FeedMetaRecord | undefined,
  hasContent: boolean,
  opts: SyncOptions,
  store: (doc: Extract<JsonDocument, { notModified: false }>, fetchedAt: number) => Promise<T>,
  notModified: () => T,
): Promise<T> {
  const now = opts.now ?? Date.now;
  try {
    const doc = await fetchJsonDocument(url, {
      ...(opts.signal && { signal: opts.signal }),
      ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
      ...(opts.fetch && { fetch: opts.fetch }),
      headers: hasContent ? conditionalHeaders(meta) : {},
    });
    if (doc.notModified) {
      if (!hasContent) {
        throw new FeedError('http', `${url}: HTTP 304 to an unconditional request`, 304);
      }
      await markFetched(db, url, now());
      return notModified();
    }
    return await store(doc, now());
  } catch (error) {
    if (!opts.signal?.aborted) {
      // Recording is best effort: the error the caller needs is the original one.
      await recordFeedError(db, url, toSyncFailure(error), now()).catch(() => undefined);
    }
    throw error;
  }
}
