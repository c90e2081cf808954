/**
 * Which API documents 下载离线 of one channel fetches, computed from the API's
 * own files the way the app walks them (src/shared/sync/download.ts): the
 * channel's first page, then up to depth − 1 `next_url`s, each resolved
 * against the page that names it, never a page twice. Pure but for the reader
 * passed in, so the walk is unit-tested without an API on disk.
 */

/** One API document and its sizes in bytes: as stored, and as its gzip and brotli siblings. */
export interface SizedFile {
  /** Path under the API root, e.g. `feeds/jinan.json`. */
  readonly name: string;
  readonly raw: number;
  readonly gzip: number;
  readonly br: number;
}

/** Files, and their sizes added up. */
export interface FileSet {
  readonly files: readonly SizedFile[];
  readonly raw: number;
  readonly gzip: number;
  readonly br: number;
}

/** A base that turns relative API paths into URLs and back; never fetched. */
const BASE = 'https://api.invalid/';

/**
 * The chain of pages from `first` (a path under the API root), at most `depth`
 * long (`Infinity`: every page), following what `nextOf` says each page's
 * `next_url` is. A `next_url` that leaves the API's origin or leads back to a
 * page already walked ends the chain, as the app's PageTrail ends it.
 */
export function pageChain(
  first: string,
  depth: number,
  nextOf: (name: string) => string | undefined,
): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let name: string | undefined = first;
  while (name !== undefined && chain.length < Math.max(1, depth) && !seen.has(name)) {
    chain.push(name);
    seen.add(name);
    const next = nextOf(name);
    if (next === undefined) break;
    const url: URL = new URL(next, new URL(name, BASE));
    url.hash = '';
    name = url.origin === new URL(BASE).origin ? url.pathname.slice(1) + url.search : undefined;
  }
  return chain;
}

/** `files` with their sizes added up. */
export function fileSet(files: readonly SizedFile[]): FileSet {
  const sum = (key: 'raw' | 'gzip' | 'br'): number =>
    files.reduce((total, file) => total + file[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), br: sum('br') };
}
