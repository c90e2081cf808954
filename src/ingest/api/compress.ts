import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this, headers and the compression frame cost about as much as they save. */
const MIN_BYTES = 512;

/** Text files worth precompressing. */
const COMPRESSIBLE = /\.(json|svg|xml|txt)$/;

/**
 * The `.gz` and `.br` siblings of an API file, as the production server and
 * gzip_static/brotli_static-style CDNs serve them. Brotli at quality 5 rather than 11: an
 * archive has many files, and on small JSON documents 11 costs many times the time for a few
 * percent of size.
 */
export async function precompressedSiblings(
  file: string,
  data: Uint8Array,
): Promise<[string, Uint8Array][]> {
  if (!COMPRESSIBLE.test(file) || data.byteLength <= MIN_BYTES) return [];
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
      },
    }),
    gz(data, { level: 9 }),
  ]);
  const out: [string, Uint8Array][] = [];
  if (br.byteLength < data.byteLength) out.push([`${file}.br`, br]);
  if (gzipped.byteLength < data.byteLength) out.push([`${file}.gz`, gzipped]);
  return out;
}

/** The sibling names a file may have, for removing stale ones. */
export function siblingNames(file: string): string[] {
  return [`${file}.br`, `${file}.gz`];
}
