import type { StoreDb, StoredArticle } from '../store/index';
import type { PostingsRecord, SearchSnapshot, SegmentRecord } from '../store/search';
import { openSearchSnapshot } from '../store/search';
import { FIELD_B, FIELD_COUNT, FIELD_WEIGHTS, fieldTexts } from './fields';
import { foldString } from './normalize';
import { findTerm, weighPostings } from './postings';
import type { SearchHit, SearchRequest, SearchResponse } from './protocol';
import { RESULTS_PER_PAGE } from './protocol';
import { bucketOf } from './segment';
import { Ranking } from './ranking';
import { containsAll, excerpt, highlight } from './snippet';
import { parseQuery } from './terms';

/**
 * Answering queries from the IndexedDB index. A query's terms must all
 * occur (terms.ts: the pairs of a CJK run, words, their junctions); when no
 * article has them all, articles with some of them are offered instead,
 * ranked by how many. Ranking is BM25F (per-field weights and length
 * normalisation, fields.ts) blended with recency. The best results are
 * checked against the stored text — the index has no positions, so 数字强省
 * is confirmed as a phrase there — and get a marked headline and excerpt.
 *
 * An engine keeps the segment list and live documents in memory and reloads
 * them only when the index's generation moves, so a query costs one read of
 * the state record, a key range per term and bucket size, and the articles
 * shown.
 */

/** BM25 term-frequency saturation. */
const K1 = 1.2;
/** How much being new can add to a score (a share of it) … */
const RECENCY_WEIGHT = 0.3;
/** … halving every this many days of age. */
const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
/** Extra candidates fetched beyond `limit`, for the ones the stored text does not confirm. */
const SPARE = 5;
/** Posting reads kept for the next keystrokes (per index generation). */
const READ_CACHE_SIZE = 256;
/**
 * Articles kept for the next keystrokes (per index generation): typing a
 * query letter by letter shows mostly the same articles each time.
 */
const ARTICLE_CACHE_SIZE = 100;

/** The index as one query sees it: every segment's documents, by position. */
interface IndexView {
  readonly generation: number;
  /** Segments by id, each with the position of its first document. */
  readonly segments: ReadonlyMap<number, { readonly record: SegmentRecord; readonly base: number }>;
  /** The distinct bucket counts of the segments: one key range per term and count. */
  readonly bucketCounts: readonly number[];
  /** Per position: 1 when the document is live. */
  readonly live: Uint8Array;
  readonly articleIds: readonly string[];
  readonly published: Float64Array;
  /** Per position and field: the field's weight over its length normalisation. */
  readonly fieldFactors: Float32Array;
  readonly liveCount: number;
  /** Per position: the recency factor a score is multiplied by (1 … 1 + RECENCY_WEIGHT). */
  readonly recency: Float32Array;
  /** Posting reads of this generation, kept for the next keystrokes (`buckets:bucket` → records). */
  readonly reads: Map<string, PostingsRecord[]>;
  /** Articles shown by this generation's queries, kept for the next keystrokes (by id). */
  readonly articles: Map<string, StoredArticle>;
}

const EMPTY_VIEW: IndexView = {
  generation: -1,
  segments: new Map(),
  bucketCounts: [],
  live: new Uint8Array(0),
  articleIds: [],
  published: new Float64Array(0),
  fieldFactors: new Float32Array(0),
  liveCount: 0,
  recency: new Float32Array(0),
  reads: new Map(),
  articles: new Map(),
};

/** Builds the view from the segment records and the live document numbers. */
function buildView(
  generation: number,
  records: readonly SegmentRecord[],
  liveDocs: readonly number[],
): IndexView {
  const liveSet = new Set(liveDocs);
  const size = records.reduce((sum, record) => sum + record.docs.length, 0);
  const live = new Uint8Array(size);
  const published = new Float64Array(size);
  const articleIds: string[] = [];
  const lengthSums = new Float64Array(FIELD_COUNT);
  const segments = new Map<number, { record: SegmentRecord; base: number }>();
  let liveCount = 0;
  let newest = 0;
  let base = 0;
  for (const record of records) {
    segments.set(record.id, { record, base });
    record.docs.forEach((doc, local) => {
      const position = base + local;
      articleIds.push(record.articleIds[local] ?? '');
      published[position] = record.published[local] ?? 0;
      if (!liveSet.has(doc)) return;
      live[position] = 1;
      liveCount++;
      newest = Math.max(newest, published[position] ?? 0);
      for (let f = 0; f < FIELD_COUNT; f++) {
        lengthSums[f] = (lengthSums[f] ?? 0) + (record.lengths[local * FIELD_COUNT + f] ?? 0);
      }
    });
    base += record.docs.length;
  }
  const averages = lengthSums.map((sum) => Math.max(1, sum / Math.max(1, liveCount)));
  const fieldFactors = new Float32Array(size * FIELD_COUNT);
  base = 0;
  for (const record of records) {
    for (let local = 0; local < record.docs.length; local++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const b = FIELD_B[f] ?? 0;
        const length = record.lengths[local * FIELD_COUNT + f] ?? 0;
        const norm = 1 - b + (b * length) / (averages[f] ?? 1);
        fieldFactors[(base + local) * FIELD_COUNT + f] = (FIELD_WEIGHTS[f] ?? 0) / norm;
      }
    }
    base += record.docs.length;
  }
  // Recency is relative to the newest live document, so results do not age while the device is offline.
  const recency = published.map((time) => {
    const age = time > 0 ? (newest - time) / DAY_MS : Infinity;
    return 1 + RECENCY_WEIGHT * 0.5 ** (age / RECENCY_HALF_LIFE_DAYS);
  });
  const bucketCounts = [...new Set(records.map((record) => record.buckets))];
  return {
    generation,
    segments,
    bucketCounts,
    live,
    articleIds,
    published,
    fieldFactors,
    liveCount,
    recency: Float32Array.from(recency),
    reads: new Map(),
    articles: new Map(),
  };
}

/**
 * Whether the stored article really has every phrase. Most texts need no
 * folding for that (the query is simplified Chinese, lower-cased Latin), so
 * the plain text is tried first.
 */
function confirmed(stored: StoredArticle, needles: readonly string[]): boolean {
  const text = fieldTexts(stored.article).join('\n');
  const lower = text.toLowerCase();
  if (needles.every((needle) => lower.includes(needle))) return true;
  return containsAll(foldString(text), needles);
}

/** A result as the page shows it: the excerpt from the body, or the summary when the body lacks a match. */
function toHit(stored: StoredArticle, needles: readonly string[]): SearchHit {
  const { article } = stored;
  let snippet = excerpt(article.text, needles);
  if (!snippet.some((part) => part.mark) && article.summary) {
    const summary = excerpt(article.summary, needles);
    if (summary.some((part) => part.mark)) snippet = summary;
  }
  return {
    articleId: article.id,
    title: highlight(article.title, needles),
    datePublished: article.datePublished,
    channelIds: stored.channelIds,
    snippet,
  };
}

/** Growable parallel arrays of one term's postings: positions and pseudo term frequencies. */
class TermHits {
  positions = new Int32Array(256);
  weights = new Float32Array(256);
  length = 0;

  push(position: number, weight: number): void {
    if (this.length === this.positions.length) {
      const positions = new Int32Array(this.length * 2);
      positions.set(this.positions);
      this.positions = positions;
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.positions[this.length] = position;
    this.weights[this.length] = weight;
    this.length++;
  }
}

/** Queries one database's search index. Create one per database handle and keep it. */
export class SearchEngine {
  private view: IndexView = EMPTY_VIEW;
  /** Queued articles, counted when the view was loaded. */
  private pending = 0;

  constructor(private readonly db: StoreDb) {}

  /** Answers `request`. An empty query (no letters, digits or CJK) finds nothing. */
  async search(request: SearchRequest): Promise<SearchResponse> {
    const { terms, phrases } = parseQuery(request.query);
    const limit = Math.max(1, request.limit ?? RESULTS_PER_PAGE);
    // One read-only transaction for the whole query: one version of the index.
    const snapshot = openSearchSnapshot(this.db);
    const members =
      request.channelId === undefined ? undefined : snapshot.channelMembers(request.channelId);
    // Read the postings with the view in memory while the state is read: when
    // the index has not changed (nearly always) that saves a round trip.
    const cached = this.view;
    const early =
      terms.length > 0 && cached.liveCount > 0
        ? this.readPostings(snapshot, terms, cached)
        : undefined;
    early?.catch(() => undefined);
    const state = await snapshot.state();
    // Every change to the index or its queue moves the generation: until then the view holds.
    if (!state || cached.generation !== state.generation) {
      const { records, liveDocs, pending } = await snapshot.segments();
      this.view = state ? buildView(state.generation, records, liveDocs) : EMPTY_VIEW;
      this.pending = pending;
    }
    const pending = this.pending;
    const view = this.view;
    const answer = (hits: SearchHit[], total: number, relaxed: boolean): SearchResponse => ({
      query: request.query,
      total,
      relaxed,
      hits,
      indexed: view.liveCount,
      pending,
    });
    if (terms.length === 0 || view.liveCount === 0) return answer([], 0, false);

    const [postings, channelMembers] = await Promise.all([
      view === cached && early ? early : this.readPostings(snapshot, terms, view),
      members,
    ]);
    const inChannel = channelMembers && new Set(channelMembers);
    const groups = phrases.map((phrase) => phrase.terms.map((term) => terms.indexOf(term)));
    const { ranking, relaxed } = this.rank(view, terms, groups, postings, inChannel);

    // Confirm the best candidates on their stored text (when the terms do not
    // pin a phrase down exactly: three characters or more), and build their hits.
    const needles = phrases.map((phrase) => phrase.text);
    const check = !relaxed && phrases.some((phrase) => phrase.terms.length > 1);
    const hits: SearchHit[] = [];
    let total = ranking.total;
    // One result per article, should an article ever have two live documents.
    const shown = new Set<string>();
    for (let taken = 0; hits.length < limit && taken < ranking.total;) {
      const wanted = taken + limit - hits.length + (check ? SPARE : 0);
      const batch = ranking.best(Math.min(ranking.total, wanted)).slice(taken);
      taken += batch.length;
      const stored = await this.articles(snapshot, view, batch);
      for (const record of stored) {
        if (!record || shown.has(record.article.id) || (check && !confirmed(record, needles))) {
          total--;
        } else if (hits.length < limit) {
          shown.add(record.article.id);
          hits.push(toHit(record, needles));
        }
      }
    }
    return answer(hits, total, relaxed);
  }

  /** The stored articles at `positions`, from this generation's cache when a recent query showed them. */
  private async articles(
    snapshot: SearchSnapshot,
    view: IndexView,
    positions: readonly number[],
  ): Promise<(StoredArticle | undefined)[]> {
    const ids = positions.map((position) => view.articleIds[position] ?? '');
    // This batch's articles, whatever the cache evicts while it is updated.
    const found = new Map<string, StoredArticle>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = view.articles.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    const fetched = await snapshot.articles(missing);
    for (const stored of fetched) {
      if (!stored) continue;
      found.set(stored.article.id, stored);
      if (view.articles.size >= ARTICLE_CACHE_SIZE) {
        const oldest = view.articles.keys().next().value;
        if (oldest !== undefined) view.articles.delete(oldest);
      }
      view.articles.set(stored.article.id, stored);
    }
    return ids.map((id) => found.get(id));
  }

  /** Every posting record of `terms`, per term, from the read cache or the snapshot. */
  private async readPostings(
    snapshot: SearchSnapshot,
    terms: readonly number[],
    view: IndexView,
  ): Promise<PostingsRecord[][]> {
    const keys = terms.map((term) =>
      view.bucketCounts.map((buckets) => [buckets, bucketOf(term, buckets)] as const),
    );
    const cache = view.reads;
    // This query's records, whatever the cache evicts while it is updated.
    const found = new Map<string, PostingsRecord[]>();
    const missing = new Map<string, readonly [number, number]>();
    for (const [buckets, bucket] of keys.flat()) {
      const key = `${buckets}:${bucket}`;
      const hit = cache.get(key);
      if (hit) found.set(key, hit);
      else if (!missing.has(key)) missing.set(key, [buckets, bucket]);
    }
    const fetched = await snapshot.postings([...missing.values()]);
    [...missing.keys()].forEach((key, i) => {
      const records = fetched[i] ?? [];
      found.set(key, records);
      if (cache.size >= READ_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(key, records);
    });
    return keys.map((pairs) =>
      pairs.flatMap(([buckets, bucket]) => found.get(`${buckets}:${bucket}`) ?? []),
    );
  }

  /**
   * Scores every live document that has all the terms; best first. When none
   * has, documents with some of the query's phrases (all of a phrase's terms)
   * are ranked instead, scaled by the share of phrases they have.
   */
  private rank(
    view: IndexView,
    terms: readonly number[],
    groups: readonly (readonly number[])[],
    postings: readonly PostingsRecord[][],
    inChannel: ReadonlySet<string> | undefined,
  ): { ranking: Ranking; relaxed: boolean } {
    const size = view.live.length;
    const scores = new Float64Array(size);
    const counts = new Uint16Array(size);
    // Each term's documents, kept for matching phrases if the query has to be relaxed.
    const termPositions: Int32Array[] = [];
    terms.forEach((term, t) => {
      const hits = new TermHits();
      for (const record of postings[t] ?? []) {
        const segment = view.segments.get(record.segment);
        const index = segment ? findTerm(record.terms, term) : -1;
        if (!segment || index < 0) continue;
        weighPostings(record, index, segment.base, view.live, view.fieldFactors, hits);
      }
      const df = hits.length;
      const idf = Math.log(1 + (view.liveCount - df + 0.5) / (df + 0.5));
      for (let k = 0; k < hits.length; k++) {
        const position = hits.positions[k] ?? 0;
        const weight = hits.weights[k] ?? 0;
        scores[position] = (scores[position] ?? 0) + (idf * weight * (K1 + 1)) / (weight + K1);
        counts[position] = (counts[position] ?? 0) + 1;
      }
      termPositions.push(hits.positions.subarray(0, hits.length));
    });

    const wanted = (position: number): boolean =>
      !inChannel || inChannel.has(view.articleIds[position] ?? '');
    const candidates: number[] = [];
    for (let position = 0; position < size; position++) {
      if (counts[position] === terms.length && wanted(position)) candidates.push(position);
    }
    const relaxed = candidates.length === 0 && groups.length > 1;
    if (relaxed) {
      const phrasesHad = new Uint16Array(size);
      const seen = new Uint16Array(size);
      for (const group of groups) {
        seen.fill(0);
        for (const t of group) {
          for (const position of termPositions[t] ?? []) seen[position] = (seen[position] ?? 0) + 1;
        }
        for (let position = 0; position < size; position++) {
          if (seen[position] === group.length)
            phrasesHad[position] = (phrasesHad[position] ?? 0) + 1;
        }
      }
      for (let position = 0; position < size; position++) {
        const had = phrasesHad[position] ?? 0;
        if (had > 0 && wanted(position)) {
          candidates.push(position);
          scores[position] = ((scores[position] ?? 0) * had) / groups.length;
        }
      }
    }
    for (const position of candidates) {
      scores[position] = (scores[position] ?? 0) * (view.recency[position] ?? 1);
    }
    return { ranking: new Ranking(candidates, scores, view.published), relaxed };
  }
}
