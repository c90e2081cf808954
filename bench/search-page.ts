/**
 * The browser half of the search benchmark (bench/search.ts bundles it and
 * drives it step by step): the corpus and queries are generated here, in the
 * page, then written through the app's own store code into real Chromium
 * IndexedDB and searched with the app's own engine, and, beside it, indexed
 * and searched with MiniSearch using an Intl.Segmenter word tokenizer.
 */
import { deleteDB, openDB } from 'idb';
import MiniSearch from 'minisearch';
import dictionary from 'opencc-js/dict/TSCharacters';
import { DB_NAME } from '../src/shared/cache-names';
import type { Article } from '../src/shared/feed/types';
import { fieldTexts } from '../src/shared/search/fields';
import {
  RESULTS_PER_PAGE,
  SearchEngine,
  ensureIndexVersion,
  foldString,
  maintainSearchIndex,
  parseQuery,
  searchIndexer,
} from '../src/shared/search/index';
import type { StoreDb } from '../src/shared/store/index';
import { openStore, putFeedPage } from '../src/shared/store/index';
import type { BenchQuery, CorpusPool } from './search-corpus';
import { generateCorpus, generateQueries } from './search-corpus';

/** The store the app itself reads, so that the app-start run finds the corpus. */
const INDEXED_DB = DB_NAME;
/** The same articles without the index, to tell the index's share of write time and disk. */
const PLAIN_DB = 'bench-search-plain';
/** Where MiniSearch's serialized index is kept between "visits". */
const MINISEARCH_DB = 'bench-minisearch';
/** Results compared for recall: the first this many of each engine. */
export const RECALL_DEPTH = 500;

let articles: Article[] = [];
let queries: BenchQuery[] = [];
let truth: Set<string>[] = [];
const channelOf = (article: Article): string => article.city ?? '';

/** What the corpus is. */
export interface CorpusFacts {
  readonly articles: number;
  readonly meanChars: number;
  /** UTF-8 bytes of every article's plain text (title, deck, summary, body, source, authors). */
  readonly textBytes: number;
  /** UTF-8 bytes of the articles as the store keeps them (JSON, the store's own `bytes`). */
  readonly storedBytes: number;
  readonly queries: number;
  readonly queryKinds: Record<string, number>;
}

const utf8 = new TextEncoder();

/** Generates the corpus, the queries and their right answers (by scanning every text). */
async function prepare(count: number): Promise<CorpusFacts> {
  const pool = (await (await fetch('/bench-search/pool.json')).json()) as CorpusPool;
  articles = generateCorpus(pool, count);
  // Simplified → traditional, inverted from the table the app folds with.
  const traditional = new Map<string, string>();
  for (const entry of dictionary.split('|')) {
    const [from = '', to = ''] = entry.split(' ');
    if (from.length === 1 && to.length === 1 && !traditional.has(to)) traditional.set(to, from);
  }
  queries = generateQueries(articles, traditional, channelOf);
  const folded = articles.map((article) => foldString(fieldTexts(article).join('\n')));
  truth = queries.map(({ query, channelId }) => {
    const phrases = parseQuery(query).phrases.map((phrase) => phrase.text);
    const ids = new Set<string>();
    articles.forEach((article, i) => {
      if (channelId !== undefined && channelOf(article) !== channelId) return;
      if (phrases.every((phrase) => folded[i]?.includes(phrase))) ids.add(article.id);
    });
    return ids;
  });
  const queryKinds: Record<string, number> = {};
  for (const { kind } of queries) queryKinds[kind] = (queryKinds[kind] ?? 0) + 1;
  return {
    articles: articles.length,
    meanChars: articles.reduce((sum, article) => sum + article.text.length, 0) / articles.length,
    textBytes: articles.reduce(
      (sum, article) => sum + utf8.encode(fieldTexts(article).join('\n')).length,
      0,
    ),
    storedBytes: articles.reduce(
      (sum, article) => sum + utf8.encode(JSON.stringify(article)).length,
      0,
    ),
    queries: queries.length,
    queryKinds,
  };
}

async function open(name: string, indexed: boolean): Promise<StoreDb> {
  return openStore({ name, ...(indexed && { indexer: searchIndexer }) });
}

/** Bytes the origin uses on disk (the browser's estimate). */
async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** What writing the corpus cost. */
export interface WriteRun {
  readonly writeMs: number;
  /** Merging segments afterwards, as the service worker's upkeep does between syncs. */
  readonly upkeepMs: number;
  readonly pages: number;
  /** Growth of the origin's disk usage (navigator.storage.estimate). */
  readonly usageBytes: number;
}

/**
 * Writes the corpus through putFeedPage, 20 articles a page, one transaction
 * per page, as a sync does; with the indexer (as the service worker writes)
 * or without (the articles alone).
 */
async function writeCorpus(indexed: boolean): Promise<WriteRun> {
  const name = indexed ? INDEXED_DB : PLAIN_DB;
  await deleteDB(name);
  const before = await usage();
  const db = await open(name, indexed);
  if (indexed) await ensureIndexVersion(db);
  const pageIndex = new Map<string, number>();
  const start = performance.now();
  let pages = 0;
  for (let i = 0; i < articles.length; i += 20) {
    const items = articles.slice(i, i + 20);
    const channelId = channelOf(items[0] ?? articles[0] ?? ({} as Article));
    const index = pageIndex.get(channelId) ?? 0;
    pageIndex.set(channelId, index + 1);
    const url = `https://bench.example/api/feeds/${channelId}-${index + 1}.json`;
    await putFeedPage(
      db,
      channelId,
      index,
      { url, title: channelId, items, skipped: 0, problems: [], repaired: 0, repairs: [] },
      {},
    );
    pages++;
  }
  const writeMs = performance.now() - start;
  const upkeepStart = performance.now();
  if (indexed) await maintainSearchIndex(db);
  const upkeepMs = indexed ? performance.now() - upkeepStart : 0;
  db.close();
  // Let the browser settle its writes before asking how much disk they took.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { writeMs, upkeepMs, pages, usageBytes: (await usage()) - before };
}

/** The index's records, measured as what they hold: typed arrays' bytes, strings in UTF-8, keys. */
export interface IndexSize {
  readonly bytes: number;
  readonly segments: number;
  readonly postingRecords: number;
  readonly docs: number;
}

async function indexSize(): Promise<IndexSize> {
  const db = await open(INDEXED_DB, true);
  const [segments, postings, docs] = await Promise.all([
    db.getAll('searchSegments'),
    db.getAll('searchPostings'),
    db.getAll('searchDocs'),
  ]);
  db.close();
  let bytes = 0;
  for (const segment of segments) {
    bytes += segment.docs.byteLength + segment.published.byteLength + segment.lengths.byteLength;
    bytes += segment.articleIds.reduce((sum, id) => sum + utf8.encode(id).length, 0);
  }
  // Each posting record: its arrays, plus its key ([buckets, bucket, segment]) and index entry.
  for (const record of postings) {
    bytes += record.terms.byteLength + record.ends.byteLength + record.data.byteLength + 2 * 12;
  }
  for (const doc of docs) bytes += 8 + utf8.encode(doc.articleId).length + 8;
  return { bytes, segments: segments.length, postingRecords: postings.length, docs: docs.length };
}

let engine: SearchEngine | undefined;
let engineDb: StoreDb | undefined;

/** Opens the app's store as the app does and answers the first query with a fresh engine. */
async function coldFirstQuery(): Promise<number> {
  engineDb?.close();
  const start = performance.now();
  engineDb = await open(INDEXED_DB, false);
  engine = new SearchEngine(engineDb);
  const first = queries[0];
  await engine.search({ query: first?.query ?? '', limit: RESULTS_PER_PAGE });
  return performance.now() - start;
}

/** Time of each query, one page of results as the search page asks, with highlighted excerpts. */
async function ourLatencies(): Promise<number[]> {
  if (!engine) throw new Error('coldFirstQuery first');
  const times: number[] = [];
  for (const { query, channelId } of queries) {
    const start = performance.now();
    await engine.search({
      query,
      limit: RESULTS_PER_PAGE,
      ...(channelId !== undefined && { channelId }),
    });
    times.push(performance.now() - start);
  }
  return times;
}

/** Per query: how many right answers an engine found among its first RECALL_DEPTH, and how many wrong ones. */
export interface RecallRow {
  readonly kind: string;
  readonly query: string;
  readonly expected: number;
  readonly found: number;
  readonly wrong: number;
}

function score(index: number, ids: readonly string[]): RecallRow {
  const right = truth[index] ?? new Set<string>();
  const found = ids.filter((id) => right.has(id)).length;
  return {
    kind: queries[index]?.kind ?? '',
    query: queries[index]?.query ?? '',
    expected: Math.min(right.size, RECALL_DEPTH),
    found,
    wrong: ids.length - found,
  };
}

async function ourRecall(): Promise<RecallRow[]> {
  if (!engine) throw new Error('coldFirstQuery first');
  const rows: RecallRow[] = [];
  for (const [i, { query, channelId }] of queries.entries()) {
    const response = await engine.search({
      query,
      limit: RECALL_DEPTH,
      ...(channelId !== undefined && { channelId }),
    });
    // Partial matches (offered when nothing matches fully) are not answers to the query.
    rows.push(score(i, response.relaxed ? [] : response.hits.map((hit) => hit.articleId)));
  }
  return rows;
}

// ---------------------------------------------------------------------------
// MiniSearch with an Intl.Segmenter word tokenizer, the usual client-side setup.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const FIELDS = ['title', 'deck', 'summary', 'text', 'source', 'authors'];
const MINISEARCH_OPTIONS = {
  fields: FIELDS,
  idField: 'id',
  extractField: (article: Article, field: string): string => {
    const index = FIELDS.indexOf(field);
    return index >= 0 ? (fieldTexts(article)[index] ?? '') : article.id;
  },
  tokenize: (text: string): string[] => {
    const words: string[] = [];
    for (const part of segmenter.segment(text)) if (part.isWordLike) words.push(part.segment);
    return words;
  },
  processTerm: (term: string): string => term.normalize('NFKC').toLowerCase(),
  searchOptions: {
    combineWith: 'AND' as const,
    boost: { title: 4, deck: 2, summary: 1.5, source: 1.5, authors: 2 },
  },
};

let mini: MiniSearch<Article> | undefined;
const cityById = new Map<string, string>();

/** Builds MiniSearch over the corpus and keeps its serialized form in IndexedDB. */
async function miniBuild(): Promise<{ buildMs: number; jsonBytes: number; saveMs: number }> {
  for (const article of articles) cityById.set(article.id, channelOf(article));
  const start = performance.now();
  const built = new MiniSearch<Article>(MINISEARCH_OPTIONS);
  built.addAll(articles);
  const buildMs = performance.now() - start;
  const saveStart = performance.now();
  const json = JSON.stringify(built);
  await deleteDB(MINISEARCH_DB);
  const db = await openDB(MINISEARCH_DB, 1, { upgrade: (d) => d.createObjectStore('index') });
  await db.put('index', json, 'current');
  db.close();
  return { buildMs, jsonBytes: utf8.encode(json).length, saveMs: performance.now() - saveStart };
}

/** A MiniSearch "app start": read the saved index, load it, answer the first query. */
async function miniColdFirstQuery(): Promise<number> {
  mini = undefined;
  const start = performance.now();
  const db = await openDB(MINISEARCH_DB, 1);
  const json = (await db.get('index', 'current')) as string;
  db.close();
  mini = MiniSearch.loadJSON<Article>(json, MINISEARCH_OPTIONS);
  mini.search(queries[0]?.query ?? '');
  return performance.now() - start;
}

function miniSearch(query: string, channelId: string | undefined): string[] {
  if (!mini) throw new Error('miniColdFirstQuery first');
  return mini
    .search(query, {
      ...(channelId !== undefined && {
        filter: (result: { id: string }) => cityById.get(result.id) === channelId,
      }),
    })
    .map((result) => String(result.id));
}

async function miniLatencies(): Promise<number[]> {
  const times: number[] = [];
  for (const { query, channelId } of queries) {
    const start = performance.now();
    miniSearch(query, channelId).slice(0, 20);
    times.push(performance.now() - start);
    // Yield like the page would between keystrokes.
    await Promise.resolve();
  }
  return times;
}

async function miniRecall(): Promise<RecallRow[]> {
  return queries.map(({ query, channelId }, i) =>
    score(i, miniSearch(query, channelId).slice(0, RECALL_DEPTH)),
  );
}

/** The steps, called one by one from Node (which throttles the CPU around the timed ones). */
const steps = {
  prepare,
  writeCorpus,
  indexSize,
  coldFirstQuery,
  ourLatencies,
  ourRecall,
  miniBuild,
  miniColdFirstQuery,
  miniLatencies,
  miniRecall,
  queries: () => queries,
};

/** The step functions, as bench/search.ts sees them. */
export type SearchBenchSteps = typeof steps;

declare global {
  interface Window {
    /** Entry point for bench/search.ts, through page.evaluate. */
    qiluSearchBench?: SearchBenchSteps;
  }
}

window.qiluSearchBench = steps;
