/**
 * Hard limits on what a feed document may contain. They exist so that a broken
 * or hostile feed cannot fill a phone's storage, stall the service worker or
 * make the page lay out a megabyte-long headline. Generous for real news: the
 * seed article's body is about 2,500 characters and its headline 16.
 *
 * Lengths are in UTF-16 code units (JavaScript string length), counted after
 * trimming. docs/feed-format.md prints these numbers for feed producers, so a
 * change here is a change of the public contract.
 */
export const LIMITS = {
  /** Bytes of one JSON document (channels.json or a feed page) as received. */
  documentBytes: 2 * 1024 * 1024,
  /** Channels in channels.json; more makes the whole directory invalid. */
  channels: 200,
  /** Items read from one feed page; the rest are skipped and counted. */
  itemsPerPage: 200,
  /**
   * Reasons kept in `FeedPage.problems` (skips) and in `FeedPage.repairs` (repairs), each;
   * the counts in `skipped` and `repaired` are exact.
   */
  problems: 20,

  /** Channel id (a lower-case slug). */
  channelIdLength: 64,
  /** Channel title, e.g. 热点新闻. */
  channelTitleLength: 40,
  /** channels.json title and feed titles. */
  documentTitleLength: 200,
  /** Any URL, after resolving against the document URL. */
  urlLength: 2048,

  /** Item id. */
  idLength: 256,
  /** Headline. */
  titleLength: 300,
  /** 引题 (`_news.kicker`). */
  kickerLength: 200,
  /** Number of 副题 lines (`_news.subtitles`). */
  subtitles: 8,
  /** One 副题 line. */
  subtitleLength: 200,
  /** `summary`. */
  summaryLength: 1000,
  /** `content_html`, before conversion. */
  contentHtmlLength: 200_000,
  /** `content_text`. */
  contentTextLength: 100_000,
  /** Entries in `authors`. */
  authors: 20,
  /** One author name. */
  authorNameLength: 100,
  /** Entries in `tags`. */
  tags: 20,
  /** One tag. */
  tagLength: 50,
  /** `language` (a BCP 47 tag). */
  languageLength: 35,
  /** 来源 (`_news.source`) and 责任编辑 (`_news.editor`). */
  sourceLength: 100,
  /** The closing credit line (`_news.credit`). */
  creditLength: 300,
  /** Text alternative of the lead image (`_news.image_alt`). */
  imageAltLength: 500,

  /** Nesting of quotes and inline emphasis kept in a body; deeper markup is flattened. */
  htmlNestingDepth: 8,
  /** Element nesting the HTML tree builder follows; deeper tags are ignored, text kept. */
  htmlTreeDepth: 64,
  /** Characters of body text used when a summary has to be derived from the body. */
  derivedSummaryLength: 120,
  /** Longest headline derived from the text of an item that has no `title`. */
  derivedTitleLength: 40,
} as const;
