/**
 * The content build's internal article record: one per article, whatever it
 * came from (a hand-written source file or the demo generator). Feed items are
 * serialised from it, so an article that sits in several channels is the very
 * same object in each of them.
 */

/** Lead image of an article: a file of the image pool plus its text alternative. */
export interface RecordImage {
  /** Pool image name without extension, e.g. `jinan-1`. */
  readonly name: string;
  /** Meaningful Chinese text alternative (`_news.image_alt`). */
  readonly alt: string;
}

/** One article ready to be written into feeds. */
export interface ArticleRecord {
  readonly id: string;
  readonly title: string;
  /** RFC 3339 with offset, e.g. `2023-05-06T10:30:13+08:00`. */
  readonly datePublished: string;
  /**
   * Channels the article was explicitly put in. `latest` is also filled with
   * the newest articles overall by the feed writer.
   */
  readonly channels: readonly string[];
  readonly city?: string;
  readonly kicker?: string;
  readonly subtitles?: readonly string[];
  readonly source?: string;
  readonly authors?: readonly string[];
  readonly editor?: string;
  readonly credit?: string;
  readonly url?: string;
  readonly image?: RecordImage;
  /** Body HTML; already escaped and built from known-good pieces. */
  readonly contentHtml: string;
  /** Where the record came from (file path or `generator`), for error messages. */
  readonly origin: string;
}
