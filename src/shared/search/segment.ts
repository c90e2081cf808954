import type { Article } from '../feed/types';
import type { BuiltSegment, PostingsKey, PostingsRecord } from '../store/search';
import { FIELD_COUNT, fieldTexts } from './fields';
import { PostingsWriter } from './postings';
import { forEachTerm } from './terms';

/**
 * Building a segment: articles are analysed into their terms with per-field
 * frequencies, and the terms are spread over `buckets` posting records by a
 * hash, so a query reads one small record per term and segment instead of a
 * whole segment, and a write puts a few dozen records instead of one per term.
 */

/** An article's terms: ids ascending, with FIELD_COUNT frequencies each. */
export interface AnalyzedDoc {
  readonly articleId: string;
  readonly published: number;
  /** Length of each field, in folded characters (capped at 65535). */
  readonly lengths: Uint16Array;
  readonly terms: Uint32Array;
  /** `terms.length × FIELD_COUNT` frequencies, capped at 65535. */
  readonly tf: Uint16Array;
}

/** Publication time in ms, 0 when the date does not parse. */
function publishedTime(article: Article): number {
  const time = Date.parse(article.datePublished);
  return Number.isNaN(time) ? 0 : time;
}

/** Splits an article into its terms. */
export function analyzeArticle(article: Article): AnalyzedDoc {
  const slots = new Map<number, number>();
  const counts: number[] = [];
  const lengths = new Uint16Array(FIELD_COUNT);
  fieldTexts(article).forEach((text, field) => {
    const length = forEachTerm(text, (term) => {
      let slot = slots.get(term);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(term, slot);
        for (let f = 0; f < FIELD_COUNT; f++) counts.push(0);
      }
      const at = slot * FIELD_COUNT + field;
      counts[at] = Math.min(0xffff, (counts[at] ?? 0) + 1);
    });
    lengths[field] = Math.min(0xffff, length);
  });
  const terms = Uint32Array.from(slots.keys()).sort();
  const tf = new Uint16Array(terms.length * FIELD_COUNT);
  terms.forEach((term, i) => {
    const slot = slots.get(term) ?? 0;
    for (let f = 0; f < FIELD_COUNT; f++)
      tf[i * FIELD_COUNT + f] = counts[slot * FIELD_COUNT + f] ?? 0;
  });
  return { articleId: article.id, published: publishedTime(article), lengths, terms, tf };
}

/** Spreads term ids (which cluster: neighbouring code points) evenly over buckets. */
function mix(term: number): number {
  let h = term >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The bucket of `term` in a segment with `buckets` buckets (a power of two). */
export function bucketOf(term: number, buckets: number): number {
  return mix(term) & (buckets - 1);
}

/**
 * Bucket count for a segment of `docs` documents: 16 for the small segments a
 * write leaves (16 puts per feed page, records of about 10 KB), 256 and 4,096
 * for merged ones (records of a few KB). Few distinct counts keep a query at
 * one key range per term and count: three at most.
 */
export function bucketsFor(docs: number): number {
  if (docs < 160) return 16;
  return docs < 2000 ? 256 : 4096;
}

export type { BuiltSegment };

/**
 * Segment `id` of `docs`, numbered `firstDoc`, `firstDoc + 1`, … in order.
 */
export function buildSegment(
  id: number,
  firstDoc: number,
  docs: readonly AnalyzedDoc[],
): BuiltSegment {
  const buckets = bucketsFor(docs.length);
  // Per bucket, the postings as (term, local doc, index of the term in that doc).
  const entries = Array.from({ length: buckets }, () => ({
    terms: [] as number[],
    docs: [] as number[],
    at: [] as number[],
  }));
  docs.forEach((doc, local) => {
    doc.terms.forEach((term, i) => {
      const bucket = entries[bucketOf(term, buckets)];
      if (!bucket) return;
      bucket.terms.push(term);
      bucket.docs.push(local);
      bucket.at.push(i);
    });
  });
  const postings: [PostingsKey, PostingsRecord][] = [];
  entries.forEach((bucket, index) => {
    if (bucket.terms.length === 0) return;
    // A stable sort by term keeps each term's documents in ascending order.
    const order = Array.from(bucket.terms.keys()).sort(
      (a, b) => (bucket.terms[a] ?? 0) - (bucket.terms[b] ?? 0),
    );
    const writer = new PostingsWriter();
    let current = -1;
    for (const k of order) {
      const term = bucket.terms[k] ?? 0;
      if (term !== current) {
        writer.term(term);
        current = term;
      }
      const local = bucket.docs[k] ?? 0;
      writer.add(local, docs[local]?.tf ?? [], (bucket.at[k] ?? 0) * FIELD_COUNT);
    }
    postings.push([[buckets, index, id], writer.record(id)]);
  });
  const lengths = new Uint16Array(docs.length * FIELD_COUNT);
  docs.forEach((doc, local) => lengths.set(doc.lengths, local * FIELD_COUNT));
  return {
    segment: {
      id,
      buckets,
      docs: Uint32Array.from(docs, (_, local) => firstDoc + local),
      articleIds: docs.map((doc) => doc.articleId),
      published: Float64Array.from(docs, (doc) => doc.published),
      lengths,
    },
    postings,
  };
}
