import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Sizes of one kind of first-load file. */
export interface LoadSizes {
  readonly files: string[];
  readonly raw: number;
  readonly gzip: number;
}

/**
 * What the browser must fetch for the shell before the first render: the module
 * scripts and stylesheets that `index.html` names, including `modulepreload`s
 * (Vite emits one per static import of the entry). Lazy route chunks are not counted.
 */
export function measureFirstLoad(dist: string): { js: LoadSizes; css: LoadSizes } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = (pattern: RegExp): string[] =>
    [...html.matchAll(pattern)].map((m) => m[1] ?? '').filter((ref) => ref.startsWith('/'));
  const js = new Set([
    ...refs(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ]);
  const css = new Set(refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g));
  const sizes = (files: Set<string>): LoadSizes => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const body = readFileSync(path.join(dist, file));
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    return { files: [...files], raw, gzip };
  };
  return { js: sizes(js), css: sizes(css) };
}
