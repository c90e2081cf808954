import { decodeJsonDocument, readBodyBytes, untilAborted } from './body';
import { FeedError } from './errors';
import { parseArticleDocument, parseChannelDirectory, parseFeedPage } from './parse';
import type { Article, ChannelDirectory, FeedPage } from './types';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY, retryAfterMs, retryDelay } from './retry';
import { absoluteUrl } from './urls';

/**
 * Fetching feed documents: one code path for the page and the service
 * worker, with stall and overall time limits, the size limit, retries of
 * transient failures with backoff, and every failure turned into a FeedError
 * whose code says what went wrong.
 */

/** How long the server may stay silent (before the headers, between parts of the body), by default. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** How long one try of a document may take in all, however steadily it arrives, by default. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 60_000;

/** Options of the fetch functions. */
export interface FetchOptions {
  /** Aborting it stops the request; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * How long the server may stay silent in ms (default DEFAULT_TIMEOUT_MS): a hung server
   * fails in this time, while a slow one that keeps sending is read to the end.
   */
  readonly timeoutMs?: number;
  /** Limit for one try of the whole document in ms (default DEFAULT_TOTAL_TIMEOUT_MS). */
  readonly totalTimeoutMs?: number;
  /** How transient failures are retried (default DEFAULT_RETRY; NO_RETRY for one try). */
  readonly retry?: RetryPolicy;
  /** The fetch to use (tests pass a fake; the service worker may pass its own). */
  readonly fetch?: typeof fetch;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for a conditional refresh. */
  readonly headers?: HeadersInit;
}

/** A fetched JSON document, or the news that it has not changed (HTTP 304). */
export type JsonDocument =
  | {
      readonly notModified: false;
      /** The URL the document was read from (after redirects): the base for its relative URLs. */
      readonly url: string;
      readonly json: unknown;
      /** The response, body consumed: for ETag, Last-Modified and the like. */
      readonly response: Response;
    }
  | { readonly notModified: true; readonly url: string; readonly response: Response };

/**
 * Fetches a JSON document and parses it, without validating it. A 304 (only
 * possible when `opts.headers` makes the request conditional) is a result,
 * not an error. Transient failures (a dropped connection while online, a
 * stall, a cut-off body, 408/429/5xx) are tried again after a backoff or the
 * server's Retry-After (RetryPolicy); nothing is returned until a whole
 * document has arrived, so a failure never yields half of one. This is the
 * lower level the service worker uses for conditional refreshes; then it
 * calls parseFeedPage(json, url).
 * @throws FeedError: network, timeout, http (with status), too-large, json,
 *   not-feed (a web page instead of JSON), moved (redirected to another
 *   origin). A caller's abort rejects with the signal's reason instead, and a
 *   URL that cannot be made absolute (relative, outside a browser) with a TypeError.
 */
export async function fetchJsonDocument(
  url: string,
  opts: FetchOptions = {},
): Promise<JsonDocument> {
  const requestUrl = absoluteUrl(url);
  const policy = opts.retry ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(requestUrl, opts);
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      const delay = retryDelay(policy, {
        error,
        attempt,
        ...(error instanceof FeedError &&
          error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
        online: deviceOnline(),
      });
      if (delay === undefined) throw error;
      await pause(delay, opts.signal);
    }
  }
}

/** False only when the device says it has no connection (pages and workers both know). */
function deviceOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  const wait = new Promise<void>((resolve) => setTimeout(resolve, ms));
  return signal ? untilAborted(wait, signal) : wait;
}

/** One try: the request, its redirects checked, the body read within the time limits. */
async function fetchOnce(requestUrl: string, opts: FetchOptions): Promise<JsonDocument> {
  const idleMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const totalMs = opts.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const controller = new AbortController();
  let timeout: FeedError | undefined;
  const expire = (detail: string): void => {
    timeout = new FeedError('timeout', `${requestUrl}: ${detail}`);
    controller.abort(timeout);
  };
  const silent = (): ReturnType<typeof setTimeout> =>
    setTimeout(() => expire(`nothing received for ${idleMs} ms`), idleMs);
  let idleTimer = silent();
  const totalTimer = setTimeout(() => expire(`not complete after ${totalMs} ms`), totalMs);
  const { signal } = opts;
  const forwardAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  else signal?.addEventListener('abort', forwardAbort, { once: true });

  // Read into a local first: calling a native fetch as a method of `opts`
  // would throw "Illegal invocation".
  const doFetch = opts.fetch ?? fetch;
  const request = (redirect: RequestRedirect): Promise<Response> =>
    untilAborted(
      doFetch(requestUrl, { signal: controller.signal, headers: opts.headers, redirect }),
      controller.signal,
    );
  try {
    const response = await followSameOrigin(requestUrl, request);
    const docUrl = response.url || requestUrl;
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { notModified: true, url: docUrl, response };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const status = `${response.status} ${response.statusText}`.trim();
      const retryAfter = retryAfterMs(response.headers.get('retry-after'), Date.now());
      throw new FeedError('http', `${requestUrl}: HTTP ${status}`, response.status, {
        ...(retryAfter !== undefined && { retryAfterMs: retryAfter }),
      });
    }
    const bytes = await readBodyBytes(response, requestUrl, controller.signal, () => {
      clearTimeout(idleTimer);
      idleTimer = silent();
    });
    return { notModified: false, url: docUrl, json: decodeJsonDocument(bytes, docUrl), response };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (timeout) throw timeout;
    if (signal?.aborted) throw signal.reason;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError('network', `${requestUrl}: ${reason}`);
  } finally {
    clearTimeout(idleTimer);
    clearTimeout(totalTimer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * The response, following redirects only within the feed's origin. The first request does not
 * follow (`manual`), so a redirect elsewhere is seen as one rather than as a vague network
 * failure; only then is the request repeated, following, and its final origin checked.
 */
async function followSameOrigin(
  requestUrl: string,
  request: (redirect: RequestRedirect) => Promise<Response>,
): Promise<Response> {
  const first = await request('manual');
  if (first.type !== 'opaqueredirect') return checkOrigin(requestUrl, first);
  let followed: Response;
  try {
    followed = await request('follow');
  } catch (error) {
    if (error instanceof FeedError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError(
      'moved',
      `${requestUrl}: redirected, and the target could not be read (${reason})`,
    );
  }
  return checkOrigin(requestUrl, followed);
}

function checkOrigin(requestUrl: string, response: Response): Response {
  if (!response.url || new URL(response.url).origin === new URL(requestUrl).origin) return response;
  void response.body?.cancel().catch(() => undefined);
  throw new FeedError('moved', `${requestUrl}: redirected to another origin, ${response.url}`);
}

async function fetchDocument(url: string, opts: FetchOptions | undefined) {
  const document = await fetchJsonDocument(url, opts);
  if (document.notModified) {
    throw new FeedError(
      'http',
      `${document.url}: HTTP 304 for a conditional request; use fetchJsonDocument to handle it`,
      304,
    );
  }
  return document;
}

/**
 * Fetches and validates channels.json.
 * @throws FeedError (network, timeout, http, too-large, json, schema).
 */
export async function fetchChannelDirectory(
  url: string,
  opts?: FetchOptions,
): Promise<ChannelDirectory> {
  const { json, url: docUrl } = await fetchDocument(url, opts);
  return parseChannelDirectory(json, docUrl);
}

/**
 * Fetches and validates one page of a channel's JSON Feed.
 * @throws FeedError (network, timeout, http, too-large, json, schema).
 */
export async function fetchFeedPage(url: string, opts?: FetchOptions): Promise<FeedPage> {
  const { json, url: docUrl } = await fetchDocument(url, opts);
  return parseFeedPage(json, docUrl);
}

/**
 * Fetches article `id`'s own document and returns that article (parseArticleDocument).
 * @throws FeedError (network, timeout, http, too-large, json, schema).
 */
export async function fetchArticleDocument(
  url: string,
  id: string,
  opts?: FetchOptions,
): Promise<Article> {
  const { json, url: docUrl } = await fetchDocument(url, opts);
  return parseArticleDocument(json, docUrl, id);
}
