/**
 * 下载离线 of one city at archive scale: the 100,000-article API built by the
 * real ingest (bench/ingest.ts), and the documents the app's download walks
 * for each 「下载页数」 choice (pageChain, the walk of src/shared/sync/download.ts),
 * with their sizes as stored and as the ingest's own precompressed siblings
 * (gzip 9, brotli 5). Computed from the API's files, not fetched in a browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { precompressedSiblings } from '../src/ingest/api/compress';
import { DEPTH_CHOICES } from '../src/app/lib/prefs';
import { runChild, writeFeeds } from './ingest';
import type { FileSet, SizedFile } from './scale-files';
import { fileSet, pageChain } from './scale-files';

/** The figures of one city's download. */
export interface CityDownload {
  readonly articles: number;
  readonly city: string;
  /** Articles in the city's channel (first page plus archive pages, each once). */
  readonly channelArticles: number;
  /** channels.json, which the reader's app has fetched to know the channel. */
  readonly directory: SizedFile;
  /** Per depth choice: the pages fetched. */
  readonly depths: readonly {
    readonly depth: number;
    readonly pages: FileSet;
    /** Distinct articles in those pages (the first page overlaps the newest archive page). */
    readonly articles: number;
  }[];
  /** Every page of the channel, for scale: what a download without a depth limit would fetch. */
  readonly all: FileSet;
}

async function sized(api: string, name: string): Promise<SizedFile> {
  const data = readFileSync(path.join(api, name));
  const siblings = new Map(await precompressedSiblings(name, data));
  return {
    name,
    raw: data.byteLength,
    gzip: siblings.get(`${name}.gz`)?.byteLength ?? data.byteLength,
    br: siblings.get(`${name}.br`)?.byteLength ?? data.byteLength,
  };
}

/** Builds the API of `count` generated articles and measures the download of `city`. */
export async function measureCityDownload(
  root: string,
  count = 100_000,
  city = 'jinan',
): Promise<CityDownload> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qilu-bench-scale-'));
  try {
    const api = path.join(dir, 'api');
    runChild(root, path.join(dir, 'store'), api, false, writeFeeds(dir, 0, count));
    const nextOf = (name: string): string | undefined =>
      (JSON.parse(readFileSync(path.join(api, name), 'utf8')) as { next_url?: string }).next_url;
    const first = `feeds/${city}.json`;
    const allNames = pageChain(first, Infinity, nextOf);
    const all = await Promise.all(allNames.map((name) => sized(api, name)));
    const pageIds = allNames.map((name) =>
      (
        JSON.parse(readFileSync(path.join(api, name), 'utf8')) as { items: { id: string }[] }
      ).items.map((item) => item.id),
    );
    const distinct = (pages: number): number => new Set(pageIds.slice(0, pages).flat()).size;
    return {
      articles: count,
      city,
      channelArticles: distinct(allNames.length),
      directory: await sized(api, 'channels.json'),
      depths: DEPTH_CHOICES.map((depth) => {
        const pages = pageChain(first, depth, nextOf).length;
        return { depth, pages: fileSet(all.slice(0, pages)), articles: distinct(pages) };
      }),
      all: fileSet(all),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
