import { absoluteUrl } from '../feed/urls';
import type { StoredVersion } from '../sync-result';
import type { StoreDb } from '../store/index';
import { getFeedMeta } from '../store/index';
import { documentRevision } from './version';

/** After a sync: which copy is stored now, for the reply and the news (see version.ts). */

/** Which copy of the document at `url` is stored now, if it has a revision. */
export async function storedVersion(db: StoreDb, url: string): Promise<StoredVersion | undefined> {
  // The sync keys a document's meta by its absolute URL, as requested.
  const meta = await getFeedMeta(db, absoluteUrl(url));
  const revision = documentRevision(meta);
  return revision !== undefined && meta?.fetchedAt !== undefined
    ? { revision, fetchedAt: meta.fetchedAt }
    : undefined;
}
