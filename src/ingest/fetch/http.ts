import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { IngestError } from '../errors';
import { ByteCollector, formatBytes } from './collect';
import { createDecoders, parseContentEncoding } from './decode';
import type { SourceLimits } from './limits';
import { sendGet } from './request';
import { Watchdog } from './watchdog';

/** What a successful HTTP read gives, before the caller names the source. */
export interface HttpBody {
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly lastModified?: string;
  readonly etag?: string;
}

/** Options of {@link readHttp}. */
export interface HttpReadOptions {
  readonly limits: SourceLimits;
  readonly userAgent: string;
  readonly signal?: AbortSignal;
}

/** Sends no identifying host: the project has no public home to point at yet. */
export const DEFAULT_USER_AGENT = 'QiluReaderIngest/0.1 (+https://example.invalid/qilu-reader)';

/** Feeds first, then pages and plain text, then anything (the decoder sniffs). */
const ACCEPT =
  'application/feed+json, application/json, application/rss+xml, application/atom+xml, ' +
  'application/xml, text/xml, text/html;q=0.9, text/plain;q=0.8, */*;q=0.5';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `start`, following redirects ourselves so that loops, their number and their
 * schemes are checked here (and every hop shares one deadline), then reads the body
 * under the byte limit. Errors carry no source; the caller adds it.
 */
export async function readHttp(start: URL, options: HttpReadOptions): Promise<HttpBody> {
  const { limits } = options;
  const headers: OutgoingHttpHeaders = {
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': options.userAgent,
  };
  const watchdog = new Watchdog(limits.timeoutMs, options.signal);
  try {
    const chain = [start];
    const seen = new Set([redirectKey(start)]);
    for (;;) {
      const url = chain[chain.length - 1] ?? start;
      const { request, response } = await sendGet(url, headers, watchdog);
      try {
        const status = response.statusCode ?? 0;
        if (REDIRECT_STATUSES.has(status)) {
          const next = redirectTarget(url, status, response.headers.location);
          if (seen.has(redirectKey(next))) {
            throw new IngestError(
              'redirect-loop',
              `redirect loop: ${describeChain([...chain, next])}`,
            );
          }
          if (chain.length > limits.maxRedirects) {
            throw new IngestError(
              'too-many-redirects',
              `more than ${limits.maxRedirects} redirects: ${describeChain([...chain, next])}`,
            );
          }
          seen.add(redirectKey(next));
          chain.push(next);
          continue;
        }
        if (status < 200 || status > 299) {
          const text = response.statusMessage ? ` ${response.statusMessage}` : '';
          throw new IngestError(
            'http-status',
            `HTTP ${status}${text} from ${url.href}${after(chain)}`,
          );
        }
        const bytes = await readBody(response, limits.maxBytes, watchdog);
        return {
          url: url.href,
          bytes,
          contentType: header(response, 'content-type'),
          lastModified: header(response, 'last-modified'),
          etag: header(response, 'etag'),
        };
      } finally {
        // Nothing more is read from this connection: a redirect's or error's body, or the rest
        // of a refused one, is dropped with its socket.
        response.destroy();
        request.destroy();
      }
    }
  } finally {
    watchdog.dispose();
  }
}

/** Where a redirect points, resolved against the URL that sent it; only http(s) is followed. */
function redirectTarget(from: URL, status: number, location: string | undefined): URL {
  if (!location) {
    throw new IngestError(
      'http-status',
      `HTTP ${status} redirect from ${from.href} has no Location header`,
    );
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new IngestError(
      'unsupported',
      `HTTP ${status} from ${from.href} redirects to an invalid URL "${location}"`,
    );
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new IngestError(
      'unsupported',
      `HTTP ${status} from ${from.href} redirects to ${next.href}; only http: and https: redirects are followed, not ${next.protocol}`,
    );
  }
  return next;
}

/** The same resource for loop detection: WHATWG-normalised (case, default port, dot segments), no fragment. */
function redirectKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

function describeChain(chain: readonly URL[]): string {
  return chain.map((url) => url.href).join(' → ');
}

function after(chain: readonly URL[]): string {
  const redirects = chain.length - 1;
  if (redirects === 0) return '';
  return ` (after ${redirects} redirect${redirects === 1 ? '' : 's'} from ${chain[0]?.href ?? ''})`;
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The body, decoded, counted as it arrives. A declared length over the limit is refused
 * before reading; otherwise reading stops (and the connection is dropped) at the first
 * chunk that passes it. For an encoded body the count is of decoded bytes, since that is
 * what a decompression bomb inflates.
 */
async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  watchdog: Watchdog,
): Promise<Uint8Array> {
  const codings = parseContentEncoding(header(response, 'content-encoding'));
  const declared = Number(header(response, 'content-length'));
  // An encoded body's length is of the compressed bytes, which says little about the decoded size.
  if (codings.length === 0 && Number.isFinite(declared) && declared > maxBytes) {
    throw new IngestError(
      'too-large',
      `Content-Length is ${formatBytes(declared)}, over the limit of ${formatBytes(maxBytes)}`,
    );
  }

  const decoders = createDecoders(codings);
  // The first stream to fail is the culprit: pipeline hands its error to all the others.
  let culprit: 'network' | 'decoder' | undefined;
  response.once('error', () => (culprit ??= 'network'));
  for (const decoder of decoders) decoder.once('error', () => (culprit ??= 'decoder'));
  // Each pipeline destroys both ends on error, so a failure anywhere reaches `body`; the
  // callback is only there because the error surfaces from iterating `body` instead.
  const body = decoders.reduce<Readable>(
    (source, decoder) => pipeline(source, decoder, () => undefined),
    response,
  );

  const what =
    codings.length === 0 ? 'response body' : `response body (after ${codings.join(', ')} decoding)`;
  const collected = new ByteCollector(maxBytes, what);
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      watchdog.touch();
      collected.add(chunk);
    }
  } catch (error) {
    watchdog.throwIfStopped();
    if (error instanceof IngestError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (culprit === 'decoder') {
      throw new IngestError('invalid-content', `${what} could not be decoded: ${reason}`);
    }
    throw new IngestError(
      'unreachable',
      `connection lost after ${formatBytes(collected.size)} of the ${what}: ${reason}`,
    );
  } finally {
    for (const decoder of decoders) decoder.destroy();
  }
  // An abort that lands just as the stream ends must not pass for a complete body.
  watchdog.throwIfStopped();
  return collected.bytes();
}
