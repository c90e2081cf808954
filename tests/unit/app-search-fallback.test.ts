import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SearchEntry from '../../src/app/data/search/index';
import { restorePageGlobals, stubPageGlobals } from './app-page-fixtures';
import { feedDocument, feedItem } from './fixtures/feed/load';
import { fakeNetwork } from './sync-fixtures';

/**
 * Search on a device without IndexedDB (private mode, a blocked upgrade): the
 * page matches what it loaded by substring, folded like the offline index
 * folds (src/shared/search/normalize.ts), so 繁体 finds 简体 on this path too.
 * Runs the real data layer against a fake network.
 */

const ORIGIN = 'https://news.example.com';
const API = `${ORIGIN}/api/`;

/** A fresh copy of the data layer's search entry (its memory, no database). */
async function freshSearch(): Promise<typeof SearchEntry> {
  vi.resetModules();
  return import('../../src/app/data/search/index');
}

beforeEach(() => {
  const routes = new Map([
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
    [
      `${API}feeds/hot.json`,
      { json: feedDocument([feedItem('lu', { title: '山东鲁菜走向全国' }), feedItem('other')]) },
    ],
    [
      `${API}feeds/jinan.json`,
      {
        json: feedDocument([
          feedItem('spring', { title: '济南：泉城夜景', content_text: '趵突泉边游人如织。' }),
        ]),
      },
    ],
  ]);
  stubPageGlobals({
    url: `${ORIGIN}/search`,
    fetch: fakeNetwork(routes).fetch,
    indexedDB: undefined,
    onLine: () => true,
  });
  // "IndexedDB unavailable" is the point of these tests; keep the output quiet.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(restorePageGlobals);

describe('search without IndexedDB', () => {
  it('finds a simplified article with a traditional query', async () => {
    const search = await freshSearch();
    const result = await search.runSearch({ query: '濟南' });
    expect(result.source).toBe('loaded');
    expect(result.response.hits.map((hit) => hit.articleId)).toEqual(['spring']);
  });

  it('folds the text as well as the query: 魯 finds 鲁 in a title, 遊人 in the body', async () => {
    const search = await freshSearch();
    const title = await search.runSearch({ query: '魯菜' });
    expect(title.response.hits.map((hit) => hit.articleId)).toEqual(['lu']);
    const body = await search.runSearch({ query: '遊人' });
    expect(body.response.hits.map((hit) => hit.articleId)).toEqual(['spring']);
  });
});
