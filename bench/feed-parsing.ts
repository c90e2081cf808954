import { buildContentApi } from '../content/lib/api';
import { parseFeedPage } from '../src/shared/feed';

/** Timing of parsing every demo feed page. */
export interface FeedParsingResult {
  readonly pages: number;
  readonly items: number;
  readonly bytes: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly perPageMedianMs: number;
  readonly perPageP95Ms: number;
  readonly perItemMeanMs: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

/**
 * Parses every demo feed page (JSON.parse + validation + limits + HTML to blocks),
 * as the page does now and the service worker will: the per-page cost is what a
 * reader waits for after the bytes arrive.
 */
export async function measureFeedParsing(root: string): Promise<FeedParsingResult> {
  const api = await buildContentApi({ contentDir: `${root}/content` });
  const pages = [...api].filter(([name]) => name.startsWith('feeds/'));
  const base = 'https://reader.example/api/';
  const warmup = 3;
  const rounds = 10;
  const times: number[] = [];
  let items = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [name, file] of pages) {
      const start = performance.now();
      const page = parseFeedPage(JSON.parse(file.body), base + name);
      const elapsed = performance.now() - start;
      if (round >= warmup) {
        times.push(elapsed);
        items += page.items.length;
      }
    }
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((sum, t) => sum + t, 0);
  return {
    pages: pages.length,
    items: items / rounds,
    bytes: pages.reduce((sum, [, file]) => sum + Buffer.byteLength(file.body), 0),
    warmup,
    rounds,
    perPageMedianMs: percentile(times, 50),
    perPageP95Ms: percentile(times, 95),
    perItemMeanMs: total / items,
  };
}
