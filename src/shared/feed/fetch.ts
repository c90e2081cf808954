import { decodeJsonDocument, readBodyBytes, untilAborted } from './body';
import { FeedError } from './errors';
import { parseArticleDocument, parseChannelDirectory, parseFeedPage } from './parse';
import type { Article, ChannelDirectory, FeedPage } from './types';
import { absoluteUrl } from './urls';

/**
 * Fetching feed documents: one code path for the page and the service
 * worker, with a timeout, the size limit, and every failure turned into a
 * FeedError whose code says what went wrong.
 */

/** How long a document may take, headers and body together, by default. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Options of the fetch functions. */
export interface FetchOptions {
  /** Aborting it stops the request; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Time limit for the whole document in ms (default DEFAULT_TIMEOUT_MS). */
  readonly timeoutMs?: number;
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
 * not an error. This is the lower level the service worker uses for
 * conditional refreshes; then it calls parseFeedPage(json, url).
 * @throws FeedError: network, timeout, http (with status), too-large, json.
 *   A caller's abort rejects with the signal's reason instead, and a URL that
 *   cannot be made absolute (relative, outside a browser) with a TypeError.
 */
export async function fetchJsonDocument(
  url: string,
  opts: FetchOptions = {},
): Promise<JsonDocument> {
  const requestUrl = absoluteUrl(url);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(
      new FeedError('timeout', `${requestUrl}: no complete response in ${timeoutMs} ms`),
    );
  }, timeoutMs);
  const { signal } = opts;
  const forwardAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  else signal?.addEventListener('abort', forwardAbort, { once: true });

  // Read into a local first: calling a native fetch as a method of `opts`
  // would throw "Illegal invocation".
  const doFetch = opts.fetch ?? fetch;
  try {
    const response = await untilAborted(
      doFetch(requestUrl, { signal: controller.signal, headers: opts.headers }),
      controller.signal,
    );
    const docUrl = response.url || requestUrl;
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { notModified: true, url: docUrl, response };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const status = `${response.status} ${response.statusText}`.trim();
      throw new FeedError('http', `${requestUrl}: HTTP ${status}`, response.status);
    }
    const bytes = await readBodyBytes(response, requestUrl, controller.signal);
    return { notModified: false, url: docUrl, json: decodeJsonDocument(bytes, docUrl), response };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (timedOut)
      throw new FeedError('timeout', `${requestUrl}: no complete response in ${timeoutMs} ms`);
    if (signal?.aborted) throw signal.reason;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError('network', `${requestUrl}: ${reason}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
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
