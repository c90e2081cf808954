import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Channel } from '../../src/shared/feed/types';
import { getChannelArticles } from '../../src/shared/store/index';
import {
  checkImageResponse,
  IMAGE_MAX_BYTES,
  isImageType,
} from '../../src/shared/sync/image-response';
import { cacheImage } from '../../src/shared/sync/images';
import { downloadChannels } from '../../src/shared/sync/index';
import { closeStores, freshStore, pageUrl } from './store-fixtures';
import type { Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
});

/** A body of `size` bytes in chunks of `chunk`, which records how much was pulled and whether it was cancelled. */
function streamOf(size: number, chunk = 64 * 1024, failAfter?: number) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && state.pulled >= failAfter) {
        controller.error(new TypeError('network error'));
        return;
      }
      const n = Math.min(chunk, size - state.pulled);
      if (n <= 0) {
        controller.close();
        return;
      }
      state.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x42));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

function imageResponse(
  body: BodyInit | null,
  headers: Record<string, string> = { 'Content-Type': 'image/png' },
  status = 200,
): Response {
  return new Response(body, { status, headers });
}

/** A Cache double keyed by URL. */
function fakeCache(): { cache: Cache; map: Map<string, Response> } {
  const map = new Map<string, Response>();
  const cache = {
    match: (url: string) => Promise.resolve(map.get(url)),
    put: (url: string, response: Response) => {
      map.set(url, response);
      return Promise.resolve();
    },
  } as unknown as Cache;
  return { cache, map };
}

describe('isImageType', () => {
  it.each([
    ['image/png'],
    ['image/jpeg'],
    ['image/webp'],
    ['image/avif'],
    ['image/svg+xml'],
    ['IMAGE/PNG'],
    ['image/png; charset=binary'],
  ])('accepts %s', (type) => {
    expect(isImageType(type)).toBe(true);
  });

  it.each([
    [null],
    [''],
    ['text/html'],
    ['text/html; charset=utf-8'],
    ['application/json'],
    ['application/feed+json'],
    ['text/plain'],
    ['application/octet-stream'],
    ['image/'],
    ['imagex/png'],
    ['text/html, image/png'],
  ])('refuses %s', (type) => {
    expect(isImageType(type)).toBe(false);
  });
});

describe('checkImageResponse', () => {
  it('passes a whole image on, with the same bytes and type', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const checked = await checkImageResponse(
      imageResponse(bytes, { 'Content-Type': 'image/png', 'Content-Length': '7' }),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.response.status).toBe(200);
    expect(checked.response.headers.get('Content-Type')).toBe('image/png');
    expect(checked.response.headers.get('Content-Length')).toBe('7');
    expect(new Uint8Array(await checked.response.arrayBuffer())).toEqual(bytes);
  });

  it('accepts an image of exactly IMAGE_MAX_BYTES, streamed without Content-Length', async () => {
    const { body, state } = streamOf(IMAGE_MAX_BYTES);
    const checked = await checkImageResponse(imageResponse(body));
    expect(checked.ok).toBe(true);
    expect(state.pulled).toBe(IMAGE_MAX_BYTES);
    if (checked.ok) {
      expect((await checked.response.arrayBuffer()).byteLength).toBe(IMAGE_MAX_BYTES);
    }
  });

  it('accepts an image of exactly IMAGE_MAX_BYTES that declares its length', async () => {
    const { body } = streamOf(IMAGE_MAX_BYTES);
    const checked = await checkImageResponse(
      imageResponse(body, {
        'Content-Type': 'image/jpeg',
        'Content-Length': String(IMAGE_MAX_BYTES),
      }),
    );
    expect(checked.ok).toBe(true);
  });

  it('refuses one byte more, without Content-Length, and stops reading there', async () => {
    const { body, state } = streamOf(IMAGE_MAX_BYTES + 1);
    const checked = await checkImageResponse(imageResponse(body));
    expect(checked).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
    expect(state.cancelled).toBe(true);
  });

  it('stops an endless body soon after the limit', async () => {
    const { body, state } = streamOf(Number.MAX_SAFE_INTEGER);
    const checked = await checkImageResponse(imageResponse(body));
    expect(checked.ok).toBe(false);
    expect(state.cancelled).toBe(true);
    // Stopped within a chunk or two of the limit (the stream may have one queued ahead).
    expect(state.pulled).toBeLessThanOrEqual(IMAGE_MAX_BYTES + 2 * 64 * 1024);
  });

  it('refuses an oversized Content-Length before reading the body', async () => {
    const { body, state } = streamOf(IMAGE_MAX_BYTES + 1);
    const checked = await checkImageResponse(
      imageResponse(body, {
        'Content-Type': 'image/png',
        'Content-Length': String(IMAGE_MAX_BYTES + 1),
      }),
    );
    expect(checked).toMatchObject({ ok: false, reason: expect.stringMatching(/Content-Length/) });
    // Nothing read but what a stream may pull ahead on its own; the rest cancelled.
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
    expect(state.cancelled).toBe(true);
  });

  it('honours a smaller limit given by the caller', async () => {
    expect((await checkImageResponse(imageResponse(new Uint8Array(10)), 10)).ok).toBe(true);
    expect((await checkImageResponse(imageResponse(new Uint8Array(11)), 10)).ok).toBe(false);
  });

  it.each([
    ['an HTML error page', 'text/html; charset=utf-8', '<!doctype html><h1>Not found</h1>'],
    ['a JSON error', 'application/json', '{"error":"gone"}'],
    ['plain text', 'text/plain', 'oops'],
  ])('refuses %s served with status 200', async (_, type, text) => {
    const checked = await checkImageResponse(imageResponse(text, { 'Content-Type': type }));
    expect(checked).toMatchObject({ ok: false, reason: expect.stringContaining(type) });
  });

  it('refuses a response without Content-Type', async () => {
    const response = imageResponse(new Uint8Array(4), {});
    response.headers.delete('Content-Type');
    expect(await checkImageResponse(response)).toMatchObject({ ok: false });
  });

  it.each([[206], [404], [500]])('refuses status %i', async (status) => {
    const checked = await checkImageResponse(imageResponse(new Uint8Array(4), undefined, status));
    expect(checked).toMatchObject({ ok: false, reason: `HTTP ${status}` });
  });

  it('refuses a body that breaks off mid-stream', async () => {
    const { body } = streamOf(1024 * 1024, 64 * 1024, 128 * 1024);
    const checked = await checkImageResponse(imageResponse(body));
    expect(checked).toMatchObject({ ok: false, reason: expect.stringMatching(/broke off/) });
  });

  it('refuses a body shorter than its Content-Length', async () => {
    const checked = await checkImageResponse(
      imageResponse(new Uint8Array(100), { 'Content-Type': 'image/png', 'Content-Length': '200' }),
    );
    expect(checked).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated/) });
  });

  it('stores the decoded body of a compressed image without its Content-Encoding', async () => {
    const checked = await checkImageResponse(
      imageResponse('<svg xmlns="http://www.w3.org/2000/svg"/>', {
        'Content-Type': 'image/svg+xml',
        'Content-Encoding': 'gzip',
        'Content-Length': '20',
      }),
    );
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.response.headers.has('Content-Encoding')).toBe(false);
  });
});

describe('cacheImage', () => {
  const URL = 'https://news.example.com/api/images/a.png';

  it('caches a checked image', async () => {
    const { cache, map } = fakeCache();
    const fetchImage: typeof fetch = () => Promise.resolve(imageResponse(new Uint8Array(8)));
    expect(await cacheImage(cache, URL, fetchImage, undefined)).toBe(true);
    expect(map.has(URL)).toBe(true);
  });

  it.each([
    [
      'an HTML page with status 200',
      () => imageResponse('<html>', { 'Content-Type': 'text/html' }),
    ],
    ['an oversized image', () => imageResponse(streamOf(IMAGE_MAX_BYTES + 10).body)],
    ['a truncated stream', () => imageResponse(streamOf(1 << 20, 1 << 16, 1 << 17).body)],
  ])('does not cache %s, and logs why', async (_, respond) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { cache, map } = fakeCache();
    const fetchImage: typeof fetch = () => Promise.resolve(respond());
    expect(await cacheImage(cache, URL, fetchImage, undefined)).toBe(false);
    expect(map.size).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(URL));
  });
});

describe('下载离线 with a bad image', () => {
  it('stores the article without the image, counting the image as failed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await freshStore();
    const json = feedJson(['a']) as { items: Record<string, unknown>[] };
    const item = json.items[0];
    if (item) item.image = '../images/a.png';
    const routes = new Map<string, Route>([
      [pageUrl('jinan'), { json }],
      [
        'https://news.example.com/api/images/a.png',
        { text: '<!doctype html><p>找不到</p>', contentType: 'text/html' },
      ],
    ]);
    const { cache, map } = fakeCache();
    const caches = { open: () => Promise.resolve(cache) } as unknown as CacheStorage;
    const channel: Channel = {
      id: 'jinan',
      title: '济南',
      kind: 'city',
      feedUrl: pageUrl('jinan'),
    };
    const result = await downloadChannels(db, [channel], {
      depth: 1,
      images: true,
      fetch: fakeNetwork(routes).fetch,
      caches,
    });
    expect(result).toEqual({ articles: 1, images: 0, imagesFailed: 1 });
    expect(map.size).toBe(0);
    expect((await getChannelArticles(db, 'jinan')).map((a) => a.id)).toEqual(['a']);
  });
});
