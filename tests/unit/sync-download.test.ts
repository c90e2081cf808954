import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_IMAGE_CACHE, IMAGE_CACHE } from '../../src/shared/cache-names';
import type { Channel } from '../../src/shared/feed/types';
import { getChannelArticles, getChannelPages } from '../../src/shared/store/index';
import { downloadChannels, toSyncFailure } from '../../src/shared/sync/index';
import type { DownloadProgress } from '../../src/shared/sync/index';
import type { DownloadPageDone } from '../../src/shared/store/index';
import { StoreQuotaError, getArticleRecord, setSaved } from '../../src/shared/store/index';
import { closeStores, freshStore, pageUrl } from './store-fixtures';
import type { Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

afterEach(closeStores);

const API = 'https://news.example.com/api/';
const image = (name: string): string => `${API}images/${name}.svg`;

/** A CacheStorage double: one Map per cache name, keyed by URL. */
function fakeCaches(): {
  caches: CacheStorage;
  entries: (name: string) => string[];
  opened: string[];
} {
  const stores = new Map<string, Map<string, Response>>();
  const opened: string[] = [];
  const open = (name: string): Cache => {
    opened.push(name);
    const map = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, map);
    const cache = {
      match: (url: string) => Promise.resolve(map.get(url)),
      put: (url: string, response: Response) => {
        map.set(url, response);
        return Promise.resolve();
      },
    };
    return cache as unknown as Cache;
  };
  const caches = { open: (name: string) => Promise.resolve(open(name)) } as unknown as CacheStorage;
  return { caches, entries: (name) => [...(stores.get(name)?.keys() ?? [])], opened };
}

function channel(id: string): Channel {
  return { id, title: id, kind: 'city', feedUrl: pageUrl(id) };
}

/** Items whose lead image and figure are named after the item. */
const withImages = (ids: readonly string[], next?: string): unknown => {
  const json = feedJson(ids, next) as { items: Record<string, unknown>[] };
  for (const item of json.items) {
    const id = String(item.id);
    item.image = `../images/${id}-lead.svg`;
    item.content_html = `<p>正文</p><figure><img src="../images/${id}-fig.svg" alt="图"></figure>`;
    delete item.content_text;
  }
  return json;
};

/** What the fixture's image URLs answer: a picture, as a static file server types it. */
const SVG: Route = { text: '<svg/>', contentType: 'image/svg+xml' };

/** Three pages of jinan (a, b → c → d) and one of hot, images served for all. */
function portal(): Map<string, Route> {
  const routes = new Map<string, Route>([
    [pageUrl('jinan'), { json: withImages(['a', 'b'], 'jinan-2.json') }],
    [pageUrl('jinan', 2), { json: withImages(['c'], 'jinan-3.json') }],
    [pageUrl('jinan', 3), { json: withImages(['d']) }],
    [pageUrl('hot'), { json: withImages(['a', 'h']) }],
  ]);
  for (const id of ['a', 'b', 'c', 'd', 'h']) {
    routes.set(image(`${id}-lead`), SVG);
    routes.set(image(`${id}-fig`), SVG);
  }
  return routes;
}

describe('downloadChannels', () => {
  it('follows next_url up to the depth and stores every page', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const result = await downloadChannels(db, [channel('jinan')], {
      depth: 2,
      images: false,
      fetch: net.fetch,
    });
    expect(result).toEqual({ articles: 3, images: 0, imagesFailed: 0 });
    expect((await getChannelPages(db, 'jinan')).map((p) => p.url)).toEqual([
      pageUrl('jinan'),
      pageUrl('jinan', 2),
    ]);
    expect((await getChannelArticles(db, 'jinan')).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(net.requests.map((r) => r.url)).not.toContain(pageUrl('jinan', 3));
  });

  it('stops at the last page when the chain is shorter than the depth', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const result = await downloadChannels(db, [channel('jinan')], {
      depth: 5,
      images: false,
      fetch: net.fetch,
    });
    expect(result.articles).toBe(4);
    expect(await getChannelPages(db, 'jinan')).toHaveLength(3);
  });

  it('puts the lead images and figures of the articles into the downloaded-images cache, each once', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const { caches, entries, opened } = fakeCaches();
    const result = await downloadChannels(db, [channel('jinan'), channel('hot')], {
      depth: 1,
      images: true,
      fetch: net.fetch,
      caches,
    });
    expect(opened).toEqual([DOWNLOAD_IMAGE_CACHE, IMAGE_CACHE]);
    expect(entries(DOWNLOAD_IMAGE_CACHE).sort()).toEqual(
      ['a-fig', 'a-lead', 'b-fig', 'b-lead', 'h-fig', 'h-lead'].map(image),
    );
    // Nothing goes into the cache whose limits could take it.
    expect(entries(IMAGE_CACHE)).toEqual([]);
    expect(result).toEqual({ articles: 3, images: 6, imagesFailed: 0 });
    expect(net.requests.filter((r) => r.url === image('a-lead'))).toHaveLength(1);
  });

  it('does not fetch images already kept', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const { caches } = fakeCaches();
    await (await caches.open(DOWNLOAD_IMAGE_CACHE)).put(image('a-lead'), new Response('<svg/>'));
    const result = await downloadChannels(db, [channel('hot')], {
      depth: 1,
      images: true,
      fetch: net.fetch,
      caches,
    });
    expect(result.images).toBe(4);
    expect(net.requests.map((r) => r.url)).not.toContain(image('a-lead'));
  });

  it('copies a whole image the reader already saw from the image cache instead of fetching it', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const { caches, entries } = fakeCaches();
    const seen = new Response('<svg/>', { headers: { 'Content-Type': 'image/svg+xml' } });
    await (await caches.open(IMAGE_CACHE)).put(image('a-lead'), seen);
    const result = await downloadChannels(db, [channel('hot')], {
      depth: 1,
      images: true,
      fetch: net.fetch,
      caches,
    });
    expect(result.images).toBe(4);
    expect(net.requests.map((r) => r.url)).not.toContain(image('a-lead'));
    expect(entries(DOWNLOAD_IMAGE_CACHE)).toContain(image('a-lead'));
  });

  it('fetches again an image whose copy in the image cache is not a whole image', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const { caches, entries } = fakeCaches();
    // No Content-Type: what an older version may have cached; checkImageResponse refuses it.
    await (await caches.open(IMAGE_CACHE)).put(image('a-lead'), new Response('<html>'));
    await downloadChannels(db, [channel('hot')], {
      depth: 1,
      images: true,
      fetch: net.fetch,
      caches,
    });
    expect(net.requests.filter((r) => r.url === image('a-lead'))).toHaveLength(1);
    expect(entries(DOWNLOAD_IMAGE_CACHE)).toContain(image('a-lead'));
  });

  it('counts an image that fails and goes on with the others', async () => {
    const db = await freshStore();
    const routes = portal();
    routes.set(image('b-fig'), { status: 500 });
    routes.delete(image('b-lead'));
    const { caches, entries } = fakeCaches();
    const result = await downloadChannels(db, [channel('jinan')], {
      depth: 1,
      images: true,
      fetch: fakeNetwork(routes).fetch,
      caches,
    });
    expect(result).toEqual({ articles: 2, images: 2, imagesFailed: 2 });
    expect(entries(DOWNLOAD_IMAGE_CACHE).sort()).toEqual([image('a-fig'), image('a-lead')]);
  });

  it('reports progress in steps (pages, then images), reaching the total', async () => {
    const db = await freshStore();
    const progress: DownloadProgress[] = [];
    await downloadChannels(db, [channel('jinan')], {
      depth: 2,
      images: true,
      fetch: fakeNetwork(portal()).fetch,
      caches: fakeCaches().caches,
      onProgress: (p) => progress.push(p),
    });
    // 2 pages + 6 images (a, b, c: lead and figure each).
    expect(progress).toHaveLength(8);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.at(-1)).toEqual({
      channelId: 'jinan',
      done: 8,
      total: 8,
      articles: 3,
      bytes: expect.any(Number) as number,
    });
    const totals = progress.map((p) => p.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  it('goes on with the next channel after a failing page and reports the failure', async () => {
    const db = await freshStore();
    const routes = portal();
    routes.set(pageUrl('jinan', 2), { status: 500 });
    const result = await downloadChannels(db, [channel('jinan'), channel('hot')], {
      depth: 3,
      images: false,
      fetch: fakeNetwork(routes).fetch,
    });
    expect(result.articles).toBe(3);
    expect(result.failure?.code).toBe('http');
    expect(await getChannelPages(db, 'hot')).toHaveLength(1);
  });

  it('rejects with the first error when not a single page could be downloaded', async () => {
    const db = await freshStore();
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await downloadChannels(db, [channel('jinan')], {
      depth: 2,
      images: false,
      fetch: offline,
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(toSyncFailure(error).code).toBe('network');
  });

  it('stops promptly when cancelled, keeping what was already stored', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const controller = new AbortController();
    const downloading = downloadChannels(db, [channel('jinan'), channel('hot')], {
      depth: 3,
      images: true,
      fetch: net.fetch,
      caches: fakeCaches().caches,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    const error = await downloading.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(toSyncFailure(error).code).toBe('cancelled');
    expect((await getChannelPages(db, 'jinan')).map((p) => p.pageIndex)).toEqual([0]);
    expect((await getChannelArticles(db, 'jinan')).map((a) => a.id)).toEqual(['a', 'b']);
    expect(net.requests.map((r) => r.url)).toEqual([pageUrl('jinan')]);
  });

  it('stops fetching images when cancelled between them', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const controller = new AbortController();
    const error = await downloadChannels(db, [channel('jinan')], {
      depth: 1,
      images: true,
      imageConcurrency: 1,
      fetch: net.fetch,
      caches: fakeCaches().caches,
      signal: controller.signal,
      // Step 1 is the page; step 2 the first image.
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(toSyncFailure(error).code).toBe('cancelled');
    expect(net.requests.filter((r) => r.url.includes('/images/'))).toHaveLength(1);
  });
});

describe('downloadChannels following next_url', () => {
  /** The URLs the download fetched, in order. */
  async function download(routes: Map<string, Route>, depth = 10) {
    const db = await freshStore();
    const net = fakeNetwork(routes);
    const result = await downloadChannels(db, [channel('jinan')], {
      depth,
      images: false,
      fetch: net.fetch,
    });
    const pages = (await getChannelPages(db, 'jinan')).map((p) => p.url);
    return { result, fetched: net.requests.map((r) => r.url), pages };
  }

  it.each([['jinan.json#top'], ['./jinan.json?'], ['./jinan.json?#']])(
    'stops at a first page whose next_url %s names itself, and says why',
    async (next) => {
      const { result, fetched } = await download(
        new Map([[pageUrl('jinan'), { json: feedJson(['a'], next) }]]),
      );
      expect(fetched).toEqual([pageUrl('jinan')]);
      expect(result.articles).toBe(1);
      expect(result.problems).toHaveLength(1);
      expect(result.problems?.[0]).toMatch(/^jinan: next_url .*loop/);
    },
  );

  it('stops at a first page whose next_url is its own URL in another spelling', async () => {
    // The parser already drops a next_url equal to the page's (normalised) URL.
    const { fetched } = await download(
      new Map([
        [
          pageUrl('jinan'),
          { json: feedJson(['a'], 'HTTPS://NEWS.EXAMPLE.COM:443/api/feeds/jinan.json') },
        ],
      ]),
    );
    expect(fetched).toEqual([pageUrl('jinan')]);
  });

  it('stops at a loop across pages (1 → 2 → 3 → 2), fetching each page once', async () => {
    const { result, fetched, pages } = await download(
      new Map([
        [pageUrl('jinan'), { json: feedJson(['a'], 'jinan-2.json') }],
        [pageUrl('jinan', 2), { json: feedJson(['b'], 'jinan-3.json#x') }],
        [pageUrl('jinan', 3), { json: feedJson(['c'], 'jinan-2.json?') }],
      ]),
    );
    expect(fetched).toEqual([pageUrl('jinan'), pageUrl('jinan', 2), pageUrl('jinan', 3)]);
    expect(pages).toEqual([pageUrl('jinan'), pageUrl('jinan', 2), pageUrl('jinan', 3)]);
    expect(result.articles).toBe(3);
    expect(result.problems?.[0]).toContain(`next_url ${pageUrl('jinan', 2)}`);
  });

  it('stops at a loop back to the first page (1 → 2 → 1)', async () => {
    const { result, fetched } = await download(
      new Map([
        [pageUrl('jinan'), { json: feedJson(['a'], 'jinan-2.json') }],
        [pageUrl('jinan', 2), { json: feedJson(['b'], 'jinan.json#again') }],
      ]),
    );
    expect(fetched).toEqual([pageUrl('jinan'), pageUrl('jinan', 2)]);
    expect(result.problems).toHaveLength(1);
  });

  it('does not follow a next_url to another origin: the pages so far are kept', async () => {
    const { result, fetched, pages } = await download(
      new Map([
        [pageUrl('jinan'), { json: feedJson(['a'], 'jinan-2.json') }],
        [pageUrl('jinan', 2), { json: feedJson(['b'], 'https://evil.example/feeds/jinan-3.json') }],
        ['https://evil.example/feeds/jinan-3.json', { json: feedJson(['evil']) }],
      ]),
    );
    expect(fetched).toEqual([pageUrl('jinan'), pageUrl('jinan', 2)]);
    expect(pages).toEqual([pageUrl('jinan'), pageUrl('jinan', 2)]);
    expect(result.articles).toBe(2);
    expect(result.failure).toBeUndefined();
    expect(result.problems?.[0]).toMatch(/evil\.example.*not on the feed's own origin/);
  });

  it('follows a next_url with a fragment to its document, once', async () => {
    const { result, fetched } = await download(
      new Map([
        [pageUrl('jinan'), { json: feedJson(['a'], 'jinan-2.json#list') }],
        [pageUrl('jinan', 2), { json: feedJson(['b']) }],
      ]),
    );
    expect(fetched).toEqual([pageUrl('jinan'), pageUrl('jinan', 2)]);
    expect(result).toEqual({ articles: 2, images: 0, imagesFailed: 0 });
  });

  it('reports no problem for a next_url beyond the depth', async () => {
    const { result, fetched } = await download(
      new Map([[pageUrl('jinan'), { json: feedJson(['a'], 'https://evil.example/x.json') }]]),
      1,
    );
    expect(fetched).toEqual([pageUrl('jinan')]);
    expect(result.problems).toBeUndefined();
  });
});

describe('downloadChannels, resumed', () => {
  it('continues an interrupted download from the first page not done: each page fetched once', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const cache = fakeCaches();
    const stored: DownloadPageDone[] = [];
    const abort = new AbortController();
    const first = downloadChannels(db, [channel('jinan'), channel('hot')], {
      depth: 3,
      images: true,
      caches: cache.caches,
      fetch: net.fetch,
      signal: abort.signal,
      onPageStored: (page) => {
        stored.push(page);
        // The connection goes after the second page of jinan is stored.
        if (stored.length === 2) abort.abort(new Error('offline'));
        return Promise.resolve();
      },
    });
    await expect(first).rejects.toThrow('offline');
    expect(stored.map((page) => page.url)).toEqual([pageUrl('jinan'), pageUrl('jinan', 2)]);

    const progress: DownloadProgress[] = [];
    const result = await downloadChannels(db, [channel('jinan'), channel('hot')], {
      depth: 3,
      images: true,
      caches: cache.caches,
      fetch: net.fetch,
      resume: { pages: stored },
      onPageStored: (page) => {
        stored.push(page);
        return Promise.resolve();
      },
      onProgress: (step) => progress.push(step),
    });
    const fetched = net.requests.map((request) => request.url);
    const pages = [pageUrl('jinan'), pageUrl('jinan', 2), pageUrl('jinan', 3), pageUrl('hot')];
    for (const url of pages) expect(fetched.filter((u) => u === url)).toHaveLength(1);
    expect(stored.map((page) => page.url)).toEqual(pages);
    // Images are fetched once each too: those cached before the cut are not asked for again.
    expect(new Set(fetched).size).toBe(fetched.length);
    expect(result.articles).toBe(5);
    expect(result.images).toBe(10);
    const last = progress.at(-1);
    expect(last?.articles).toBe(5);
    expect(last?.bytes).toBeGreaterThan(0);
    expect((await getChannelPages(db, 'jinan')).map((page) => page.url)).toEqual(pages.slice(0, 3));
  });
});

describe('downloadChannels, storage full', () => {
  it('stops at once with StoreQuotaError; the pages stored and the saved articles stay', async () => {
    const db = await freshStore();
    const net = fakeNetwork(portal());
    const stored: DownloadPageDone[] = [];
    const put = IDBObjectStore.prototype.put;
    let full = false;
    // Once the first page is in, every article write fails as a full disk does, retry included.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (full && this.name === 'articles') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    });
    const download = downloadChannels(db, [channel('jinan'), channel('hot')], {
      depth: 3,
      images: false,
      fetch: net.fetch,
      onPageStored: async (page) => {
        stored.push(page);
        await setSaved(db, 'a', true);
        full = true;
      },
    });
    await expect(download).rejects.toBeInstanceOf(StoreQuotaError);
    vi.restoreAllMocks();
    expect(stored.map((page) => page.url)).toEqual([pageUrl('jinan')]);
    // The later channel was not tried: a full disk ends the download, not one channel.
    expect(net.requests.map((request) => request.url)).not.toContain(pageUrl('hot'));
    expect(await getArticleRecord(db, 'a')).toBeDefined();
    expect((await getChannelPages(db, 'jinan')).map((page) => page.url)).toEqual([
      pageUrl('jinan'),
    ]);
  });
});
