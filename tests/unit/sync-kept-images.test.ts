import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_IMAGE_CACHE } from '../../src/shared/cache-names';
import type { Article } from '../../src/shared/feed/types';
import {
  clearChannel,
  putFeedPage,
  saveArticle,
  visitArticles,
} from '../../src/shared/store/index';
import type { StoreDb } from '../../src/shared/store/index';
import { ImagesInUse, keepImage } from '../../src/shared/sync/images';
import { pruneDownloadImages } from '../../src/sw/download-images';
import { article, closeStores, feedPage, freshStore, pageUrl } from './store-fixtures';

afterEach(() => {
  closeStores();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const IMAGES = 'https://news.example.com/api/images/';
const image = (name: string): string => `${IMAGES}${name}.svg`;

/** An article with a lead image, a figure and a figure inside a quote, named after it. */
function illustrated(id: string, shared?: string): Article {
  return article(id, {
    image: { src: image(`${id}-lead`), alt: '' },
    blocks: [
      { t: 'p', c: ['正文'] },
      { t: 'figure', src: image(shared ?? `${id}-fig`), alt: '图' },
      { t: 'quote', c: [{ t: 'figure', src: image(`${id}-quoted`), alt: '引图' }] },
    ],
  });
}

/** A Cache double keyed by URL, with the calls a prune makes. */
function fakeCache(): { cache: Cache; map: Map<string, Response> } {
  const map = new Map<string, Response>();
  const cache = {
    match: (url: string) => Promise.resolve(map.get(url)),
    put: (url: string, response: Response) => {
      map.set(url, response);
      return Promise.resolve();
    },
    keys: () => Promise.resolve([...map.keys()].map((url) => new Request(url))),
    delete: (url: string) => Promise.resolve(map.delete(url)),
  } as unknown as Cache;
  return { cache, map };
}

const svg = (): Response =>
  new Response('<svg/>', { headers: { 'Content-Type': 'image/svg+xml' } });

describe('ImagesInUse', () => {
  it("counts an article's lead image, figures and quoted figures as used", () => {
    const inUse = new ImagesInUse();
    inUse.add(illustrated('a'));
    const cached = ['a-lead', 'a-fig', 'a-quoted', 'b-lead'].map(image);
    expect(inUse.unused(cached)).toEqual([image('b-lead')]);
  });

  it('finds everything unused when no article was added, in the given order', () => {
    const cached = ['z', 'a', 'm'].map(image);
    expect(new ImagesInUse().unused(cached)).toEqual(cached);
  });

  it('keeps an image two articles share while either is added', () => {
    const inUse = new ImagesInUse();
    inUse.add(illustrated('b', 'shared'));
    expect(inUse.unused([image('shared'), image('a-fig')])).toEqual([image('a-fig')]);
  });
});

describe('keepImage', () => {
  const url = image('x');

  it('does nothing for an image already kept', async () => {
    const kept = fakeCache();
    kept.map.set(url, svg());
    const doFetch = vi.fn<typeof fetch>();
    expect(await keepImage(kept.cache, undefined, url, doFetch, undefined)).toBe(true);
    expect(doFetch).not.toHaveBeenCalled();
  });

  it('copies a whole image from the recent cache without fetching', async () => {
    const kept = fakeCache();
    const recent = fakeCache();
    recent.map.set(url, svg());
    const doFetch = vi.fn<typeof fetch>();
    expect(await keepImage(kept.cache, recent.cache, url, doFetch, undefined)).toBe(true);
    expect(doFetch).not.toHaveBeenCalled();
    expect(await kept.map.get(url)?.text()).toBe('<svg/>');
  });

  it('fetches when the recent copy is not an image, and keeps the fetched one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kept = fakeCache();
    const recent = fakeCache();
    recent.map.set(url, new Response('<html>', { headers: { 'Content-Type': 'text/html' } }));
    const doFetch = vi.fn<typeof fetch>(() => Promise.resolve(svg()));
    expect(await keepImage(kept.cache, recent.cache, url, doFetch, undefined)).toBe(true);
    expect(doFetch).toHaveBeenCalledTimes(1);
    expect(kept.map.get(url)?.headers.get('Content-Type')).toBe('image/svg+xml');
  });

  it('reports false, not a throw, when the image can be had from nowhere', async () => {
    const kept = fakeCache();
    const doFetch = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('offline')));
    expect(await keepImage(kept.cache, fakeCache().cache, url, doFetch, undefined)).toBe(false);
    expect(kept.map.size).toBe(0);
  });

  it("rethrows the caller's abort", async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const doFetch = vi.fn<typeof fetch>();
    await expect(
      keepImage(fakeCache().cache, undefined, url, doFetch, controller.signal),
    ).rejects.toThrow('cancelled');
  });
});

/** Stores `articles` as page 1 of `channelId`. */
async function storeChannel(db: StoreDb, channelId: string, articles: Article[]): Promise<void> {
  await putFeedPage(db, channelId, 0, feedPage(pageUrl(channelId), articles), {});
}

/** The images every stored article uses, by visiting the store. */
async function unusedAfterVisit(db: StoreDb, cached: string[]): Promise<string[]> {
  const inUse = new ImagesInUse();
  await visitArticles(db, (stored) => inUse.add(stored));
  return inUse.unused(cached);
}

describe('which downloaded images the store no longer uses', () => {
  const all = ['a-lead', 'a-fig', 'a-quoted', 'b-lead', 'shared', 'b-quoted', 'c-lead'];

  it('none while every article is stored; a cleared channel frees its own images only', async () => {
    const db = await freshStore();
    await storeChannel(db, 'jinan', [illustrated('a'), illustrated('b', 'shared')]);
    await storeChannel(db, 'qingdao', [illustrated('c', 'shared')]);
    const cached = all.map(image);
    expect(await unusedAfterVisit(db, cached)).toEqual([]);

    await clearChannel(db, 'jinan');
    // The figure b shares with c (still stored by 青岛) stays.
    expect(await unusedAfterVisit(db, cached)).toEqual(
      ['a-lead', 'a-fig', 'a-quoted', 'b-lead', 'b-quoted'].map(image),
    );
  });

  it('keeps the images of a saved article whose channel was cleared', async () => {
    const db = await freshStore();
    const a = illustrated('a');
    await storeChannel(db, 'jinan', [a, illustrated('b')]);
    await saveArticle(db, a);
    await clearChannel(db, 'jinan');
    expect(await unusedAfterVisit(db, ['a-lead', 'a-fig', 'b-lead'].map(image))).toEqual([
      image('b-lead'),
    ]);
  });
});

describe('pruneDownloadImages', () => {
  /** Stubs the worker's CacheStorage with one fake downloaded-images cache. */
  function stubCaches(held?: { reached: () => void; gate: Promise<void> }): Map<string, Response> {
    const { cache, map } = fakeCache();
    const remove = cache.delete.bind(cache);
    // `held` keeps the first pass at its first delete (the store already read) until the test
    // lets it go.
    let first = true;
    cache.delete = async (url: RequestInfo | URL) => {
      if (first && held) {
        first = false;
        held.reached();
        await held.gate;
      }
      return remove(url);
    };
    const open = vi.fn((name: string) =>
      name === DOWNLOAD_IMAGE_CACHE
        ? Promise.resolve(cache)
        : Promise.reject(new Error(`unexpected cache ${name}`)),
    );
    vi.stubGlobal('caches', { open });
    return map;
  }

  it('drops the kept images no stored article uses and keeps the others', async () => {
    const db = await freshStore();
    await storeChannel(db, 'jinan', [illustrated('a')]);
    await storeChannel(db, 'qingdao', [illustrated('c')]);
    const map = stubCaches();
    for (const name of ['a-lead', 'a-fig', 'c-lead', 'c-fig']) map.set(image(name), svg());

    await clearChannel(db, 'qingdao');
    expect(await pruneDownloadImages(db)).toBe(2);
    expect([...map.keys()].sort()).toEqual([image('a-fig'), image('a-lead')]);
  });

  it('runs once more for calls made while it runs, so a later removal is seen too', async () => {
    const db = await freshStore();
    await storeChannel(db, 'jinan', [illustrated('a')]);
    await storeChannel(db, 'qingdao', [illustrated('c')]);
    let release = (): void => undefined;
    let reached = (): void => undefined;
    const atDelete = new Promise<void>((resolve) => (reached = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const map = stubCaches({ reached, gate });
    for (const name of ['a-lead', 'c-lead']) map.set(image(name), svg());

    await clearChannel(db, 'jinan');
    const first = pruneDownloadImages(db);
    // Cleared after the first pass read the store: the joined call must not miss it.
    await atDelete;
    await clearChannel(db, 'qingdao');
    const second = pruneDownloadImages(db);
    release();
    expect(second).toBe(first);
    expect(await second).toBe(2);
    expect(map.size).toBe(0);
  });

  it('never rejects: a failure is logged and leaves the images for the next pass', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await freshStore();
    vi.stubGlobal('caches', { open: () => Promise.reject(new Error('no caches')) });
    expect(await pruneDownloadImages(db)).toBe(0);
    expect(warn).toHaveBeenCalledWith('Downloaded images not pruned', expect.any(Error));
  });
});
