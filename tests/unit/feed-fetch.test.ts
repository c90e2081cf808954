import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FeedError,
  fetchChannelDirectory,
  fetchFeedPage,
  fetchJsonDocument,
  LIMITS,
} from '../../src/shared/feed/index';
import type { RetryPolicy } from '../../src/shared/feed/retry';
import { NO_RETRY } from '../../src/shared/feed/retry';
import { CHANNELS_URL, fixtureText, HOT_URL } from './fixtures/feed/load';

interface Call {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

/** A fetch double that answers every request with `respond` and records the calls. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>): {
  fetch: typeof fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const call = { url: input instanceof Request ? input.url : String(input), init };
    calls.push(call);
    return Promise.resolve(respond(call));
  };
  return { fetch, calls };
}

/** A response whose URL is `url`, as after following redirects. */
function responseFrom(url: string, body: BodyInit | null, init?: ResponseInit): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** A body stream that sends `chunks` and then either ends or stalls; records cancellation. */
function streamOf(chunks: readonly Uint8Array[], end: 'close' | 'stall') {
  const state = { pulled: 0, cancelled: false };
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else if (end === 'close') controller.close();
      else return new Promise<void>(() => undefined);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function failureOf(promise: Promise<unknown>): Promise<FeedError> {
  const error: unknown = await promise.then(
    () => new Error('expected the promise to reject'),
    (reason: unknown) => reason,
  );
  if (error instanceof FeedError) return error;
  throw error;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Retries as the app makes them, without the waits. */
const QUICK_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxRetryAfterMs: 50 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetching a valid document', () => {
  it('gives the validated channel directory, with feed URLs resolved against channels.json', async () => {
    const { fetch } = fakeFetch(() => new Response(fixtureText('channels.json')));
    const directory = await fetchChannelDirectory(CHANNELS_URL, { fetch });
    expect(directory.channels).toHaveLength(19);
    expect(directory.channels[3]?.feedUrl).toBe('https://news.example.com/api/feeds/jinan.json');
  });

  it('gives the validated feed page, resolved against the URL it was finally read from', async () => {
    const moved = 'https://news.example.com/v2/feeds/hot.json';
    const { fetch } = fakeFetch(() => responseFrom(moved, fixtureText('hot.json')));
    const page = await fetchFeedPage(HOT_URL, { fetch });
    expect(page.url).toBe(moved);
    expect(page.nextUrl).toBe('https://news.example.com/v2/feeds/hot-2.json');
    expect(page.items).toHaveLength(3);
  });

  it('sends the caller’s headers and a signal with the request', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(fixtureText('hot.json')));
    await fetchFeedPage(HOT_URL, { fetch, headers: { 'If-None-Match': '"v1"' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(HOT_URL);
    expect(new Headers(calls[0]?.init?.headers).get('if-none-match')).toBe('"v1"');
    expect(calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('resolves a relative URL against the current location, as in a browser or worker', async () => {
    vi.stubGlobal('location', { href: 'https://news.example.com/channel/hot' });
    const { fetch, calls } = fakeFetch(() => new Response(fixtureText('hot.json')));
    await fetchFeedPage('/api/feeds/hot.json', { fetch });
    expect(calls[0]?.url).toBe(HOT_URL);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const { fetch } = fakeFetch(() => new Response(`\uFEFF${fixtureText('channels.json')}`));
    await expect(fetchChannelDirectory(CHANNELS_URL, { fetch })).resolves.toMatchObject({
      version: 1,
    });
  });
});

describe('conditional requests, for the service worker', () => {
  it('fetchJsonDocument returns the JSON with the response, so ETag and Last-Modified can be kept', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('{"a":1}', {
          headers: { ETag: '"v2"', 'Last-Modified': 'Sat, 06 May 2023 02:30:13 GMT' },
        }),
    );
    const document = await fetchJsonDocument(HOT_URL, { fetch });
    expect(document.notModified).toBe(false);
    expect(document.notModified ? undefined : document.json).toEqual({ a: 1 });
    expect(document.response.headers.get('etag')).toBe('"v2"');
    expect(document.url).toBe(HOT_URL);
  });

  it('fetchJsonDocument reports a 304 as “not modified”, not as an error', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 304 }));
    const document = await fetchJsonDocument(HOT_URL, {
      fetch,
      headers: { 'If-None-Match': '"v2"' },
    });
    expect(document.notModified).toBe(true);
  });

  it('fetchFeedPage, which must return a page, treats a 304 as an HTTP error', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 304 }));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch }));
    expect(error).toMatchObject({ code: 'http', status: 304 });
  });
});

describe('a failed fetch is a FeedError saying what went wrong', () => {
  it('an HTTP 500 is an http error carrying the status', async () => {
    const { fetch } = fakeFetch(
      () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }),
    );
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: NO_RETRY }));
    expect(error).toMatchObject({ code: 'http', status: 500 });
    expect(error.message).toBe(`${HOT_URL}: HTTP 500 Internal Server Error`);
    expect(error.userMessage).toBe('服务器暂时出错，请稍后重试。');
  });

  it('an HTTP 404 likewise', async () => {
    const { fetch } = fakeFetch(() => new Response('', { status: 404 }));
    expect(await failureOf(fetchChannelDirectory(CHANNELS_URL, { fetch }))).toMatchObject({
      code: 'http',
      status: 404,
    });
  });

  it('a rejected fetch (offline, DNS, CORS) is a network error', async () => {
    const fetch: typeof globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: NO_RETRY }));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`${HOT_URL}: Failed to fetch`);
  });

  it('no response in time is a timeout, and the request is aborted', async () => {
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => undefined));
    const error = await failureOf(
      fetchFeedPage(HOT_URL, { fetch, timeoutMs: 20, retry: NO_RETRY }),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/nothing received for 20 ms/);
    expect(calls[0]?.init?.signal?.aborted).toBe(true);
  });

  it('a body that stops arriving is a timeout too, and its stream is cancelled', async () => {
    const { stream, state } = streamOf([bytes('{"version":')], 'stall');
    const { fetch } = fakeFetch(() => new Response(stream));
    const error = await failureOf(
      fetchFeedPage(HOT_URL, { fetch, timeoutMs: 20, retry: NO_RETRY }),
    );
    expect(error.code).toBe('timeout');
    expect(state.cancelled).toBe(true);
  });

  it('a declared Content-Length over the limit is too large before a byte is read', async () => {
    const { stream, state } = streamOf([bytes('{}')], 'close');
    const { fetch } = fakeFetch(
      () =>
        new Response(stream, { headers: { 'Content-Length': String(LIMITS.documentBytes + 1) } }),
    );
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/Content-Length is 2097153 bytes/);
    expect(state.cancelled).toBe(true);
  });

  it('a body that grows past the limit is too large, and reading stops there', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    const { stream, state } = streamOf(Array<Uint8Array>(20).fill(chunk), 'close');
    const { fetch } = fakeFetch(() => new Response(stream));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch }));
    expect(error.code).toBe('too-large');
    expect(state.cancelled).toBe(true);
    // 8 chunks make exactly the limit; the 9th passes it and nothing more is asked for.
    expect(state.pulled).toBeLessThanOrEqual(10);
  });

  it('a truncated download is a json error that says “truncated”', async () => {
    const text = fixtureText('hot.json');
    const { fetch } = fakeFetch(() => new Response(text.slice(0, text.length / 2)));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: NO_RETRY }));
    expect(error.code).toBe('json');
    expect(error.message).toMatch(/truncated JSON after \d+ bytes/);
    expect(error.userMessage).toBe('收到的内容不完整或已损坏，请稍后重试。');
  });

  it('a body cut inside a multi-byte character is truncated too, not “not UTF-8”', async () => {
    const whole = bytes(fixtureText('hot.json'));
    // The first byte of a three-byte character, alone at the end.
    const cut = whole.findIndex((byte, index) => byte >= 0xe0 && index > 200);
    const { fetch } = fakeFetch(() => new Response(whole.slice(0, cut + 1)));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: NO_RETRY }));
    expect(error).toMatchObject({ code: 'json', truncated: true });
    expect(error.message).toMatch(/stops inside a character/);
  });

  it('malformed but complete JSON is a json error that says “invalid”', async () => {
    const { fetch } = fakeFetch(() => new Response('{"version": 1, "title": "大众网",}'));
    const error = await failureOf(fetchChannelDirectory(CHANNELS_URL, { fetch }));
    expect(error.code).toBe('json');
    expect(error.message).toMatch(/invalid JSON/);
  });

  it('an HTML error page served with status 200 is “not a feed”, told as such, and not retried', async () => {
    const { fetch, calls } = fakeFetch(
      () =>
        new Response('\uFEFF  <!doctype html><title>502</title>', {
          headers: { 'content-type': 'text/html' },
        }),
    );
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch }));
    expect(error.code).toBe('not-feed');
    expect(error.message).toMatch(/got markup \(HTML or XML\), not JSON/);
    expect(error.userMessage).toBe(
      '服务器返回的不是新闻内容（可能是维护或错误页面），请稍后重试。',
    );
    expect(calls).toHaveLength(1);
  });

  it('a JSON document with a wrong content type is read all the same (lenient where it cannot harm)', async () => {
    const { fetch } = fakeFetch(
      () => new Response(fixtureText('hot.json'), { headers: { 'content-type': 'text/plain' } }),
    );
    expect((await fetchFeedPage(HOT_URL, { fetch })).items).toHaveLength(3);
  });

  it('an empty body is a json error', async () => {
    const { fetch } = fakeFetch(() => new Response(''));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch }));
    expect(error).toMatchObject({ code: 'json', message: `${HOT_URL}: the body is empty` });
  });

  it('bytes that are not UTF-8 are a json error', async () => {
    const { fetch } = fakeFetch(() => new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch }));
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('valid JSON that is not a feed is a schema error', async () => {
    const { fetch } = fakeFetch(() => new Response(fixtureText('channels.json')));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch }));
    expect(error.code).toBe('schema');
    expect(error.message).toMatch(/version must be "https:\/\/jsonfeed\.org\/version\/1\.1"/);
  });
});

describe('transient failures are tried again, refusals are not', () => {
  it('a 503 and then a dropped connection are retried; the third try’s document is the result', async () => {
    let tries = 0;
    const fetch: typeof globalThis.fetch = () => {
      tries++;
      if (tries === 1) return Promise.resolve(new Response('busy', { status: 503 }));
      if (tries === 2) return Promise.reject(new TypeError('network error'));
      return Promise.resolve(new Response(fixtureText('hot.json')));
    };
    const page = await fetchFeedPage(HOT_URL, { fetch, retry: QUICK_RETRY });
    expect(page.items).toHaveLength(3);
    expect(tries).toBe(3);
  });

  it('gives up after the policy’s tries, with the last error', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('', { status: 502 }));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: QUICK_RETRY }));
    expect(error).toMatchObject({ code: 'http', status: 502 });
    expect(calls).toHaveLength(3);
  });

  it('a 429 with Retry-After is tried again after it; a longer Retry-After than the policy allows is not', async () => {
    let tries = 0;
    const fetch: typeof globalThis.fetch = () => {
      tries++;
      return Promise.resolve(
        tries === 1
          ? new Response('', { status: 429, headers: { 'Retry-After': '0' } })
          : new Response(fixtureText('hot.json')),
      );
    };
    expect((await fetchFeedPage(HOT_URL, { fetch, retry: QUICK_RETRY })).items).toHaveLength(3);
    expect(tries).toBe(2);

    const { fetch: busy, calls } = fakeFetch(
      () => new Response('', { status: 429, headers: { 'Retry-After': '3600' } }),
    );
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch: busy, retry: QUICK_RETRY }));
    expect(error).toMatchObject({ code: 'http', status: 429, retryAfterMs: 3_600_000 });
    expect(error.userMessage).toBe('服务器正忙，请稍后再试。');
    expect(calls).toHaveLength(1);
  });

  it('a 404 is final at once, and told as missing', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('', { status: 404 }));
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: QUICK_RETRY }));
    expect(error.userMessage).toBe('没有找到这部分内容，它可能已被移除。');
    expect(calls).toHaveLength(1);
  });

  it('offline (navigator.onLine false), a network error is final at once', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    let tries = 0;
    const fetch: typeof globalThis.fetch = () => {
      tries++;
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    expect((await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: QUICK_RETRY }))).code).toBe(
      'network',
    );
    expect(tries).toBe(1);
  });

  it('a cut-off body is tried once more; a producer’s broken JSON is not', async () => {
    const text = fixtureText('hot.json');
    let tries = 0;
    const fetch: typeof globalThis.fetch = () => {
      tries++;
      return Promise.resolve(new Response(tries === 1 ? text.slice(0, 500) : text));
    };
    expect((await fetchFeedPage(HOT_URL, { fetch, retry: QUICK_RETRY })).items).toHaveLength(3);
    expect(tries).toBe(2);

    const { fetch: broken, calls } = fakeFetch(() => new Response('{"version": 1,}'));
    await failureOf(fetchFeedPage(HOT_URL, { fetch: broken, retry: QUICK_RETRY }));
    expect(calls).toHaveLength(1);
  });
});

describe('slow, stalled and redirected responses', () => {
  it('a slow body that keeps arriving is read to the end, though it takes longer than the stall limit', async () => {
    const text = fixtureText('hot.json');
    const parts = [text.slice(0, 400), text.slice(400, 800), text.slice(800)].map(bytes);
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        const part = parts[index++];
        if (part) controller.enqueue(part);
        else controller.close();
      },
    });
    const { fetch } = fakeFetch(() => new Response(stream));
    // 4 parts × 30 ms: longer than the 50 ms stall limit in all, never silent for that long.
    const page = await fetchFeedPage(HOT_URL, { fetch, timeoutMs: 50, retry: NO_RETRY });
    expect(page.items).toHaveLength(3);
  });

  it('a body that trickles past the overall limit is a timeout', async () => {
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(bytes(' '));
      },
    });
    const { fetch } = fakeFetch(() => new Response(slow));
    const error = await failureOf(
      fetchFeedPage(HOT_URL, { fetch, timeoutMs: 1000, totalTimeoutMs: 60, retry: NO_RETRY }),
    );
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toMatch(/not complete after 60 ms/);
  });

  it('a redirect to another origin is refused as “moved”, without reading the other site', async () => {
    const { fetch } = fakeFetch(() =>
      responseFrom('https://cdn.other.example/v2/feeds/hot.json', fixtureText('hot.json')),
    );
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch, retry: QUICK_RETRY }));
    expect(error.code).toBe('moved');
    expect(error.message).toBe(
      `${HOT_URL}: redirected to another origin, https://cdn.other.example/v2/feeds/hot.json`,
    );
    expect(error.userMessage).toBe('内容被转到了其他网站，为安全起见没有读取。');
  });

  it('asks without following first; a redirect is then followed, and one that fails is “moved”', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false } as unknown as Response;
    const { fetch, calls } = fakeFetch((call) =>
      call.init?.redirect === 'manual' ? opaque : new Response(fixtureText('hot.json')),
    );
    expect((await fetchFeedPage(HOT_URL, { fetch })).items).toHaveLength(3);
    expect(calls.map((call) => call.init?.redirect)).toEqual(['manual', 'follow']);

    let tries = 0;
    const blocked: typeof globalThis.fetch = (_input, init) => {
      tries++;
      return init?.redirect === 'manual'
        ? Promise.resolve(opaque)
        : Promise.reject(new TypeError('Failed to fetch'));
    };
    const error = await failureOf(fetchFeedPage(HOT_URL, { fetch: blocked, retry: QUICK_RETRY }));
    expect(error.code).toBe('moved');
    expect(tries).toBe(2);
  });
});

describe('the caller can cancel', () => {
  it('aborting rejects with the signal’s reason, not a FeedError, and aborts the request', async () => {
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const pending = fetchFeedPage(HOT_URL, { fetch, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]?.init?.signal?.aborted).toBe(true);
  });

  it('an already aborted signal rejects at once', async () => {
    const { fetch } = fakeFetch(() => new Response(fixtureText('hot.json')));
    const reason = new Error('navigated away');
    await expect(fetchFeedPage(HOT_URL, { fetch, signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
  });
});
