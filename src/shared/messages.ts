import type { StoredVersion, SyncFailure, SyncOutcome, SyncResult } from './sync-result';

/**
 * The one protocol between pages and the service worker.
 *
 * Requests go page → worker with `postMessage` and a `MessagePort` for the reply
 * (so a page can await "that refresh is done"). News goes worker → every open
 * page on the `qilu` BroadcastChannel, so a tab that did not ask still
 * re-renders when the data it shows changes. Replies and news about a feed
 * document carry its {@link StoredVersion}: a page that holds that version
 * already reads nothing back.
 */

/** Name of the BroadcastChannel the worker announces changes on. */
export const BROADCAST_CHANNEL = 'qilu';

/** Page → worker requests. `requestId` pairs a reply with its request. */
export type WorkerRequest =
  /** Fetch channels.json (conditionally) and store it. */
  | { readonly type: 'sync-directory'; readonly requestId: string }
  /**
   * Fetch one page of a channel (conditionally) and store it. `pageIndex` 0 is
   * the first page; later pages are the `next_url` chain the reader has opened.
   */
  | {
      readonly type: 'sync-page';
      readonly requestId: string;
      readonly channelId: string;
      readonly pageIndex: number;
      readonly pageUrl: string;
      /**
       * The article ids the page shows of it, newest first (a resting first visit,
       * src/app/first-visit): the reply then says whether the stored page `differs`.
       */
      readonly shownIds?: readonly string[];
    }
  /**
   * Fetch article `articleId`'s own document and store the article (opening a
   * link to an article that is not stored). The worker derives the URL from its
   * FEED_BASE (articleDocumentUrl), so a page cannot point it anywhere else.
   * Fails like a sync-page (an `http` failure when the producer publishes no
   * such document, `schema` when it does not hold the article); the page then
   * reads the channels instead. With `readAt` (ms since the epoch) the worker
   * also records that the reader opened it then, once it is stored: a resting
   * first visit (src/app/first-visit) has no data layer of its own to do it.
   */
  | {
      readonly type: 'sync-article';
      readonly requestId: string;
      readonly articleId: string;
      readonly readAt?: number;
    }
  /**
   * Remember how far the reader is in article `articleId` (0..1 of its
   * scrollable span), for 「继续阅读」: sent by a resting first visit, which has
   * no data layer of its own (the app writes it itself).
   */
  | {
      readonly type: 'set-position';
      readonly requestId: string;
      readonly articleId: string;
      readonly fraction: number;
    }
  /** Download channels for offline reading: pages up to `depth`, and their images. */
  | {
      readonly type: 'download';
      readonly requestId: string;
      readonly channelIds: readonly string[];
      readonly depth: number;
      readonly images: boolean;
    }
  /**
   * The reader saved (收藏) or unsaved a stored article: keep its images in
   * the saved-images cache (or drop those no saved article needs any more) so
   * it reads offline with its pictures. The worker does it (not the page) so
   * it finishes even if the tab closes right after the tap.
   */
  | { readonly type: 'save-article'; readonly requestId: string; readonly articleId: string }
  /** Stop a running download (its `requestId`). */
  | { readonly type: 'cancel-download'; readonly requestId: string; readonly downloadId: string }
  /**
   * Continue any 下载离线 an interruption left unfinished (sent when the
   * connection returns; any other message also wakes them).
   */
  | { readonly type: 'resume-downloads'; readonly requestId: string }
  /**
   * Fetch again the precached app shell files the browser deleted (storage
   * evicted): without them the app does not open offline until the next update.
   */
  | { readonly type: 'repair-shell'; readonly requestId: string }
  /**
   * Drop the downloaded pictures no stored article uses any more (sent after
   * the page cleared offline content: only the worker touches that cache).
   */
  | { readonly type: 'prune-images'; readonly requestId: string }
  /** The user accepted the update prompt: the waiting worker may take over. */
  | { readonly type: 'skip-waiting'; readonly requestId: string };

// Defined beside the store and the sync code, which use them too; part of the protocol.
export type { StoredVersion, SyncFailure, SyncOutcome, SyncResult };

/** Worker → page reply to one request, on the request's MessagePort. */
export type WorkerReply =
  | {
      readonly requestId: string;
      readonly ok: true;
      readonly outcome?: SyncOutcome;
      /** For `sync-directory` and `sync-page` (see {@link SyncResult}). */
      readonly stored?: StoredVersion;
      /** For a `sync-page` with `shownIds`: the stored page lists other articles than those. */
      readonly differs?: boolean;
    }
  | { readonly requestId: string; readonly ok: false; readonly failure: SyncFailure };

/** Worker → all pages news, on the BroadcastChannel. */
export type WorkerNews =
  | { readonly type: 'directory-updated'; readonly stored?: StoredVersion }
  | {
      readonly type: 'channel-updated';
      readonly channelId: string;
      readonly pageIndex: number;
      readonly outcome: SyncOutcome;
      readonly stored?: StoredVersion;
    }
  | {
      readonly type: 'sync-failed';
      readonly channelId?: string;
      readonly failure: SyncFailure;
    }
  | {
      readonly type: 'download-progress';
      readonly downloadId: string;
      readonly channelId: string;
      /** Steps done and known so far (pages + images); `total` may grow as pages reveal more. */
      readonly done: number;
      readonly total: number;
      /** Distinct articles stored so far and their approximate bytes. */
      readonly articles?: number;
      readonly bytes?: number;
      /** Set on every progress of a download continued after an interruption. */
      readonly resumed?: boolean;
      /** The download's channels (lets a page that did not start it follow it). */
      readonly channelIds?: readonly string[];
    }
  | {
      readonly type: 'download-finished';
      readonly downloadId: string;
      readonly articles: number;
      readonly images: number;
      readonly cancelled: boolean;
      readonly failure?: SyncFailure;
      /** Cut off by the network: kept, and continued when the connection returns. */
      readonly interrupted?: boolean;
    }
  | { readonly type: 'storage-evicted'; readonly articles: number };
