import { DOWNLOAD_IMAGE_CACHE, IMAGE_CACHE } from '../cache-names';
import { PageTrail } from '../feed/paging';
import type { Channel } from '../feed/types';
import type { SyncFailure } from '../sync-result';
import type { DownloadPageDone, StoreDb } from '../store/index';
import { StoreQuotaError, getArticleRecords, getChannelPageRecord } from '../store/index';
import { toSyncFailure } from './failure';
import { articleImageUrls, keepImage } from './images';
import type { SyncOptions } from './options';
import { syncFeedPage } from './page';

/**
 * 下载离线: every page of some channels up to a depth, and the images their
 * articles use, so all of it reads offline.
 */

/** Progress of a download, in steps (pages + images). */
export interface DownloadProgress {
  /** The channel being downloaded now. */
  readonly channelId: string;
  /** Steps finished so far (succeeded or failed), over all channels. */
  readonly done: number;
  /** Steps known so far; grows as pages reveal next pages and images, never shrinks. */
  readonly total: number;
  /** Distinct articles stored by the pages done so far (this run and earlier runs). */
  readonly articles: number;
  /** Approximate bytes of those articles as stored. */
  readonly bytes: number;
}

/** Where an interrupted download stopped: the pages it stored, which are not fetched again. */
export interface DownloadResume {
  readonly pages: readonly DownloadPageDone[];
}

/** Options of downloadChannels. */
export interface DownloadOptions extends SyncOptions {
  /** Pages per channel: the first page and up to depth − 1 `next_url`s (at least 1). */
  readonly depth: number;
  /** Also cache the articles' images (false in 省流量 mode). */
  readonly images: boolean;
  /** Called after every step. */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /**
   * Where images go, DOWNLOAD_IMAGE_CACHE (default: the global `caches`);
   * without one, images are skipped.
   */
  readonly caches?: CacheStorage;
  /** Images fetched at once (default 4). */
  readonly imageConcurrency?: number;
  /** Pages an earlier, interrupted run of this download stored: read back, not fetched. */
  readonly resume?: DownloadResume;
  /**
   * Called (and awaited) after each page is stored, before the next is
   * fetched, so the caller can record the progress durably.
   */
  readonly onPageStored?: (page: DownloadPageDone, progress: DownloadProgress) => Promise<void>;
}

/** What a download achieved. */
export interface DownloadResult {
  /** Distinct articles now stored from the downloaded pages. */
  readonly articles: number;
  /** Distinct images now in DOWNLOAD_IMAGE_CACHE (fetched, copied or already there). */
  readonly images: number;
  /** Images that could not be fetched or cached. */
  readonly imagesFailed: number;
  /** The first page that failed, if any (later channels were still downloaded). */
  readonly failure?: SyncFailure;
  /**
   * Why a channel's paging stopped before its last `next_url` (a loop, another
   * origin), for developers; absent when nothing was refused. The pages read
   * up to there are stored and shown.
   */
  readonly problems?: readonly string[];
}

/**
 * Downloads channels one after another: for each, its pages in order up to
 * `depth` (following `next_url`, each page stored atomically by syncFeedPage,
 * conditionally when already stored; a `next_url` that loops back or leaves
 * the feed's origin ends the chain and is reported in `problems`), then the
 * images of those pages' articles into DOWNLOAD_IMAGE_CACHE, outside the
 * runtime image cache's limits (already kept ones are skipped, ones the
 * reader already saw are copied from IMAGE_CACHE, a failing one is counted
 * and skipped). A page that fails ends that channel's chain; the
 * download goes on with the next channel and reports the first failure.
 * @throws StoreQuotaError at once when storage is full even after eviction
 *   (the pages stored so far stay, each written whole); the signal's reason when aborted (promptly; everything written so
 *   far stays), and the first page's error when not a single page could be
 *   downloaded (e.g. offline).
 */
export async function downloadChannels(
  db: StoreDb,
  channels: readonly Channel[],
  opts: DownloadOptions,
): Promise<DownloadResult> {
  const { signal } = opts;
  const depth = Math.max(1, Math.floor(opts.depth));
  const cacheStorage = opts.images ? (opts.caches ?? globalThis.caches) : undefined;
  const cache = cacheStorage ? await cacheStorage.open(DOWNLOAD_IMAGE_CACHE) : undefined;
  const recent = cacheStorage ? await cacheStorage.open(IMAGE_CACHE) : undefined;
  const articleIds = new Set<string>();
  const imageUrls = new Set<string>();
  let imagesCached = 0;
  let imagesFailed = 0;
  let firstError: unknown;
  let done = 0;
  let total = channels.length;
  let pagesStored = 0;
  let bytes = 0;
  const problems: string[] = [];
  const doneBefore = new Set(
    (opts.resume?.pages ?? []).map((page) => `${page.channelId}\n${page.pageIndex}\n${page.url}`),
  );

  for (const channel of channels) {
    signal?.throwIfAborted();
    const progress = (): DownloadProgress => ({
      channelId: channel.id,
      done,
      total,
      articles: articleIds.size,
      bytes,
    });
    const report = (): void => opts.onProgress?.(progress());
    const images: string[] = [];
    const trail = new PageTrail(channel.feedUrl);
    let pageUrl: string | undefined = channel.feedUrl;
    for (let pageIndex = 0; pageUrl !== undefined && pageIndex < depth; pageIndex++) {
      signal?.throwIfAborted();
      trail.visit(pageUrl);
      const url: string = pageUrl;
      // A page an earlier run stored is read back as it is: fetching it again
      // (even conditionally) is what resuming avoids.
      const storedBefore = doneBefore.has(`${channel.id}\n${pageIndex}\n${url}`);
      try {
        if (!storedBefore) await syncFeedPage(db, channel.id, pageIndex, url, opts);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        // A full disk ends the whole download at once: every later page would fail the same way.
        if (error instanceof StoreQuotaError) throw error;
        firstError ??= error;
        done++;
        report();
        break;
      }
      pagesStored++;
      const page = await getChannelPageRecord(db, channel.id, pageIndex);
      const ids = page?.articleIds ?? [];
      for (const stored of await getArticleRecords(db, ids)) {
        if (!stored || articleIds.has(stored.article.id)) continue;
        articleIds.add(stored.article.id);
        bytes += stored.bytes;
        for (const image of cache ? articleImageUrls(stored.article) : []) {
          if (!imageUrls.has(image)) {
            imageUrls.add(image);
            images.push(image);
            total++;
          }
        }
      }
      pageUrl = undefined;
      if (page && pageIndex + 1 < depth) {
        trail.visit(page.url);
        const next = trail.next(page.nextUrl);
        if (next.kind === 'refused') problems.push(`${channel.id}: ${next.problem}`);
        if (next.kind === 'follow') {
          pageUrl = next.url;
          total++;
        }
      }
      done++;
      if (!storedBefore) {
        await opts.onPageStored?.({ channelId: channel.id, pageIndex, url }, progress());
      }
      report();
    }
    if (cache && images.length > 0) {
      const concurrency = Math.max(1, opts.imageConcurrency ?? 4);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < images.length) {
          signal?.throwIfAborted();
          const url = images[next++];
          if (url === undefined) break;
          const doFetch = opts.fetch ?? fetch;
          if (await keepImage(cache, recent, url, doFetch, signal)) imagesCached++;
          else imagesFailed++;
          done++;
          report();
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, images.length) }, worker));
    }
  }
  if (firstError !== undefined && pagesStored === 0) throw firstError;
  return {
    articles: articleIds.size,
    images: imagesCached,
    imagesFailed,
    ...(firstError !== undefined && { failure: toSyncFailure(firstError) }),
    ...(problems.length > 0 && { problems }),
  };
}
