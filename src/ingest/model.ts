/**
 * What every reader of ingest produces: one article as a source described it, before it
 * meets the store. Readers fill what their source has and leave the rest out; the
 * pipeline (normalise → identify → assign channels → store) does everything else, so a
 * reader never decides ids, channels or limits.
 *
 * Strings are as the source gave them after decoding and entity resolution, trimmed.
 * HTML (`contentHtml`) is untrusted: it is only ever cleaned by the feed contract's own
 * sanitizer (src/shared/feed), the same code the app runs.
 */
export interface IngestItem {
  /** An id the source chose for the article: RSS guid, Atom id, JSON Feed id, a native file's id. */
  readonly guid?: string;
  /** True when `guid` is the article's permanent URL (RSS `isPermaLink`, or it parses as http(s)). */
  readonly guidIsUrl?: boolean;
  /** The article's page (absolute http(s) URL, resolved against the document's base). */
  readonly url?: string;
  /** The web headline; absent when the source has none (a micro-post): the pipeline derives one. */
  readonly title?: string;
  /** RFC 3339 with an explicit offset (see readers/dates.ts); a zone-less source date is +08:00. */
  readonly datePublished?: string;
  /** RFC 3339 with an explicit offset. */
  readonly dateModified?: string;
  /** The body as HTML (untrusted). */
  readonly contentHtml?: string;
  /** The body as plain text, paragraphs separated by blank lines. */
  readonly contentText?: string;
  /** A plain-text summary. */
  readonly summary?: string;
  /** Lead image (absolute http(s) URL). */
  readonly image?: string;
  /** Its text alternative. */
  readonly imageAlt?: string;
  /** 作者, one name each. */
  readonly authors?: readonly string[];
  /** Feed categories and tags as given (a city name among them puts the item in that city). */
  readonly tags?: readonly string[];
  /** 引题 */
  readonly kicker?: string;
  /** 副题 lines. */
  readonly subtitles?: readonly string[];
  /** 来源 */
  readonly source?: string;
  /** 责任编辑 */
  readonly editor?: string;
  /** The closing credit line, e.g. （大众日报客户端记者 刘兵 报道）. */
  readonly credit?: string;
  /** BCP 47 language tag. */
  readonly language?: string;
  /** City channel id the source names explicitly (native sources). */
  readonly city?: string;
  /** Channels the source names explicitly (native sources); validated by the pipeline. */
  readonly channels?: readonly string[];
}

/** What a reader returns for one document. */
export interface ReadDocument {
  /** What kind of document it turned out to be, for the summary. */
  readonly kind: 'rss' | 'atom' | 'json-feed' | 'rdf' | 'article-page' | 'text-capture' | 'native';
  /** The document's own title, when it has one (a feed's title). */
  readonly title?: string;
  readonly items: readonly IngestItem[];
  /** Items the reader had to leave out, each with its reason (English, precise). */
  readonly skipped: readonly string[];
}
