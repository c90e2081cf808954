import type { Article } from '../../shared/feed/types';
import type { ChannelPage } from './cache';
import { cachedPage } from './cache';
import { getChannelPage } from './channel-pages';
import type { LoadOptions } from './requests';

/** 相关新闻: other articles of the channel an article was found in, from its first page. */

function relatedFrom(page: ChannelPage | undefined, articleId: string, limit: number): Article[] {
  return (page?.items ?? []).filter((item) => item.id !== articleId).slice(0, limit);
}

/** Related articles from memory, if the channel's first page was read (instant re-render). */
export function peekRelated(
  articleId: string,
  channelId: string,
  limit = 6,
): readonly Article[] | undefined {
  const page = cachedPage(channelId, 0);
  return page ? relatedFrom(page, articleId, limit) : undefined;
}

/**
 * Up to `limit` other articles from `channelId`'s first page, for 相关新闻.
 * Quietly empty when the channel cannot be read: related links are a bonus.
 */
export async function getRelated(
  articleId: string,
  channelId: string,
  limit = 6,
  opts: LoadOptions = {},
): Promise<readonly Article[]> {
  try {
    return relatedFrom(await getChannelPage(channelId, undefined, opts), articleId, limit);
  } catch (error) {
    opts.signal?.throwIfAborted();
    console.warn('Related articles unavailable', error);
    return [];
  }
}
