/**
 * The shapes the rest of the app works with once a feed document has been
 * validated and converted. Nothing here is raw feed JSON: every URL is absolute,
 * every string has passed the limits, and article bodies are an allowlisted block
 * tree that the page renders as Preact elements (never as HTML).
 *
 * These types are shared by the page, the service worker and the content build,
 * so they are plain data: structured-cloneable, storable in IndexedDB as they are.
 */

/** Inline content inside a block. Plain strings are text nodes. */
export type Inline =
  | string
  | { readonly t: 'em' | 'strong'; readonly c: readonly Inline[] }
  /** A link; `href` is always an absolute http(s) URL. */
  | { readonly t: 'a'; readonly href: string; readonly c: readonly Inline[] }
  | { readonly t: 'br' };

/** A figure: image with its text alternative and optional caption. */
export interface FigureBlock {
  readonly t: 'figure';
  /** Absolute http(s) URL. */
  readonly src: string;
  /** Text alternative; empty string only for a purely decorative image. */
  readonly alt: string;
  readonly caption?: readonly Inline[];
  /** Intrinsic size when the feed gives it, so layout can reserve space. */
  readonly width?: number;
  readonly height?: number;
}

/** A block of an article body. */
export type Block =
  | { readonly t: 'p'; readonly c: readonly Inline[] }
  /** Section headings inside an article; the page's h1 is the headline, so 2–4. */
  | { readonly t: 'h'; readonly level: 2 | 3 | 4; readonly c: readonly Inline[] }
  | { readonly t: 'ul' | 'ol'; readonly items: readonly (readonly Inline[])[] }
  | { readonly t: 'quote'; readonly c: readonly Block[] }
  | FigureBlock;

/** The lead image of an item. */
export interface LeadImage {
  /** Absolute http(s) URL. */
  readonly src: string;
  /** Text alternative from `_news.image_alt`; empty when the feed gives none. */
  readonly alt: string;
}

/** One news article, as converted from a JSON Feed item. */
export interface Article {
  readonly id: string;
  /** The web headline. */
  readonly title: string;
  /**
   * Present when the item had no `title` and `title` was derived from its text
   * (its first sentence, shortened): a micro-post's headline is ours, not the
   * producer's. Absent for a headline the feed gave.
   */
  readonly titleDerived?: true;
  /** 引题: the line above the headline. */
  readonly kicker?: string;
  /** 副题: the lines under the headline. */
  readonly subtitles: readonly string[];
  /** 发布时间 as given (RFC 3339 with offset), e.g. `2023-05-06T10:30:13+08:00`. */
  readonly datePublished: string;
  readonly dateModified?: string;
  /** 来源 */
  readonly source?: string;
  /** 作者 */
  readonly authors: readonly string[];
  /** 责任编辑 */
  readonly editor?: string;
  /** The closing credit line. */
  readonly credit?: string;
  /** 阅读原文: the article's page on the portal (absolute http(s) URL). */
  readonly url?: string;
  readonly image?: LeadImage;
  /** Plain-text summary, from `summary` or derived from the body. */
  readonly summary: string;
  readonly tags: readonly string[];
  readonly language?: string;
  /** Channel id of the city the story is about (`_news.city`). */
  readonly city?: string;
  /** The body as an allowlisted block tree. */
  readonly blocks: readonly Block[];
  /** The body as plain text (for search and read aloud), paragraphs joined by "\n". */
  readonly text: string;
}

/** `kind` of a channel: the portal's sections (热点新闻, 滚动, 图片新闻) or a city. */
export type ChannelKind = 'section' | 'city';

/** One entry of `channels.json`. */
export interface Channel {
  readonly id: string;
  readonly title: string;
  readonly kind: ChannelKind;
  /** Absolute URL of the channel's first feed page. */
  readonly feedUrl: string;
}

/** The validated `channels.json`. */
export interface ChannelDirectory {
  readonly version: 1;
  readonly title: string;
  readonly channels: readonly Channel[];
}

/** One validated page of a channel's JSON Feed. */
export interface FeedPage {
  /** Absolute URL this page was read from. */
  readonly url: string;
  /** The feed's own title. */
  readonly title: string;
  readonly items: readonly Article[];
  /** Absolute URL of the next page (「+更多」), if any. */
  readonly nextUrl?: string;
  /** How many items were invalid and skipped. */
  readonly skipped: number;
  /** Developer-facing reasons for the skipped items (capped), for logs and tests. */
  readonly problems: readonly string[];
  /**
   * How many repairs were made to kept items: an over-long field shortened, an
   * invalid optional field dropped, a missing headline derived (each counts once).
   */
  readonly repaired: number;
  /** Developer-facing reasons for the repairs (capped like `problems`), e.g. `items.3 (id "a1"): tags.0: longer than 50 characters, dropped`. */
  readonly repairs: readonly string[];
}
