/**
 * The records of the full-text search index (src/shared/search writes and
 * reads them; the store keeps them in step with the articles). The index is a
 * set of immutable segments, as in Lucene: every write batch becomes a new
 * segment, so a write never rewrites a large posting list, and small segments
 * are merged later, in the background.
 */

/** Key of the single record in `searchMeta`. */
export const SEARCH_STATE_KEY = 'state';

/** The index's bookkeeping: one record, updated by every change to the index. */
export interface SearchStateRecord {
  /**
   * Version of the tokenizer and record format that built the index. Code
   * with another version never adds to it: it queues articles instead, and the
   * search maintenance re-indexes once when its own version is newer.
   */
  readonly version: number;
  /** Bumped by every change, so a reader knows when its cached segment list is stale. */
  readonly generation: number;
  /** The next document number (never reused; a changed article gets a new one). */
  readonly nextDoc: number;
  /** The next segment id. */
  readonly nextSegment: number;
}

/**
 * One segment's documents, in local order (a posting's document is its
 * position here). Deleted documents stay until the segment is merged: a
 * document is live while `searchDocs` holds its number.
 */
export interface SegmentRecord {
  readonly id: number;
  /** How many posting records the segment's terms are spread over (a power of two). */
  readonly buckets: number;
  /** Global document numbers. */
  readonly docs: Uint32Array;
  /** The article of each document. */
  readonly articleIds: readonly string[];
  /** Publication time of each document, ms since epoch (0 when unknown). */
  readonly published: Float64Array;
  /** Length of every field of every document (documents × fields, in characters, capped at 65535). */
  readonly lengths: Uint16Array;
}

/**
 * The postings of the terms of one segment that hash to one bucket (the key
 * is `[buckets, bucket, segment]`, so one key range reads a bucket of every
 * segment with that many buckets).
 */
export interface PostingsRecord {
  /** The segment, also indexed so a merge can read or drop all of its records. */
  readonly segment: number;
  /** Term ids, ascending. */
  readonly terms: Uint32Array;
  /** Where each term's postings end in `data` (they start where the previous one ended). */
  readonly ends: Uint32Array;
  /** Varint-coded postings: local document gaps and per-field term frequencies. */
  readonly data: Uint8Array;
}

/** A live document: deleting this record is what deletes the document. */
export interface SearchDocRecord {
  readonly doc: number;
  readonly articleId: string;
}

/** The key of a PostingsRecord: `[buckets, bucket, segment]`. */
export type PostingsKey = [number, number, number];

/**
 * A segment and its posting records with their keys, as src/shared/search
 * builds it (from analysed articles, or by merging segments) for the store to
 * write.
 */
export interface BuiltSegment {
  readonly segment: SegmentRecord;
  readonly postings: readonly (readonly [PostingsKey, PostingsRecord])[];
}

/** One stored segment with its posting records and their keys (what a merge reads). */
export interface SegmentPostings {
  readonly segment: SegmentRecord;
  readonly keys: readonly (readonly [number, number, number])[];
  readonly records: readonly PostingsRecord[];
}
