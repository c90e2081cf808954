/**
 * The browser half of the 10,000-stored-articles benchmark (bench/scale-stored.ts
 * bundles it into the app's origin and drives it step by step): the search
 * benchmark's corpus written into the app's own database through the store's
 * `putFeedPage` with the service worker's indexer, as real channel pages of
 * the stored directory, then the channel-list query timed and the stores
 * counted.
 */
import { openDB } from 'idb';
import { readPage } from '../src/app/data/reads';
import { DB_NAME } from '../src/shared/cache-names';
import { ensureIndexVersion, maintainSearchIndex, searchIndexer } from '../src/shared/search/index';
import { getDirectoryRecord, openStore, putFeedPage } from '../src/shared/store/index';
import type { CorpusPool } from './search-corpus';
import { generateCorpus } from './search-corpus';

/** The channels the corpus is spread over: 热点新闻 and 滚动 (on the home page) and every city. */
const SECTIONS = ['hot', 'latest'];
/** Articles per stored page, as the feeds page them. */
const PAGE_SIZE = 20;

/** What writing the corpus did. */
export interface FillResult {
  readonly articles: number;
  readonly pages: number;
  /** Channel ids in the order pages were dealt out. */
  readonly channels: readonly string[];
  /** Article ids of each channel's first two pages (index 0 and 1), to recognise them on screen. */
  readonly pageIds: Readonly<Record<string, readonly (readonly string[])[]>>;
  readonly writeMs: number;
  readonly upkeepMs: number;
}

/** Records per object store of the app's database. */
export type StoreCounts = Record<string, number>;

/** One cold read of a channel page. */
export interface QueryTime {
  readonly openMs: number;
  readonly readMs: number;
}

/** The steps bench/scale-stored.ts calls through `window.qiluScaleBench`. */
export interface ScaleBenchSteps {
  fill(count: number): Promise<FillResult>;
  counts(): Promise<StoreCounts>;
  usage(): Promise<number>;
  /** Each cold read of page `pageIndex` of `channelId`: ms to open the store, then to read the page. */
  pageQuery(channelId: string, pageIndex: number, runs: number): Promise<QueryTime[]>;
}

declare global {
  interface Window {
    qiluScaleBench?: ScaleBenchSteps;
  }
}

/**
 * Writes `count` corpus articles as pages of 20, dealt round-robin to the
 * sections and cities, each channel's pages chained by `nextUrl` from its
 * real `feedUrl`, all stored just now (fresh: no refresh is due).
 */
async function fill(count: number): Promise<FillResult> {
  const pool = (await (await fetch('/bench-scale/pool.json')).json()) as CorpusPool;
  const articles = generateCorpus(pool, count);
  const db = await openStore({ name: DB_NAME, indexer: searchIndexer });
  try {
    await ensureIndexVersion(db);
    const directory = (await getDirectoryRecord(db))?.directory;
    if (!directory) throw new Error('No directory stored: the app must have run online first');
    const channels = directory.channels.filter(
      (channel) => SECTIONS.includes(channel.id) || channel.kind === 'city',
    );
    const pageCount = Math.ceil(articles.length / PAGE_SIZE);
    const perChannel = channels.map((_, c) =>
      Math.ceil(Math.max(0, pageCount - c) / channels.length),
    );
    const fetchedAt = Date.now();
    const pageUrl = (feedUrl: string, index: number): string =>
      index === 0 ? feedUrl : `${feedUrl}?bench-page=${index + 1}`;
    const pageIds: Record<string, string[][]> = {};
    const start = performance.now();
    for (let p = 0; p < pageCount; p++) {
      const c = p % channels.length;
      const channel = channels[c];
      if (!channel) continue;
      const index = Math.floor(p / channels.length);
      const items = articles.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
      if (index < 2) (pageIds[channel.id] ??= []).push(items.map((article) => article.id));
      const last = index + 1 >= (perChannel[c] ?? 0);
      await putFeedPage(
        db,
        channel.id,
        index,
        {
          url: pageUrl(channel.feedUrl, index),
          title: channel.title,
          items,
          ...(!last && { nextUrl: pageUrl(channel.feedUrl, index + 1) }),
          skipped: 0,
          problems: [],
          repaired: 0,
          repairs: [],
        },
        { fetchedAt },
      );
    }
    const writeMs = performance.now() - start;
    const upkeepStart = performance.now();
    await maintainSearchIndex(db);
    return {
      articles: articles.length,
      pages: pageCount,
      channels: channels.map((channel) => channel.id),
      pageIds,
      writeMs,
      upkeepMs: performance.now() - upkeepStart,
    };
  } finally {
    db.close();
  }
}

/** Records in each object store (count() reads keys only: cheap even for 10,000 articles). */
async function counts(): Promise<StoreCounts> {
  const db = await openDB(DB_NAME);
  try {
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names);
    const numbers = await Promise.all(names.map((name) => tx.objectStore(name).count()));
    return Object.fromEntries(names.map((name, i) => [name, numbers[i] ?? 0]));
  } finally {
    db.close();
  }
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

async function pageQuery(channelId: string, pageIndex: number, runs: number): Promise<QueryTime[]> {
  const times: QueryTime[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    // A cold read as the app's first screen makes it: a fresh connection, then the page.
    const db = await openStore({ name: DB_NAME });
    const opened = performance.now();
    const page = await readPage(db, channelId, pageIndex);
    times.push({ openMs: opened - start, readMs: performance.now() - opened });
    db.close();
    if (!page || page.page.items.length !== PAGE_SIZE) {
      throw new Error(`page ${pageIndex} of ${channelId}: ${page?.page.items.length ?? 0} items`);
    }
  }
  return times;
}

window.qiluScaleBench = { fill, counts, usage, pageQuery };
