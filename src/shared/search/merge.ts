import type {
  BuiltSegment,
  PostingsKey,
  PostingsRecord,
  SegmentPostings,
  SegmentRecord,
} from '../store/search';
import { FIELD_COUNT } from './fields';
import { PostingsWriter, forEachPosting } from './postings';
import { bucketOf, bucketsFor } from './segment';

/**
 * Merging segments, as Lucene's tiered merge policy does in spirit: every
 * write leaves a small segment; once enough segments of similar size pile up
 * they are rewritten as one, dropping deleted documents on the way. Queries
 * then read one record per term from a handful of segments instead of
 * hundreds, and the index shrinks back after evictions.
 */

/** Segments of one size tier merged at once. */
const MERGE_FACTOR = 8;
/** Most segments merged at once (a tier that grew while nobody merged is merged in steps). */
const MAX_MERGE = 16;
/** Tier boundaries in documents: a feed page (20) · 8 = 160, · 8 = 1280. */
const TIERS = [160, 1280];
/** Share of deleted documents that makes a segment worth rewriting on its own. */
const DELETED_SHARE = 1 / 3;

/** The size tier of a segment of `docs` documents (the last tier is never merged further). */
function tierOf(docs: number): number {
  const tier = TIERS.findIndex((limit) => docs < limit);
  return tier < 0 ? TIERS.length : tier;
}

/** Live documents of a segment. */
function liveCount(segment: SegmentRecord, live: ReadonlySet<number>): number {
  let count = 0;
  for (const doc of segment.docs) if (live.has(doc)) count++;
  return count;
}

/**
 * Which segments to merge next, or undefined when the index is in shape:
 * first segments with no live document left (dropped without rewriting),
 * then MERGE_FACTOR or more segments of one tier below the last, then a
 * segment with many deleted documents on its own.
 */
export function planMerge(
  segments: readonly SegmentRecord[],
  live: ReadonlySet<number>,
): SegmentRecord[] | undefined {
  const counts = new Map(segments.map((segment) => [segment, liveCount(segment, live)]));
  const dead = segments.filter((segment) => counts.get(segment) === 0);
  if (dead.length > 0) return dead;
  for (let tier = 0; tier < TIERS.length; tier++) {
    const same = segments
      .filter((segment) => tierOf(segment.docs.length) === tier)
      .sort((a, b) => a.id - b.id);
    if (same.length >= MERGE_FACTOR) return same.slice(0, MAX_MERGE);
  }
  const worn = segments.find(
    (segment) => (counts.get(segment) ?? 0) < segment.docs.length * (1 - DELETED_SHARE),
  );
  return worn && [worn];
}

/** One segment to merge, with its posting records and their keys (as the store reads it). */
export type MergeInput = SegmentPostings;

/** For each output bucket, the positions of a record's terms that fall in it. */
function groupByBucket(record: PostingsRecord, buckets: number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  record.terms.forEach((term, index) => {
    const bucket = bucketOf(term, buckets);
    const group = groups.get(bucket);
    if (group) group.push(index);
    else groups.set(bucket, [index]);
  });
  return groups;
}

/**
 * The live documents of `inputs` (in input order) as one segment `id`, or
 * undefined when none is live. Output buckets are a multiple of every input's
 * (all are powers of four), so each output record draws on exactly one record
 * of each input and the merge streams bucket by bucket.
 */
export function mergeSegments(
  inputs: readonly MergeInput[],
  live: ReadonlySet<number>,
  id: number,
): BuiltSegment | undefined {
  const docs: number[] = [];
  const articleIds: string[] = [];
  const published: number[] = [];
  const lengths: number[] = [];
  let buckets = 1;
  const renumber = inputs.map(({ segment }) => {
    const map = new Int32Array(segment.docs.length).fill(-1);
    segment.docs.forEach((doc, local) => {
      if (!live.has(doc)) return;
      map[local] = docs.length;
      docs.push(doc);
      articleIds.push(segment.articleIds[local] ?? '');
      published.push(segment.published[local] ?? 0);
      for (let f = 0; f < FIELD_COUNT; f++) {
        lengths.push(segment.lengths[local * FIELD_COUNT + f] ?? 0);
      }
    });
    buckets = Math.max(buckets, segment.buckets);
    return map;
  });
  if (docs.length === 0) return undefined;
  buckets = Math.max(buckets, bucketsFor(docs.length));

  // Each input's records by bucket, and each record's terms by output bucket.
  const sources = inputs.map(({ segment, keys, records }) => {
    const byBucket = new Map<number, { record: PostingsRecord; groups: Map<number, number[]> }>();
    records.forEach((record, k) => {
      const bucket = keys[k]?.[1] ?? 0;
      byBucket.set(bucket, { record, groups: groupByBucket(record, buckets) });
    });
    const intact = segment.docs.every((doc) => live.has(doc));
    return { mask: segment.buckets - 1, byBucket, intact };
  });

  const postings: [PostingsKey, PostingsRecord][] = [];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const entries: { term: number; input: number; index: number }[] = [];
    sources.forEach(({ mask, byBucket }, input) => {
      const source = byBucket.get(bucket & mask);
      for (const index of source?.groups.get(bucket) ?? []) {
        entries.push({ term: source?.record.terms[index] ?? 0, input, index });
      }
    });
    if (entries.length === 0) continue;
    entries.sort((a, b) => a.term - b.term || a.input - b.input);
    const writer = new PostingsWriter();
    let current = -1;
    for (const { term, input, index } of entries) {
      if (term !== current) {
        writer.term(term);
        current = term;
      }
      const source = sources[input];
      const record = source?.byBucket.get(bucket & source.mask)?.record;
      const map = renumber[input];
      if (!source || !record || !map) continue;
      if (source.intact) {
        // Nothing deleted in this input: its postings move up as a block.
        writer.append(record, index, map[0] ?? 0);
        continue;
      }
      forEachPosting(record, index, (doc, tf) => {
        const renumbered = map[doc] ?? -1;
        if (renumbered >= 0) writer.add(renumbered, tf, 0);
      });
    }
    if (!writer.empty) postings.push([[buckets, bucket, id], writer.record(id)]);
  }
  return {
    segment: {
      id,
      buckets,
      docs: Uint32Array.from(docs),
      articleIds,
      published: Float64Array.from(published),
      lengths: Uint16Array.from(lengths),
    },
    postings,
  };
}
