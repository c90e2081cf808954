import type { TextPart } from './snippet';

/**
 * What a search asks and answers: plain, structured-cloneable data, so the
 * engine can run wherever it is hosted (the page's search chunk today, a
 * dedicated worker once the Trusted Types policy allows one; see
 * docs/search.md) behind the same shapes.
 */

/**
 * Results a search page shows at a time, as search engines do: with their
 * excerpts, ten already fill a phone's screen several times over, and each
 * one costs a read of the stored article.
 */
export const RESULTS_PER_PAGE = 10;

/** One search. */
export interface SearchRequest {
  readonly query: string;
  /** Only articles a page of this channel lists. */
  readonly channelId?: string;
  /** Results wanted, from the best (default RESULTS_PER_PAGE). */
  readonly limit?: number;
}

/** One result: what the results list shows of an article. */
export interface SearchHit {
  readonly articleId: string;
  /** The headline, matches marked. */
  readonly title: readonly TextPart[];
  /** RFC 3339, as the feed gave it. */
  readonly datePublished: string;
  /** Channels whose stored pages list it (may be empty for a saved article). */
  readonly channelIds: readonly string[];
  /** An excerpt of the body (or summary) around the first match, matches marked. */
  readonly snippet: readonly TextPart[];
}

/** The answer to a {@link SearchRequest}. */
export interface SearchResponse {
  readonly query: string;
  /** Matching articles in all (the hits are the best `limit` of them). */
  readonly total: number;
  /**
   * No article contains every part of the query: these contain some of them
   * (ranked by how many), and the page says so.
   */
  readonly relaxed: boolean;
  readonly hits: readonly SearchHit[];
  /** Articles the index covers now. */
  readonly indexed: number;
  /** Stored articles still waiting to be indexed (results may miss them). */
  readonly pending: number;
}
