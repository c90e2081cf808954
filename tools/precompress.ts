import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; images other than SVG are already compressed. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.webmanifest',
  '.txt',
  '.xml',
  '.map',
]);

/**
 * Brotli's best quality for the app's own code and data (few files, fetched by
 * every reader); quality 7 for the prerendered pages, hundreds of which are
 * written per build (tools/prerender.ts). Measured on this build's 610 pages
 * (28 MB): quality 7 takes 1.8 s for 6,685 KB, quality 9 takes 18 s for 6,675 KB
 * and quality 11 takes 52 s for 6,274 KB.
 */
function brotliQuality(path: string): number {
  return extname(path).toLowerCase() === '.html' ? 7 : 11;
}

/** Below this, headers and the compression frame cost about as much as they save. */
const MIN_BYTES = 512;

/** Outcome of {@link precompressDir}, for logs and tests. */
export interface PrecompressReport {
  /** Files considered (compressible and large enough). */
  files: number;
  /** `.br` files written. */
  brotli: number;
  /** `.gz` files written. */
  gzip: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `<file>.br` (quality 11; 7 for pages) and `<file>.gz` (level 9) next to every compressible file in
 * `dir`, so servers can send them as-is (sirv's brotli/gzip options, nginx gzip_static/brotli_static,
 * or uploads with Content-Encoding). A variant that is not smaller than the original is skipped,
 * and the server then falls back to the plain file.
 */
export async function precompressDir(dir: string): Promise<PrecompressReport> {
  const report: PrecompressReport = { files: 0, brotli: 0, gzip: 0 };
  const jobs: Promise<void>[] = [];
  for await (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
    if ((await stat(path)).size <= MIN_BYTES) continue;
    report.files += 1;
    jobs.push(
      readFile(path).then(async (data) => {
        const [br, gzipped] = await Promise.all([
          brotli(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: brotliQuality(path),
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
          gz(data, { level: 9 }),
        ]);
        if (br.length < data.length) {
          await writeFile(`${path}.br`, br);
          report.brotli += 1;
        }
        if (gzipped.length < data.length) {
          await writeFile(`${path}.gz`, gzipped);
          report.gzip += 1;
        }
      }),
    );
  }
  await Promise.all(jobs);
  return report;
}

/**
 * Vite plugin: precompresses the build output once everything is written. It runs in
 * closeBundle, after generateBundle, so the feed API emitted by the content plugin is included.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  let log: (message: string) => void = () => undefined;
  // closeBundle also runs after a failed build; compressing then would only hide the real error.
  let failed = false;
  return {
    name: 'qilu:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (message) => config.logger.info(message);
    },
    buildEnd(error) {
      if (error) failed = true;
    },
    renderError() {
      failed = true;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler(error?: Error) {
        if (error || failed || !existsSync(outDir)) return;
        const report = await precompressDir(outDir);
        log(`precompressed ${report.files} files (${report.brotli} .br, ${report.gzip} .gz)`);
      },
    },
  };
}
