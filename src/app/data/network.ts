import type { Article, Channel, ChannelDirectory } from '../../shared/feed/types';
import type { ChannelPage } from './cache';
import { withFeedModule } from './feed-module';
import { dedupe } from './requests';

/**
 * Reading feeds straight from the network, for devices where IndexedDB cannot
 * be opened: the app still works online, held only in memory for the visit.
 */

/** Fetches and validates channels.json. */
export function fetchDirectoryNow(
  directoryUrl: string,
  signal?: AbortSignal,
): Promise<ChannelDirectory> {
  return dedupe(
    `net:${directoryUrl}`,
    (shared) =>
      withFeedModule(directoryUrl, shared, (mod, fetchOpts) =>
        mod.fetchChannelDirectory(directoryUrl, fetchOpts),
      ),
    signal,
  );
}

/** Fetches and validates page `pageIndex` (at `url`) of `channel`. */
export function fetchPageNow(
  channel: Channel,
  pageIndex: number,
  url: string,
  signal?: AbortSignal,
): Promise<ChannelPage> {
  return dedupe(
    `net:${url}`,
    (shared) =>
      withFeedModule(url, shared, (mod, fetchOpts) => mod.fetchFeedPage(url, fetchOpts)).then(
        (page): ChannelPage => ({
          channelId: channel.id,
          pageIndex,
          url: page.url,
          items: page.items,
          nextUrl: page.nextUrl,
          fetchedAt: Date.now(),
        }),
      ),
    signal,
  );
}

/**
 * Fetches and validates article `articleId`'s own document at `url`.
 * @throws FeedError like a feed page; `schema` when it holds no usable item `articleId`.
 */
export function fetchArticleNow(
  articleId: string,
  url: string,
  signal?: AbortSignal,
): Promise<Article> {
  return dedupe(
    `net:${url}`,
    (shared) =>
      withFeedModule(url, shared, (mod, fetchOpts) =>
        mod.fetchArticleDocument(url, articleId, fetchOpts),
      ),
    signal,
  );
}
