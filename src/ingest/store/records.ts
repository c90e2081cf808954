import type { FeedItem } from '../pipeline/feed-item';

/**
 * What the content store keeps: one record per article, holding the API item exactly as it
 * is served (channel pages and article documents are made of these items and nothing else),
 * plus what ingest needs to recognise the article again and to decide whether a new copy
 * replaces it.
 */
export interface StoredArticle {
  /** The article's id, fixed when it was first stored (same as `item.id`). */
  readonly id: string;
  /** Identity keys (pipeline/identity.ts): any shared key means the same article. */
  readonly keys: readonly string[];
  /** Channels in directory order, without 滚动 (every article is in it): the union of `origins`. */
  readonly channels: readonly string[];
  /** Every source that delivered the article → the channels it put it in. */
  readonly origins: Readonly<Record<string, readonly string[]>>;
  /** The source whose copy the content is; it may correct it without a newer date_modified. */
  readonly contentOrigin: string;
  /** Hash of that source's normalised copy, so an unchanged re-ingest is recognised cheaply. */
  readonly inputHash: string;
  /** True when the headline was derived from the text (the source had none). */
  readonly titleDerived?: boolean;
  readonly item: FeedItem;
}

/** One line of the store's index: enough to page channels without reading articles. */
export interface IndexEntry {
  readonly id: string;
  readonly keys: readonly string[];
  readonly channels: readonly string[];
  /** `item.date_published` in epoch ms, for ordering. */
  readonly published: number;
  /** Hash of the served item JSON: a page or document changes exactly when this does. */
  readonly itemHash: string;
  readonly inputHash: string;
  readonly modified?: string;
}
