import { FeedError } from '../feed/errors';
import { parseChannelDirectory } from '../feed/parse';
import type { ChannelDirectory } from '../feed/types';
import { absoluteUrl } from '../feed/urls';
import type { SyncOutcome } from '../sync-result';
import type { StoreDb } from '../store/index';
import { getDirectoryRecord, getFeedMeta, putDirectory } from '../store/index';
import { validatorsOf } from './conditional';
import { syncDocument } from './fetch-step';
import type { SyncOptions } from './options';

/**
 * Fetches channels.json (conditionally, when a directory is stored), validates
 * it and stores it. On a 304 only the fetch time is recorded and the stored
 * directory is returned. For the directory, `added` counts channels new to the
 * device and `changed` channels whose title, kind or feed URL changed.
 * @throws FeedError (network, timeout, http, too-large, json, schema) after
 *   recording it, with the stored directory left as it was; StoreError when
 *   IndexedDB fails; the signal's reason when aborted.
 */
export async function syncDirectory(
  db: StoreDb,
  directoryUrl: string,
  opts: SyncOptions = {},
): Promise<{ outcome: SyncOutcome; directory: ChannelDirectory }> {
  const url = absoluteUrl(directoryUrl);
  const [meta, stored] = await Promise.all([getFeedMeta(db, url), getDirectoryRecord(db)]);
  const hasContent = stored !== undefined && (stored.url === undefined || stored.url === url);
  return syncDocument(
    db,
    url,
    meta,
    hasContent,
    opts,
    async (doc, fetchedAt) => {
      const directory = parseChannelDirectory(doc.json, doc.url);
      await putDirectory(db, directory, { ...validatorsOf(doc.response), url, fetchedAt });
      return { outcome: compare(stored?.directory, directory), directory };
    },
    () => {
      // syncDocument accepts a 304 only when content is stored; this keeps the types honest.
      if (!stored) throw new FeedError('http', `${url}: HTTP 304 without a stored directory`, 304);
      const outcome: SyncOutcome = { status: 'not-modified', added: 0, changed: 0, skipped: 0 };
      return { outcome, directory: stored.directory };
    },
  );
}

function compare(before: ChannelDirectory | undefined, after: ChannelDirectory): SyncOutcome {
  const old = new Map(before?.channels.map((channel) => [channel.id, channel]));
  let added = 0;
  let changed = 0;
  for (const channel of after.channels) {
    const previous = old.get(channel.id);
    if (!previous) added++;
    else if (
      previous.title !== channel.title ||
      previous.kind !== channel.kind ||
      previous.feedUrl !== channel.feedUrl
    )
      changed++;
  }
  return { status: 'updated', added, changed, skipped: 0 };
}
