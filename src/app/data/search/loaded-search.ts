import type { Article, Channel } from '../../../shared/feed/types';
import { cachedArticles } from '../cache';
import { firstPageOf, loadPage } from '../channel-pages';
import { localDatabase } from '../database';
import { findChannel, getDirectory } from '../directory';
import { readChannelArticles } from '../reads';
import type { LoadOptions } from '../requests';
import { matchArticles } from './substring-match';

/**
 * Searching what the page has loaded, for a device without IndexedDB: the
 * first page of every channel, and everything read this visit, matched by
 * substring (substring-match.ts).
 */

/** One search result. */
export interface SearchHit {
  readonly article: Article;
  readonly channel: Channel;
}

/** The results of {@link searchLoaded}. */
export interface SearchOutcome {
  readonly hits: readonly SearchHit[];
  /** Channels that could not be read at all, so the results may be incomplete. */
  readonly failedChannels: readonly Channel[];
}

/**
 * Searches what the app can reach now: the first page of every channel
 * (fetched if it was never stored and the network allows), plus every page
 * stored or read, matching title, summary and text by substring. Throws only
 * when the directory itself cannot be read.
 */
export async function searchLoaded(query: string, opts: LoadOptions = {}): Promise<SearchOutcome> {
  const directory = await getDirectory(opts);
  const results = await Promise.allSettled(
    directory.channels.map((channel) => loadPage(channel, firstPageOf(channel), opts)),
  );
  opts.signal?.throwIfAborted();
  const failedChannels = directory.channels.filter(
    (_, index) => results[index]?.status === 'rejected',
  );

  const channelOf = new Map<string, Channel>();
  const articles: Article[] = [];
  const add = (article: Article, channel: Channel | undefined) => {
    if (!channel || channelOf.has(article.id)) return;
    channelOf.set(article.id, channel);
    articles.push(article);
  };
  const db = await localDatabase();
  if (db) {
    const stored = await Promise.all(
      directory.channels.map((channel) => readChannelArticles(db, channel.id)),
    );
    opts.signal?.throwIfAborted();
    directory.channels.forEach((channel, index) => {
      for (const article of stored[index] ?? []) add(article, channel);
    });
  }
  for (const { article, channelIds } of cachedArticles()) {
    add(
      article,
      channelIds
        .map((channelId) => findChannel(directory, channelId))
        .find((candidate) => candidate !== undefined),
    );
  }
  const hits = matchArticles(articles, query).flatMap((article) => {
    const channel = channelOf.get(article.id);
    return channel ? [{ article, channel }] : [];
  });
  return { hits, failedChannels };
}
