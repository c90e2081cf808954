import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { IngestError } from '../errors';
import { ByteCollector, formatBytes } from './collect';
import type { SourceLimits } from './limits';

/** Read size per call: large enough to be quick, small enough that one read never overshoots much. */
const CHUNK_BYTES = 256 * 1024;

/** A local file's bytes, its absolute path already resolved. Errors carry no source (the caller adds it). */
export async function readFileBytes(
  path: string,
  limits: SourceLimits,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  // stat before open: opening a FIFO blocks until a writer appears, and a directory or
  // device should be refused without touching it.
  checkStats(path, await stat(path).catch((error: unknown) => fail(path, error)), limits);
  signal?.throwIfAborted();

  const handle = await open(path, 'r').catch((error: unknown) => fail(path, error));
  try {
    // The file may have been swapped between stat and open: check what we actually opened.
    checkStats(path, await handle.stat(), limits);
    // Read to EOF rather than trusting the size: files grow, and /proc-like files report 0.
    const collected = new ByteCollector(limits.maxBytes, `file ${path}`);
    for (;;) {
      signal?.throwIfAborted();
      const buffer = new Uint8Array(Math.min(CHUNK_BYTES, limits.maxBytes - collected.size + 1));
      const { bytesRead } = await handle
        .read(buffer, 0, buffer.byteLength, null)
        .catch((error: unknown) => fail(path, error));
      if (bytesRead === 0) return collected.bytes();
      collected.add(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

function checkStats(path: string, stats: Stats, limits: SourceLimits): void {
  if (stats.isDirectory()) {
    throw new IngestError('unsupported', `${path} is a directory, not a file`);
  }
  if (!stats.isFile()) {
    throw new IngestError('unsupported', `${path} is not a regular file (device, socket or pipe)`);
  }
  if (stats.size > limits.maxBytes) {
    throw new IngestError(
      'too-large',
      `file ${path} is ${formatBytes(stats.size)}, over the limit of ${formatBytes(limits.maxBytes)}`,
    );
  }
}

/** Turns a filesystem error into 'unreachable' with the reason in words. */
function fail(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? 'a parent of the path is not a directory'
          : code === 'EISDIR'
            ? 'is a directory'
            : error instanceof Error
              ? error.message
              : String(error);
  throw new IngestError(
    'unreachable',
    `cannot read file ${path}: ${reason}${code ? ` (${code})` : ''}`,
  );
}
