import type { DirectoryRecord, FeedMetaRecord } from './records';
import type { StoreDb } from './schema';
import { DIRECTORY_KEY } from './schema';
import { read } from './transaction';

/**
 * Reading what the feeds said (the directory, a document's HTTP state), apart
 * from writing it (./feeds.ts): the page's first screen reads these, and its
 * first-load chunk must not carry the writes (see ./reads.ts).
 */

/** The stored channel directory, if any. */
export function getDirectoryRecord(db: StoreDb): Promise<DirectoryRecord | undefined> {
  return read('getDirectoryRecord', () => db.get('directory', DIRECTORY_KEY));
}

/** The key range of every page of one channel, in pageIndex order. */
export function channelRange(channelId: string): IDBKeyRange {
  return IDBKeyRange.bound([channelId, 0], [channelId, Infinity]);
}

/** The HTTP and sync state of the feed document at `url` (absolute), if any. */
export function getFeedMeta(db: StoreDb, url: string): Promise<FeedMetaRecord | undefined> {
  return read('getFeedMeta', () => db.get('feedMeta', url));
}
