import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { IngestError } from '../errors';

/** A Content-Encoding we undo, in the order the server applied them. */
export type ContentCoding = 'gzip' | 'deflate' | 'br';

/**
 * The codings of a Content-Encoding header, in the order they were applied. "identity"
 * is no coding; anything we cannot undo is refused rather than handed on as garbage.
 */
export function parseContentEncoding(header: string | undefined): ContentCoding[] {
  if (!header) return [];
  const codings: ContentCoding[] = [];
  for (const raw of header.split(',')) {
    const token = raw.trim().toLowerCase();
    if (token === '' || token === 'identity') continue;
    if (token === 'gzip' || token === 'x-gzip') codings.push('gzip');
    else if (token === 'deflate') codings.push('deflate');
    else if (token === 'br') codings.push('br');
    else {
      throw new IngestError(
        'unsupported',
        `response uses Content-Encoding "${token}", which cannot be decoded (supported: gzip, deflate, br)`,
      );
    }
  }
  return codings;
}

/**
 * Streams that undo `codings`, outermost first, to pipe the body through. They inflate
 * as bytes arrive; the reader counts their output, so a decompression bomb is stopped at
 * the byte limit instead of being inflated whole.
 *
 * Truncated streams are tolerated like browsers do (sync flush at the end): a body cut
 * short by the network is already reported by the HTTP layer.
 */
export function createDecoders(codings: readonly ContentCoding[]): Transform[] {
  return [...codings].reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
        return zlib.createGunzip(ZLIB_OPTIONS);
      case 'deflate':
        return new DeflateDecoder();
      case 'br':
        return zlib.createBrotliDecompress({
          flush: zlib.constants.BROTLI_OPERATION_FLUSH,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
    }
  });
}

const ZLIB_OPTIONS: zlib.ZlibOptions = {
  flush: zlib.constants.Z_SYNC_FLUSH,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send raw deflate.
 * The first byte tells them apart (a zlib header's low nibble is 8, the deflate method),
 * so the real inflater is chosen when it arrives.
 */
class DeflateDecoder extends Transform {
  private inner?: zlib.Inflate | zlib.InflateRaw;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      if (chunk.byteLength === 0) {
        done();
        return;
      }
      const first = chunk[0] ?? 0;
      this.inner =
        (first & 0x0f) === 0x08
          ? zlib.createInflate(ZLIB_OPTIONS)
          : zlib.createInflateRaw(ZLIB_OPTIONS);
      this.inner.on('data', (out: Buffer) => this.push(out));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) {
      done();
      return;
    }
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.inner?.destroy();
    done(error);
  }
}
