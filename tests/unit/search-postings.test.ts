import { describe, expect, it } from 'vitest';
import { FIELD_COUNT } from '../../src/shared/search/fields';
import { mergeSegments } from '../../src/shared/search/merge';
import {
  PostingsWriter,
  findTerm,
  forEachPosting,
  weighPostings,
} from '../../src/shared/search/postings';
import type { BuiltSegment } from '../../src/shared/search/segment';
import { analyzeArticle, buildSegment } from '../../src/shared/search/segment';
import type { PostingsRecord } from '../../src/shared/store/search-records';
import { demoArticles } from './search-fixtures';

/**
 * The posting format, written and read back: every decoder agrees with what
 * was written, and merging segments (by copying blocks or re-encoding around
 * deleted documents) keeps every posting of every live document.
 */

/** A small deterministic generator (no Math.random in tests). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

interface Posting {
  doc: number;
  tf: number[];
}

/** Random postings for `terms` terms: ascending documents, mostly body-only, some large gaps and counts. */
function randomPostings(terms: number): Map<number, Posting[]> {
  const next = sequence(7);
  const lists = new Map<number, Posting[]>();
  for (let t = 0; t < terms; t++) {
    const postings: Posting[] = [];
    let doc = Math.floor(next() * 5);
    for (let k = 0; k < 1 + Math.floor(next() * 40); k++) {
      const tf = new Array<number>(FIELD_COUNT).fill(0);
      if (next() < 0.7) {
        tf[3] = 1 + Math.floor(next() * 3);
      } else {
        for (let f = 0; f < FIELD_COUNT; f++)
          if (next() < 0.4) tf[f] = 1 + Math.floor(next() * 300);
      }
      if (!tf.some((value) => value > 0)) tf[0] = 1;
      postings.push({ doc, tf });
      doc += 1 + Math.floor(next() < 0.1 ? next() * 100_000 : next() * 4);
    }
    lists.set(0x30050000 + t * 97, postings);
  }
  return lists;
}

function write(lists: Map<number, Posting[]>): PostingsRecord {
  const writer = new PostingsWriter();
  for (const [term, postings] of lists) {
    writer.term(term);
    for (const { doc, tf } of postings) writer.add(doc, tf, 0);
  }
  return writer.record(1);
}

function read(record: PostingsRecord, term: number): Posting[] {
  const out: Posting[] = [];
  forEachPosting(record, findTerm(record.terms, term), (doc, tf) => out.push({ doc, tf: [...tf] }));
  return out;
}

describe('posting lists', () => {
  const lists = randomPostings(60);
  const record = write(lists);

  it('read back exactly as written', () => {
    for (const [term, postings] of lists) expect(read(record, term)).toEqual(postings);
    expect(findTerm(record.terms, 12345)).toBe(-1);
  });

  it('weigh live documents by their fields, as a query scores them', () => {
    const maxDoc = Math.max(...[...lists.values()].flat().map((posting) => posting.doc));
    const base = 3;
    const live = new Uint8Array(maxDoc + base + 1).fill(1);
    live[base + 2] = 0;
    const factors = Float32Array.from(
      { length: live.length * FIELD_COUNT },
      (_, i) => (i % 7) + 0.5,
    );
    for (const [term, postings] of lists) {
      const seen: [number, number][] = [];
      weighPostings(record, findTerm(record.terms, term), base, live, factors, {
        push: (position, weight) => seen.push([position, weight]),
      });
      const expected = postings
        .filter((posting) => live[base + posting.doc] === 1)
        .map(({ doc, tf }): [number, number] => [
          base + doc,
          tf.reduce(
            (sum, value, f) => sum + value * (factors[(base + doc) * FIELD_COUNT + f] ?? 0),
            0,
          ),
        ]);
      expect(seen.map(([position]) => position)).toEqual(expected.map(([position]) => position));
      seen.forEach(([, weight], i) => expect(weight).toBeCloseTo(expected[i]?.[1] ?? NaN, 3));
    }
  });

  it('move up as a block when appended with an offset', () => {
    const writer = new PostingsWriter();
    const term = [...lists.keys()][5] ?? 0;
    writer.term(term);
    writer.add(0, [0, 0, 0, 2, 0, 0], 0);
    writer.append(record, findTerm(record.terms, term), 1_000);
    writer.append(record, findTerm(record.terms, term), 500_000);
    const postings = lists.get(term) ?? [];
    expect(read(writer.record(2), term)).toEqual([
      { doc: 0, tf: [0, 0, 0, 2, 0, 0] },
      ...postings.map(({ doc, tf }) => ({ doc: doc + 1_000, tf })),
      ...postings.map(({ doc, tf }) => ({ doc: doc + 500_000, tf })),
    ]);
  });
});

describe('merging segments', () => {
  /** Every (term, document, frequencies) of some segments, by global document number. */
  function postingsOf(segments: readonly BuiltSegment[]): Map<string, string> {
    const all = new Map<string, string>();
    for (const { segment, postings } of segments) {
      for (const [, record] of postings) {
        record.terms.forEach((term, index) => {
          forEachPosting(record, index, (local, tf) => {
            all.set(`${term}:${segment.docs[local] ?? -1}`, tf.join(','));
          });
        });
      }
    }
    return all;
  }

  it('keeps every posting of every live document, and only those', async () => {
    const docs = (await demoArticles()).slice(0, 180).map(analyzeArticle);
    const segments: BuiltSegment[] = [];
    for (let i = 0; i < docs.length; i += 20) {
      segments.push(buildSegment(i / 20, 1000 + i, docs.slice(i, i + 20)));
    }
    const before = postingsOf(segments);
    // Delete documents of two inputs: those are re-encoded, the others copied as blocks.
    const deleted = new Set([1005, 1006, 1019, 1047]);
    const live = new Set(
      segments.flatMap(({ segment }) => [...segment.docs]).filter((doc) => !deleted.has(doc)),
    );
    const merged = mergeSegments(
      segments.map(({ segment, postings }) => ({
        segment,
        keys: postings.map(([key]) => key),
        records: postings.map(([, record]) => record),
      })),
      live,
      99,
    );
    if (!merged) throw new Error('nothing merged');
    expect(merged.segment.docs).toHaveLength(live.size);
    expect(merged.segment.buckets).toBe(256);
    const expected = new Map(
      [...before].filter(([key]) => !deleted.has(Number(key.split(':')[1]))),
    );
    expect(postingsOf([merged])).toEqual(expected);
  });
});
