import { JSON_FEED_VERSION } from '../../shared/feed/schema';
import type { FeedItem } from '../pipeline/feed-item';
import { firstPageName } from './layout';
import type { SiteConfig } from './site';

/**
 * The API's documents (docs/feed-format.md). Every document is serialised here, so the bytes
 * depend only on the store: the same store gives byte-identical files.
 */

/** Content-Type of feed pages and article documents. */
export const FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';
/** Content-Type of `channels.json`. */
export const JSON_CONTENT_TYPE = 'application/json';

/** Path of an article's own document, relative to the API root. */
export function articleDocumentPath(id: string): string {
  return `articles/${encodeURIComponent(id)}.json`;
}

/** `channels.json`. */
export function directoryDocument(site: SiteConfig): string {
  return serialise({
    version: 1,
    title: site.title,
    channels: site.channels.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      feed_url: `feeds/${firstPageName(c.id)}`,
    })),
  });
}

/** One page of a channel. */
export function channelPageDocument(
  site: SiteConfig,
  channel: { readonly id: string; readonly title: string },
  next: string | undefined,
  items: readonly FeedItem[],
): string {
  return serialise({
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: site.homePageUrl,
    // Every page names the channel's first page; relative URLs resolve against the document.
    feed_url: firstPageName(channel.id),
    language: site.language,
    ...(next ? { next_url: next } : {}),
    items,
  });
}

/** The one-item feed of an article. */
export function articleDocument(site: SiteConfig, item: FeedItem): string {
  return serialise({
    version: JSON_FEED_VERSION,
    title: item.title,
    home_page_url: site.homePageUrl,
    language: site.language,
    items: [item],
  });
}

function serialise(doc: object): string {
  return `${JSON.stringify(doc)}\n`;
}
