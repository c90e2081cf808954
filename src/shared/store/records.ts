import type { Article, ChannelDirectory } from '../feed/types';
import type { SyncFailure } from '../sync-result';

/**
 * What IndexedDB holds, shared by the page (reads) and the service worker
 * (writes). Records are plain, structured-cloneable data.
 */

/** An article as stored: the converted article plus bookkeeping for eviction. */
export interface StoredArticle {
  readonly article: Article;
  /** Channels whose stored pages list this article. */
  readonly channelIds: readonly string[];
  /** When it was first stored / last changed (ms since epoch). */
  readonly storedAt: number;
  /** Approximate bytes it takes (JSON length of `article`), for the storage budget. */
  readonly bytes: number;
}

/** One stored page of a channel: the ordered article ids, as the feed listed them. */
export interface ChannelPageRecord {
  readonly channelId: string;
  /** 0 = the first page; n = the n-th `next_url` followed. */
  readonly pageIndex: number;
  /** Absolute URL the page was read from. */
  readonly url: string;
  readonly articleIds: readonly string[];
  readonly nextUrl?: string;
  /** When this page was last fetched successfully (200 or 304), ms since epoch. */
  readonly fetchedAt: number;
}

/** HTTP and sync state of one feed document (channels.json or a feed page), by URL. */
export interface FeedMetaRecord {
  readonly url: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** Last successful fetch (200 or 304). */
  readonly fetchedAt?: number;
  /** Last failure, cleared by the next success. */
  readonly lastError?: SyncFailure & { readonly at: number };
}

/** The stored channel directory. */
export interface DirectoryRecord {
  readonly directory: ChannelDirectory;
  readonly fetchedAt: number;
  /** Absolute URL it was read from, so a 304 for that URL can refresh `fetchedAt`. */
  readonly url?: string;
}

/** The reader's own data about one article (saved, reading position, history). */
export interface UserArticleRecord {
  readonly id: string;
  /** Saved (收藏): never evicted. ms since epoch when saved. */
  readonly savedAt?: number;
  /** Last opened, for 最近阅读 and least-recently-read eviction. */
  readonly lastReadAt?: number;
  /** Reading position as a fraction 0..1 of the article's height. */
  readonly position?: number;
}
