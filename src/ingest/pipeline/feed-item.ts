/**
 * The JSON Feed 1.1 item the API publishes (docs/feed-format.md), exactly as written into
 * channel pages and article documents. The store keeps this shape too, so what is stored
 * is what is served.
 */
export interface NewsExtension {
  kicker?: string;
  subtitles?: string[];
  source?: string;
  editor?: string;
  credit?: string;
  image_alt?: string;
  city?: string;
}

/** One item of the API. Absolute URLs, except API files, which use the placeholder origin. */
export interface FeedItem {
  id: string;
  url?: string;
  title: string;
  content_html: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified?: string;
  authors?: { name: string }[];
  tags?: string[];
  language?: string;
  _news?: NewsExtension;
}
