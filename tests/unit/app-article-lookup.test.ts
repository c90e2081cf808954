import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DataLayerModule from '../../src/app/data/index';
import { getArticleRecord as getStoredArticle } from '../../src/shared/store/index';
import { restorePageGlobals, stubPageGlobals } from './app-page-fixtures';
import { feedDocument, feedItem } from './fixtures/feed/load';
import type { RecordedRequest, Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

/**
 * The order in which the page's data layer looks for an article that is not
 * stored: its own document first (one request), the channel scan only when
 * that document is of no use. Runs the real data layer in the in-page path (no
 * service worker controls a Node "page"), against fake-indexeddb and a fake
 * network.
 */

const ORIGIN = 'https://news.example.com';
const API = `${ORIGIN}/api/`;
const DOC = `${API}articles/deep.json`;

type DataLayer = typeof DataLayerModule;

let routes: Map<string, Route>;
let requests: RecordedRequest[];
let onLine: boolean;

/** A small API: two channels, the article `deep` on the second page of 热点新闻 only. */
function publishedApi(): Map<string, Route> {
  return new Map<string, Route>([
    [
      `${API}channels.json`,
      {
        json: {
          version: 1,
          title: '大众网',
          channels: [
            { id: 'hot', title: '热点新闻', kind: 'section', feed_url: 'feeds/hot.json' },
            { id: 'jinan', title: '济南', kind: 'city', feed_url: 'feeds/jinan.json' },
          ],
        },
      },
    ],
    [`${API}feeds/hot.json`, { json: feedJson(['a', 'b'], 'hot-2.json') }],
    [`${API}feeds/hot-2.json`, { json: feedJson(['c', 'deep']) }],
    [`${API}feeds/jinan.json`, { json: feedJson(['a', 'j']) }],
    [DOC, { json: feedDocument([feedItem('deep', { _news: { city: 'jinan' } })]) }],
  ]);
}

/** A fresh copy of the data layer (its memory, its IndexedDB handle) over a fresh database. */
async function freshDataLayer(): Promise<DataLayer> {
  vi.resetModules();
  return import('../../src/app/data/index');
}

/** The database the data layer opened, for checking what it stored. */
async function dataLayerStore() {
  const { localDatabase } = await import('../../src/app/data/database');
  const db = await localDatabase();
  if (!db) throw new Error('the data layer has no IndexedDB');
  return db;
}

const feedRequests = () => requests.filter((request) => request.url.startsWith(`${API}feeds/`));

beforeEach(() => {
  routes = publishedApi();
  const net = fakeNetwork(routes);
  requests = net.requests;
  onLine = true;
  stubPageGlobals({
    url: `${ORIGIN}/article/deep`,
    fetch: net.fetch,
    indexedDB: new IDBFactory(),
    onLine: () => onLine,
  });
  // The info line of a missing document is expected here; keep the test output quiet.
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});

afterEach(restorePageGlobals);

describe('opening an article that is not stored', () => {
  it('asks for its own document first and never reads a channel page when it has the article', async () => {
    const data = await freshDataLayer();
    const found = await data.getArticle('deep');
    expect(found?.article.title).toBe('标题 deep');
    // Listed by no stored page: the route reads it "in" its city's channel.
    expect(found?.channelId).toBe('jinan');
    expect(requests[0]?.url).toBe(DOC);
    expect(requests.filter((request) => request.url === DOC)).toHaveLength(1);
    expect(feedRequests()).toEqual([]);

    // Stored like any article, so it opens again without the network.
    const stored = await getStoredArticle(await dataLayerStore(), 'deep');
    expect(stored?.article.title).toBe('标题 deep');
    expect(stored?.channelIds).toEqual([]);
    const again = await freshDataLayer();
    const before = requests.length;
    onLine = false;
    // Read in the same channel as online, for the same 相关新闻.
    expect(await again.getArticle('deep')).toMatchObject({
      article: { title: '标题 deep' },
      channelId: 'jinan',
    });
    expect(requests).toHaveLength(before);
  });

  it('falls back to the channel scan when the document is missing (404)', async () => {
    routes.delete(DOC);
    const data = await freshDataLayer();
    const found = await data.getArticle('deep');
    expect(found).toMatchObject({ article: { id: 'deep' }, channelId: 'hot' });
    expect(requests[0]?.url).toBe(DOC);
    expect(feedRequests().map((request) => request.url)).toContain(`${API}feeds/hot-2.json`);
  });

  it('falls back to the channel scan when the document is not valid JSON Feed', async () => {
    routes.set(DOC, { json: { version: 'https://jsonfeed.org/version/1', items: 'nope' } });
    const data = await freshDataLayer();
    expect(await data.getArticle('deep')).toMatchObject({
      article: { id: 'deep' },
      channelId: 'hot',
    });
    expect(requests[0]?.url).toBe(DOC);
    expect(feedRequests().length).toBeGreaterThan(0);
  });

  it('falls back to the channel scan when the document is not JSON at all', async () => {
    routes.set(DOC, { text: '<!doctype html><p>Not found</p>' });
    const data = await freshDataLayer();
    expect((await data.getArticle('deep'))?.channelId).toBe('hot');
  });

  it('falls back to the channel scan when the document does not hold the article, and stores none of its items', async () => {
    routes.set(DOC, { json: feedDocument([feedItem('someone-else')]) });
    const data = await freshDataLayer();
    expect(await data.getArticle('deep')).toMatchObject({
      article: { id: 'deep' },
      channelId: 'hot',
    });
    expect(await getStoredArticle(await dataLayerStore(), 'someone-else')).toBeUndefined();
  });

  it('falls back to the channel scan when the item with that id is invalid', async () => {
    routes.set(DOC, {
      json: feedDocument([feedItem('deep', { date_published: 'yesterday' })]),
    });
    const data = await freshDataLayer();
    const found = await data.getArticle('deep');
    expect(found?.channelId).toBe('hot');
    // The scan's copy, not the broken one.
    expect(found?.article.datePublished).toBe('2023-05-06T10:30:13+08:00');
  });

  it('says "not there" only after both the document and the scan found nothing', async () => {
    const data = await freshDataLayer();
    expect(await data.getArticle('nowhere')).toBeUndefined();
    expect(requests[0]?.url).toBe(`${API}articles/nowhere.json`);
    expect(feedRequests().map((request) => request.url)).toEqual(
      expect.arrayContaining([
        `${API}feeds/hot.json`,
        `${API}feeds/jinan.json`,
        `${API}feeds/hot-2.json`,
      ]),
    );
  });

  it('asks for the document at the id percent-encoded as by encodeURIComponent', async () => {
    const id = '济南/2023?a#b';
    routes.set(`${API}articles/${encodeURIComponent(id)}.json`, {
      json: feedDocument([feedItem(id)]),
    });
    const data = await freshDataLayer();
    expect((await data.getArticle(id))?.article.id).toBe(id);
    expect(requests[0]?.url).toBe(`${API}articles/%E6%B5%8E%E5%8D%97%2F2023%3Fa%23b.json`);
    expect(feedRequests()).toEqual([]);
  });

  it('without IndexedDB, reads the document from the network too, and still scans without it', async () => {
    vi.stubGlobal('indexedDB', undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = await freshDataLayer();
    expect((await data.getArticle('deep'))?.article.title).toBe('标题 deep');
    expect(requests[0]?.url).toBe(DOC);
    expect(feedRequests()).toEqual([]);

    routes.delete(`${API}articles/c.json`);
    expect((await data.getArticle('c'))?.channelId).toBe('hot');
    expect(requests.some((request) => request.url === `${API}articles/c.json`)).toBe(true);
    expect(feedRequests().length).toBeGreaterThan(0);
  });

  it('with no network though the browser says online, asks for the document only and says it was never downloaded', async () => {
    // "Lie-fi": navigator.onLine is true, yet no request gets an answer.
    for (const url of routes.keys()) routes.set(url, { unreachable: true });
    const data = await freshDataLayer();
    await expect(data.getArticle('deep')).rejects.toBeInstanceOf(data.NotDownloadedError);
    // Not one channel page: they would all fail the same way, one after another.
    expect(new Set(requests.map((request) => request.url))).toEqual(new Set([DOC]));
  });

  it('offline, asks for nothing and says it was never downloaded', async () => {
    onLine = false;
    const data = await freshDataLayer();
    await expect(data.getArticle('deep')).rejects.toBeInstanceOf(data.NotDownloadedError);
    expect(requests).toEqual([]);
  });
});
