import type { FeedErrorCode } from './feed/errors';

/**
 * What a sync did, and how one failed: written by the store (a write's
 * counts, a feed's last error), returned by src/shared/sync and carried
 * between page and worker by the protocol (messages.ts re-exports both). They
 * live here, beside neither, so the store does not depend on the wire
 * protocol.
 */

/** What a sync did to IndexedDB. */
export interface SyncOutcome {
  /** `not-modified`: the server answered 304, nothing was written. */
  readonly status: 'updated' | 'not-modified';
  /** Articles new to the store. */
  readonly added: number;
  /** Articles already stored whose content changed. */
  readonly changed: number;
  /** Invalid items the feed contained (skipped, not stored). */
  readonly skipped: number;
  /**
   * Repairs made to stored items (a field shortened or dropped, a headline
   * derived: FeedPage.repaired); present only when there were any.
   */
  readonly repaired?: number;
}

/**
 * A failure, in a form that crosses postMessage and is stored in IndexedDB
 * (Errors do not clone reliably).
 */
export interface SyncFailure {
  readonly code: FeedErrorCode | 'storage' | 'cancelled' | 'unknown';
  /** Developer-facing detail. */
  readonly message: string;
  /** The HTTP status, for `http` failures: 429 and 404 are told to readers differently. */
  readonly httpStatus?: number;
}

/**
 * Which copy of a feed document (channels.json, a channel page) IndexedDB
 * holds now, so a page can tell whether the copy it has is that one without
 * reading it again.
 */
export interface StoredVersion {
  /**
   * Names the stored content: unchanged as long as the server says the document
   * is (built from its ETag / Last-Modified, see src/shared/sync/version.ts).
   */
  readonly revision: string;
  /** When the document was last fetched successfully (a 304 moves it; the revision stays). */
  readonly fetchedAt: number;
}

/** What a sync of a feed document did, and which copy is stored now. */
export interface SyncResult {
  readonly outcome: SyncOutcome;
  /**
   * Absent when the server sends no validators (or the reply comes from a
   * worker older than revisions): then the page reads IndexedDB to know.
   */
  readonly stored?: StoredVersion;
}
