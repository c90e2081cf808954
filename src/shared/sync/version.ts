import type { FeedMetaRecord } from '../store/index';

/**
 * Naming the stored copy of a feed document without a new field in the store:
 * its HTTP validators. A 304 keeps them, new content comes with new ones, and
 * they are written in the same transaction as the content (putFeedPage,
 * putDirectory), so they say which content is stored exactly as far as the
 * conditional requests already trust them. A document served without an ETag
 * or Last-Modified has no revision; pages then read IndexedDB to compare.
 *
 * The page's first load imports this module: it imports types only (the store
 * read is stored-version.ts).
 */

/** The revision of the document `meta` describes, if its server sent validators. */
export function documentRevision(meta: FeedMetaRecord | undefined): string | undefined {
  if (!meta || (meta.etag === undefined && meta.lastModified === undefined)) return undefined;
  return JSON.stringify([meta.url, meta.etag ?? null, meta.lastModified ?? null]);
}

/**
 * The revision of a stored copy that was read as `fetchedAt` (the fetch time in
 * the page or directory record), given the document's meta read after it:
 * every successful fetch writes the same time into both in one transaction, so
 * another time means a write came in between and the revision may not be this
 * copy's (then none: the copy is re-read when news comes).
 */
export function revisionOfCopy(
  meta: FeedMetaRecord | undefined,
  fetchedAt: number,
): string | undefined {
  return meta?.fetchedAt === fetchedAt ? documentRevision(meta) : undefined;
}
