import { IngestError } from '../errors';

/**
 * Gathers chunks under a byte limit, refusing the moment the limit is passed so that an
 * oversized source is never held whole. Chunks are kept as they come and copied once at
 * the end into a buffer of their own (not a slice of Node's shared pool).
 */
export class ByteCollector {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;

  constructor(
    private readonly maxBytes: number,
    /** Says what was being read, for the message: e.g. "file", "response body (after gzip decoding)". */
    private readonly what: string,
  ) {}

  /** Bytes gathered so far. */
  get size(): number {
    return this.total;
  }

  /** Adds `chunk`; throws 'too-large' (and keeps nothing more) once the total passes the limit. */
  add(chunk: Uint8Array): void {
    this.total += chunk.byteLength;
    if (this.total > this.maxBytes) {
      this.chunks.length = 0;
      throw new IngestError(
        'too-large',
        `${this.what} exceeds the limit of ${formatBytes(this.maxBytes)}; stopped after reading ${formatBytes(this.total)}`,
      );
    }
    if (chunk.byteLength > 0) this.chunks.push(chunk);
  }

  /** Everything gathered, as one standalone Uint8Array. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.total);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

/** "52428800 bytes (50.0 MiB)": exact for the log, readable for the editor. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${bytes} bytes (${value.toFixed(1)} ${units[unit]})`;
}
