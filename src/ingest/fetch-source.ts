/**
 * Reading one source's bytes, from a local file or over HTTP(S), under limits of size,
 * time and redirects. Nothing here interprets the bytes: the decoder sniffs and decodes
 * them, using `contentType` as a hint. Every failure is an {@link IngestError} naming the
 * source as the user gave it.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IngestError } from './errors';
import { readFileBytes } from './fetch/file';
import { DEFAULT_USER_AGENT, readHttp } from './fetch/http';
import { resolveLimits } from './fetch/limits';
import type { SourceLimits } from './fetch/limits';

export { DEFAULT_SOURCE_LIMITS, IDLE_TIMEOUT_MS } from './fetch/limits';
export type { SourceLimits } from './fetch/limits';
export { DEFAULT_USER_AGENT } from './fetch/http';

/** One source's bytes and what its server said about them. */
export interface FetchedSource {
  /** What the user gave (path or URL), for messages. */
  readonly name: string;
  /** The final URL after redirects, or the file:// URL of the absolute path. */
  readonly url: string;
  /** The body exactly as received (after Content-Encoding is undone); may be empty. */
  readonly bytes: Uint8Array;
  /** The HTTP Content-Type header; undefined for files. */
  readonly contentType?: string;
  /** The HTTP Last-Modified header, as sent. */
  readonly lastModified?: string;
  /** The HTTP ETag header, as sent. */
  readonly etag?: string;
}

/** Options of {@link readSource}. */
export interface ReadSourceOptions {
  /** Overrides of {@link DEFAULT_SOURCE_LIMITS}. */
  readonly limits?: Partial<SourceLimits>;
  /** Cancels the read; it then rejects with the signal's reason, not an IngestError. */
  readonly signal?: AbortSignal;
  /** Sent as User-Agent; defaults to {@link DEFAULT_USER_AGENT}. */
  readonly userAgent?: string;
}

/** True when `location` is an absolute http: or https: URL (anything else is read as a file). */
export function isHttpUrl(location: string): boolean {
  if (!/^https?:\/\//i.test(location.trim())) return false;
  return URL.canParse(location.trim());
}

/**
 * Reads the source at `location`: an http(s) URL, a file:// URL, or a file path (relative
 * paths resolve against the current directory). Other URL schemes are 'unsupported'.
 *
 * @throws {IngestError} 'unreachable', 'http-status', 'timeout', 'redirect-loop',
 *   'too-many-redirects', 'too-large', 'unsupported' or 'invalid-content' (an encoded body
 *   that does not decode); the caller's abort reason when `options.signal` aborts.
 */
export async function readSource(
  location: string,
  options: ReadSourceOptions = {},
): Promise<FetchedSource> {
  const limits = resolveLimits(options.limits);
  const name = location;
  try {
    options.signal?.throwIfAborted();
    if (isHttpUrl(location)) {
      const body = await readHttp(new URL(location.trim()), {
        limits,
        userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
        signal: options.signal,
      });
      return { name, ...body };
    }
    const path = localPath(location);
    const bytes = await readFileBytes(path, limits, options.signal);
    return { name, url: pathToFileURL(path).href, bytes };
  } catch (error) {
    throw error instanceof IngestError ? error.withSource(name) : error;
  }
}

/** The absolute path a file location names; other URL schemes are refused. */
function localPath(location: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    try {
      return fileURLToPath(location);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new IngestError('unsupported', `not a usable local file URL: ${reason}`);
    }
  }
  if (scheme !== undefined) {
    throw new IngestError(
      'unsupported',
      `${scheme}: URLs are not supported; give an http(s) URL, a file:// URL or a file path`,
    );
  }
  if (location === '') throw new IngestError('unsupported', 'empty source location');
  return isAbsolute(location) ? location : resolve(process.cwd(), location);
}
