/**
 * The browser half of the IndexedDB benchmark (bench/idb.ts bundles it and
 * loads it in Chromium): writes and reads through the real store module, the
 * same code the page and the service worker run, in real IndexedDB.
 */
import { deleteDB } from 'idb';
import type { FeedPage } from '../src/shared/feed/types';
import {
  getArticleRecord,
  getChannelArticles,
  openStore,
  putFeedPage,
} from '../src/shared/store/index';

/** What one run measured, in ms. */
export interface IdbRun {
  /** All pages written with putFeedPage, one transaction per page, as a sync writes them. */
  readonly writeMs: number;
  /** Median of reads of the newest 20 articles of the channel. */
  readonly newest20Ms: number;
  /** The first such read after reopening the database (cold connection). */
  readonly newest20ColdMs: number;
  /** Median of reads of one article by id. */
  readonly oneArticleMs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** One run on a fresh database named `name`: write every page, then time the reads. */
async function runOnce(name: string, pages: readonly FeedPage[], reads: number): Promise<IdbRun> {
  await deleteDB(name);
  let db = await openStore({ name });
  const start = performance.now();
  for (const [index, page] of pages.entries()) await putFeedPage(db, 'bench', index, page, {});
  const writeMs = performance.now() - start;

  // Reopen so the first read pays for a fresh connection, as a page load does.
  db.close();
  db = await openStore({ name });
  let t = performance.now();
  const first = await getChannelArticles(db, 'bench', { limit: 20 });
  const newest20ColdMs = performance.now() - t;
  if (first.length !== 20) throw new Error(`expected 20 articles, read ${first.length}`);

  const newest: number[] = [];
  const one: number[] = [];
  const ids = pages.flatMap((page) => page.items.map((item) => item.id));
  for (let i = 0; i < reads; i++) {
    t = performance.now();
    await getChannelArticles(db, 'bench', { limit: 20 });
    newest.push(performance.now() - t);
    const id = ids[(i * 7919) % ids.length] ?? '';
    t = performance.now();
    const stored = await getArticleRecord(db, id);
    one.push(performance.now() - t);
    if (stored?.article.id !== id) throw new Error(`article ${id} not read back`);
  }
  db.close();
  await deleteDB(name);
  return { writeMs, newest20Ms: median(newest), newest20ColdMs, oneArticleMs: median(one) };
}

/** Runs the benchmark `runs` times on the pages in /pages.json. */
async function run(runs: number, reads: number): Promise<IdbRun[]> {
  const pages = (await (await fetch('/pages.json')).json()) as FeedPage[];
  const results: IdbRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(`qilu-bench-${i}`, pages, reads));
  return results;
}

declare global {
  interface Window {
    /** Entry point for bench/idb.ts, through page.evaluate. */
    qiluIdbBench?: typeof run;
  }
}

window.qiluIdbBench = run;
