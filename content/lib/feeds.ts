/**
 * Turns article records into the static API documents: `channels.json` and the
 * paged JSON Feed 1.1 documents of every channel (DESIGN.md, "The feed contract").
 */
import { CHANNELS } from './channels';
import type { ChannelDef } from './channels';
import { ContentError } from './errors';
import { imageUrl } from './html';
import type { ArticleRecord } from './model';

/** Items per feed page (the portal's list length before 「+更多」). */
export const PAGE_SIZE = 20;

/** How many of the newest articles overall make up 滚动 (`latest`). */
export const LATEST_SIZE = 60;

/** The portal whose content this demo mirrors; home_page_url of every feed. */
export const HOME_PAGE_URL = 'https://www.dzwww.com/';

/** Site title in `channels.json`. */
export const SITE_TITLE = '大众网';

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** One JSON Feed item as emitted. */
interface FeedItem {
  readonly id: string;
  readonly url?: string;
  readonly title: string;
  readonly content_html: string;
  readonly image?: string;
  readonly date_published: string;
  readonly authors?: readonly { readonly name: string }[];
  readonly _news?: Readonly<Record<string, string | readonly string[]>>;
}

/** Newest first; ties broken by id so the order never depends on input order. */
export function compareNewestFirst(a: ArticleRecord, b: ArticleRecord): number {
  const diff = Date.parse(b.datePublished) - Date.parse(a.datePublished);
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Fails the build when two records share an id, naming both places. */
export function assertUniqueIds(records: readonly ArticleRecord[]): void {
  const seen = new Map<string, ArticleRecord>();
  for (const r of records) {
    const first = seen.get(r.id);
    if (first) {
      throw new ContentError(r.origin, 'id', `"${r.id}" is already used by ${first.origin}`);
    }
    seen.set(r.id, r);
  }
}

/** Serialises a record as a JSON Feed 1.1 item with the `_news` extension. */
export function toFeedItem(r: ArticleRecord): FeedItem {
  const news: Record<string, string | readonly string[]> = {};
  if (r.kicker) news.kicker = r.kicker;
  if (r.subtitles && r.subtitles.length > 0) news.subtitles = r.subtitles;
  if (r.source) news.source = r.source;
  if (r.editor) news.editor = r.editor;
  if (r.credit) news.credit = r.credit;
  if (r.image) news.image_alt = r.image.alt;
  if (r.city) news.city = r.city;
  return {
    id: r.id,
    ...(r.url ? { url: r.url } : {}),
    title: r.title,
    content_html: r.contentHtml,
    ...(r.image ? { image: imageUrl(r.image.name) } : {}),
    date_published: r.datePublished,
    ...(r.authors && r.authors.length > 0 ? { authors: r.authors.map((name) => ({ name })) } : {}),
    ...(Object.keys(news).length > 0 ? { _news: news } : {}),
  };
}

/** The articles of one channel, newest first. */
export function channelMembers(
  channel: ChannelDef,
  sorted: readonly ArticleRecord[],
): ArticleRecord[] {
  if (channel.id === 'latest') {
    // 滚动 is "what is new": the newest articles overall, plus any a source put there explicitly.
    return sorted.filter((r, i) => i < LATEST_SIZE || r.channels.includes('latest'));
  }
  return sorted.filter((r) => r.channels.includes(channel.id));
}

/** File name of page `n` (1-based) of a channel, relative to `feeds/`. */
export function pageFileName(channelId: string, n: number): string {
  return n === 1 ? `${channelId}.json` : `${channelId}-${n}.json`;
}

/** The JSON Feed pages of one channel: file name (in `feeds/`) → document. */
export function channelPages(
  channel: ChannelDef,
  members: readonly ArticleRecord[],
): Map<string, object> {
  const pageCount = Math.max(1, Math.ceil(members.length / PAGE_SIZE));
  const pages = new Map<string, object>();
  for (let n = 1; n <= pageCount; n++) {
    const items = members.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE).map(toFeedItem);
    pages.set(pageFileName(channel.id, n), {
      version: JSON_FEED_VERSION,
      title: channel.title,
      home_page_url: HOME_PAGE_URL,
      // The first page identifies the feed; relative URLs resolve against this document.
      feed_url: pageFileName(channel.id, 1),
      language: 'zh-CN',
      ...(n < pageCount ? { next_url: pageFileName(channel.id, n + 1) } : {}),
      items,
    });
  }
  return pages;
}

/**
 * Path (relative to the API root) of an article's own document: `articles/<id>.json`, with the
 * id percent-encoded as by encodeURIComponent (docs/feed-format.md, "One document per article").
 */
export function articleDocumentPath(id: string): string {
  return `articles/${encodeURIComponent(id)}.json`;
}

/** The one-item JSON Feed of an article, so that a link to it opens with one small request. */
export function articleDocument(r: ArticleRecord): object {
  return {
    version: JSON_FEED_VERSION,
    title: r.title,
    home_page_url: HOME_PAGE_URL,
    language: 'zh-CN',
    // Images are referenced as from feeds/ (../images/…); that holds for articles/ too.
    items: [toFeedItem(r)],
  };
}

/** The channel directory document. */
export function channelDirectory(): object {
  return {
    version: 1,
    title: SITE_TITLE,
    channels: CHANNELS.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      feed_url: `feeds/${pageFileName(c.id, 1)}`,
    })),
  };
}
