import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DataLayerModule from '../../src/app/data/index';
import type { Channel } from '../../src/shared/feed/types';
import { restorePageGlobals, stubPageGlobals } from './app-page-fixtures';
import type { RecordedRequest, Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

/**
 * 「+更多」 and the article lookup's channel scan follow next_url only to new
 * pages of the feed's own origin: the real data layer (in-page path) over
 * fake-indexeddb and a fake network.
 */

const ORIGIN = 'https://news.example.com';
const API = `${ORIGIN}/api/`;
const FEEDS = `${API}feeds/`;

type DataLayer = typeof DataLayerModule;

let routes: Map<string, Route>;
let requests: RecordedRequest[];
let warn: ReturnType<typeof vi.spyOn>;

/** One channel, 热点新闻, whose pages are `pages` (file name → next_url). */
function api(pages: Record<string, { ids: string[]; next?: string }>): Map<string, Route> {
  const map = new Map<string, Route>([
    [
      `${API}channels.json`,
      {
        json: {
          version: 1,
          title: '大众网',
          channels: [{ id: 'hot', title: '热点新闻', kind: 'section', feed_url: 'feeds/hot.json' }],
        },
      },
    ],
  ]);
  for (const [file, page] of Object.entries(pages)) {
    map.set(file.startsWith('https:') ? file : `${FEEDS}${file}`, {
      json: feedJson(page.ids, page.next),
    });
  }
  return map;
}

async function freshDataLayer(): Promise<{ data: DataLayer; hot: Channel }> {
  vi.resetModules();
  const data = await import('../../src/app/data/index');
  const hot = data.findChannel(await data.getDirectory(), 'hot');
  if (!hot) throw new Error('no channel hot');
  return { data, hot };
}

/** Opens 「+更多」 as long as the data layer offers it (at most `limit` times). */
async function openAll(data: DataLayer, hot: Channel, limit = 10): Promise<string[]> {
  await data.getChannelPage('hot');
  for (let i = 0; i < limit; i++) {
    const next = data.nextPageOf(hot, data.peekChannelPages('hot'));
    if (!next) break;
    await data.getChannelPage('hot', next);
  }
  return data.peekChannelPages('hot').map((page) => page.url);
}

const pageRequests = () =>
  requests.filter((r) => r.url.includes('/feeds/')).map((request) => request.url);

function start(pages: Record<string, { ids: string[]; next?: string }>): void {
  routes = api(pages);
  const net = fakeNetwork(routes);
  requests = net.requests;
  stubPageGlobals({
    url: `${ORIGIN}/channel/hot`,
    fetch: net.fetch,
    indexedDB: new IDBFactory(),
    onLine: () => true,
  });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
}

beforeEach(() => start({}));
afterEach(restorePageGlobals);

describe('「+更多」', () => {
  it('offers the next page of a healthy chain, and none after the last', async () => {
    start({ 'hot.json': { ids: ['a'], next: 'hot-2.json' }, 'hot-2.json': { ids: ['b'] } });
    const { data, hot } = await freshDataLayer();
    expect(await openAll(data, hot)).toEqual([`${FEEDS}hot.json`, `${FEEDS}hot-2.json`]);
    expect(data.nextPageOf(hot, data.peekChannelPages('hot'))).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([['hot.json#top'], ['./hot.json?']])(
    'is not offered when the first page names itself as %s',
    async (next) => {
      start({ 'hot.json': { ids: ['a'], next } });
      const { data, hot } = await freshDataLayer();
      expect(await openAll(data, hot)).toEqual([`${FEEDS}hot.json`]);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/loop/));
    },
  );

  it('ends at a loop across pages (1 → 2 → 1), each page fetched once', async () => {
    start({
      'hot.json': { ids: ['a'], next: 'hot-2.json' },
      'hot-2.json': { ids: ['b'], next: 'hot.json#again' },
    });
    const { data, hot } = await freshDataLayer();
    expect(await openAll(data, hot)).toEqual([`${FEEDS}hot.json`, `${FEEDS}hot-2.json`]);
    expect(pageRequests()).toEqual([`${FEEDS}hot.json`, `${FEEDS}hot-2.json`]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('is not offered for a next_url on another origin; the pages so far stay shown', async () => {
    start({
      'hot.json': { ids: ['a'], next: 'hot-2.json' },
      'hot-2.json': { ids: ['b'], next: 'https://evil.example/hot-3.json' },
      'https://evil.example/hot-3.json': { ids: ['evil'] },
    });
    const { data, hot } = await freshDataLayer();
    expect(await openAll(data, hot)).toEqual([`${FEEDS}hot.json`, `${FEEDS}hot-2.json`]);
    expect(requests.some((r) => r.url.startsWith('https://evil.example'))).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/evil\.example.*origin/));
  });

  it('keeps a page reached by a next_url with a fragment in the shown chain', async () => {
    start({ 'hot.json': { ids: ['a'], next: 'hot-2.json#list' }, 'hot-2.json': { ids: ['b'] } });
    const { data, hot } = await freshDataLayer();
    expect(await openAll(data, hot)).toEqual([`${FEEDS}hot.json`, `${FEEDS}hot-2.json`]);
  });
});

describe('the article lookup’s channel scan', () => {
  it('reads each page of a looping channel once and never leaves the feed’s origin', async () => {
    start({
      'hot.json': { ids: ['a'], next: 'hot-2.json' },
      'hot-2.json': { ids: ['b'], next: 'hot.json#again' },
    });
    const { data } = await freshDataLayer();
    expect(await data.getArticle('missing')).toBeUndefined();
    expect(pageRequests()).toEqual([`${FEEDS}hot.json`, `${FEEDS}hot-2.json`]);
  });

  it('does not follow a next_url to another origin', async () => {
    start({
      'hot.json': { ids: ['a'], next: 'https://evil.example/hot-2.json' },
      'https://evil.example/hot-2.json': { ids: ['missing'] },
    });
    const { data } = await freshDataLayer();
    expect(await data.getArticle('missing')).toBeUndefined();
    expect(requests.some((r) => r.url.startsWith('https://evil.example'))).toBe(false);
  });
});
