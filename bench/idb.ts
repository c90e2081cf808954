import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildContentApi } from '../content/lib/api';
import { parseFeedPage } from '../src/shared/feed';
import type { Article, FeedPage } from '../src/shared/feed/types';
import { launchBenchChromium } from './bench-browser';
import { bundleBenchPage } from './bundle-page';
import type { IdbRun } from './idb-page';

/** The IndexedDB numbers, medians over runs, in ms. */
export interface IdbBenchResult {
  readonly articles: number;
  readonly pages: number;
  readonly meanArticleBytes: number;
  readonly runs: number;
  readonly readsPerRun: number;
  readonly writeMs: number;
  readonly newest20Ms: number;
  readonly newest20ColdMs: number;
  readonly oneArticleMs: number;
  readonly browser: string;
}

const ARTICLES = 1000;
const PAGE_SIZE = 20;
const RUNS = 7;
const READS = 25;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * 1,000 realistic articles as 50 feed pages of 20: every demo article, parsed
 * as the app parses it, repeated with new ids until there are enough.
 */
async function benchPages(root: string): Promise<FeedPage[]> {
  const api = await buildContentApi({ contentDir: path.join(root, 'content') });
  const unique = new Map<string, Article>();
  for (const [name, file] of api) {
    if (!name.startsWith('feeds/')) continue;
    const page = parseFeedPage(JSON.parse(file.body), `https://reader.example/api/${name}`);
    for (const item of page.items) unique.set(item.id, item);
  }
  const source = [...unique.values()];
  const articles = Array.from({ length: ARTICLES }, (_, i) => {
    const article = source[i % source.length];
    if (!article) throw new Error('The demo content has no articles');
    return i < source.length ? article : { ...article, id: `${article.id}~${i}` };
  });
  const pages: FeedPage[] = [];
  for (let i = 0; i < articles.length; i += PAGE_SIZE) {
    const n = pages.length + 1;
    pages.push({
      url: `https://reader.example/api/feeds/bench${n === 1 ? '' : `-${n}`}.json`,
      title: 'bench',
      items: articles.slice(i, i + PAGE_SIZE),
      ...(i + PAGE_SIZE < articles.length && {
        nextUrl: `https://reader.example/api/feeds/bench-${n + 1}.json`,
      }),
      skipped: 0,
      problems: [],
      repaired: 0,
      repairs: [],
    });
  }
  return pages;
}

/**
 * Measures the store in real Chromium IndexedDB (never fake-indexeddb):
 * writing 1,000 articles as a sync does (putFeedPage per 20-item page),
 * reading the newest 20 of a channel, and reading one article. Medians over
 * RUNS fresh databases; reads are medians of READS within each run.
 */
export async function measureIndexedDb(root: string): Promise<IdbBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qilu-idb-bench-'));
  const pages = await benchPages(root);
  const server = createServer((request, response) => {
    void (async () => {
      if (request.url === '/pages.json') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(pages));
      } else if (request.url === '/idb-page.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript' });
        response.end(await readFile(path.join(dir, 'idb-page.js')));
      } else {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(
          '<!doctype html><title>idb bench</title><script type="module" src="/idb-page.js"></script>',
        );
      }
    })();
  });
  const browser = await launchBenchChromium();
  try {
    await bundleBenchPage(root, dir, 'idb-page');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.qiluIdbBench !== undefined);
    const runs: IdbRun[] = await page.evaluate(
      ([runs, reads]) => {
        const run = window.qiluIdbBench;
        if (!run) throw new Error('The benchmark page did not load');
        return run(runs, reads);
      },
      [RUNS, READS] as const,
    );
    const articles = pages.flatMap((p) => p.items);
    return {
      articles: articles.length,
      pages: pages.length,
      meanArticleBytes:
        articles.reduce((sum, a) => sum + Buffer.byteLength(JSON.stringify(a)), 0) /
        articles.length,
      runs: runs.length,
      readsPerRun: READS,
      writeMs: median(runs.map((r) => r.writeMs)),
      newest20Ms: median(runs.map((r) => r.newest20Ms)),
      newest20ColdMs: median(runs.map((r) => r.newest20ColdMs)),
      oneArticleMs: median(runs.map((r) => r.oneArticleMs)),
      browser: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
