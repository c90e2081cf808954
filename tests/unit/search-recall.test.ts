import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/feed/types';
import { fieldTexts } from '../../src/shared/search/fields';
import type { SearchResponse } from '../../src/shared/search/index';
import { SearchEngine, foldString, maintainSearchIndex } from '../../src/shared/search/index';
import type { StoreDb } from '../../src/shared/store/index';
import { putFeedPage } from '../../src/shared/store/index';
import { demoArticles, indexingStore, singlePage, storeDemo } from './search-fixtures';
import { article, closeStores, pageUrl } from './store-fixtures';

/**
 * Recall on real text: the whole demo content (the seed article in full and
 * every generated story) stored as the service worker stores it, plus a few
 * articles for the cases the demo text lacks. Every query's results are
 * compared with a brute-force scan of the folded text.
 */

const SEED = 'seed-271a4622fc35748e';

const extras: Article[] = [
  article('meng', { title: '网友：看完直接懵逼了', text: '这个结局让人懵逼了好一阵。' }),
  article('fullwidth', {
    title: '新型号发布',
    text: '型号ＡＢＣ１２３今日上市，２０２３年首发。',
    datePublished: '2023-05-01T09:00:00+08:00',
  }),
  article('halfwidth', {
    title: '老型号回顾',
    text: '型号abc123曾是爆款。',
    datePublished: '2023-04-01T09:00:00+08:00',
  }),
  article('fiveg', {
    title: '全市5G网络覆盖所有乡镇',
    text: '截至2023年底，5G基站超过一万个。',
    datePublished: '2023-05-05T09:00:00+08:00',
  }),
  article('lu', {
    title: '齐鲁大地春意浓',
    text: '鲁中山区的樱桃熟了。',
    kicker: '魯菜飘香',
    datePublished: '2023-05-04T09:00:00+08:00',
  }),
  article('traditional', {
    title: '東營黃河口生態旅遊',
    text: '東營的濕地迎來候鳥。',
    datePublished: '2023-05-03T09:00:00+08:00',
  }),
];

let db: StoreDb;
let engine: SearchEngine;
let corpus: { id: string; folded: string; channelIds: Set<string> }[];

beforeAll(async () => {
  db = await indexingStore();
  await storeDemo(db);
  await putFeedPage(db, 'extras', 0, singlePage(pageUrl('extras'), extras), {});
  // Merged as the service worker would after syncing; queries must not care.
  await maintainSearchIndex(db);
  engine = new SearchEngine(db);
  const all = [...(await demoArticles()), ...extras];
  const stored = await Promise.all(all.map((a) => db.get('articles', a.id)));
  corpus = all.map((a, i) => ({
    id: a.id,
    folded: foldString(fieldTexts(a).join('\n')),
    channelIds: new Set(stored[i]?.channelIds ?? []),
  }));
}, 120_000);

afterAll(closeStores);

/** Ids of every article whose folded text has every phrase of `query`. */
function expected(query: string, channelId?: string): string[] {
  const phrases = query.split(/\s+/u).filter(Boolean).map(foldString);
  return corpus
    .filter((entry) => phrases.every((phrase) => entry.folded.includes(phrase)))
    .filter((entry) => channelId === undefined || entry.channelIds.has(channelId))
    .map((entry) => entry.id)
    .sort();
}

async function all(query: string, channelId?: string): Promise<SearchResponse> {
  return engine.search({ query, limit: 10_000, ...(channelId !== undefined && { channelId }) });
}

const ids = (response: SearchResponse): string[] => response.hits.map((hit) => hit.articleId);
const marked = (response: SearchResponse): string[] =>
  response.hits.flatMap((hit) =>
    [...hit.title, ...hit.snippet].filter((part) => part.mark).map((part) => part.text),
  );

describe('recall on the seed article', () => {
  it.each(['数字强省', '周乃翔', '一网通揽', '爱山东', '长周乃翔', '强省建设工作推进会'])(
    '%s finds it, and exactly the articles that contain it',
    async (query) => {
      const response = await all(query);
      expect(ids(response)).toContain(SEED);
      expect([...ids(response)].sort()).toEqual(expected(query));
      expect(response.total).toBe(response.hits.length);
      expect(response.relaxed).toBe(false);
    },
  );

  it('ranks the article with the phrase in its headline first', async () => {
    const response = await engine.search({ query: '数字强省' });
    expect(response.hits[0]?.articleId).toBe(SEED);
    expect(response.hits[0]?.title.find((part) => part.mark)?.text).toBe('数字强省');
  });

  it('finds the seed by its source and authors', async () => {
    expect(ids(await all('大众日报 刘兵'))).toContain(SEED);
  });
});

describe('recall across the demo content', () => {
  it.each(['济南', '示例', '旅游', '5月', '张三', '2023', '春季文旅消费', '乡村 振兴'])(
    '%s finds exactly the articles that contain it',
    async (query) => {
      const response = await all(query);
      expect([...ids(response)].sort()).toEqual(expected(query));
      expect(response.total).toBe(expected(query).length);
    },
  );

  it('stays exact once its caches are full and evicting (hundreds of queries in one visit)', async () => {
    const chars = [...new Set(corpus.flatMap((entry) => [...entry.folded]))]
      .filter((char) => /\p{Script=Han}/u.test(char))
      .slice(0, 400);
    for (const char of chars) await engine.search({ query: char, limit: 3 });
    for (const query of ['济南', '数字强省', '春季文旅消费', '乡村 振兴']) {
      expect([...ids(await all(query))].sort()).toEqual(expected(query));
    }
  });

  it('filters by channel', async () => {
    const response = await all('示例', 'qingdao');
    expect(response.hits.length).toBeGreaterThan(0);
    expect([...ids(response)].sort()).toEqual(expected('示例', 'qingdao'));
    for (const hit of response.hits) expect(hit.channelIds).toContain('qingdao');
  });

  it('returns the best `limit` and counts them all', async () => {
    const response = await engine.search({ query: '示例', limit: 5 });
    expect(response.hits).toHaveLength(5);
    expect(response.total).toBe(expected('示例').length);
    expect(response.indexed).toBe(corpus.length);
    expect(response.pending).toBe(0);
  });
});

describe('what a Chinese reader expects', () => {
  it('finds 懵逼了 for 懵逼 (no word segmentation to get in the way)', async () => {
    const response = await all('懵逼');
    expect(ids(response)).toEqual(['meng']);
    expect(marked(response)).toEqual(['懵逼', '懵逼']);
  });

  it('finds a single character: 鲁, in simplified and traditional writing', async () => {
    const response = await all('鲁');
    expect([...ids(response)].sort()).toEqual(expected('鲁'));
    expect(ids(response)).toContain('lu');
    expect(ids(await all('魯'))).toEqual(ids(response));
  });

  it('matches traditional text with a simplified query and back', async () => {
    const simplified = await all('东营的湿地');
    expect(ids(simplified)).toEqual(['traditional']);
    expect(ids(await all('東營的濕地'))).toEqual(['traditional']);
    expect(marked(simplified)).toContain('東營的濕地');
    expect([...ids(await all('东营'))].sort()).toEqual(expected('东营'));
    expect(ids(await all('东营'))).toContain('traditional');
  });

  it('matches full-width and half-width forms both ways, marking the text as written', async () => {
    const full = await all('ＡＢＣ１２３');
    const half = await all('abc123');
    expect([...ids(full)].sort()).toEqual(['fullwidth', 'halfwidth']);
    expect(ids(half)).toEqual(ids(full));
    expect(marked(half)).toEqual(expect.arrayContaining(['ＡＢＣ１２３', 'abc123']));
    expect(ids(await all('ABC123'))).toEqual(ids(full));
  });

  it('finds Latin letters and digits as words: 5G, 2023', async () => {
    const fiveG = await all('5G');
    expect(ids(fiveG)).toContain('fiveg');
    expect([...ids(fiveG)].sort()).toEqual(expected('5g'));
    expect([...ids(await all('5g网络'))].sort()).toEqual(expected('5g网络'));
    const year = await all('２０２３年');
    expect([...ids(year)].sort()).toEqual(expected('2023年'));
    expect(ids(year)).toEqual(expect.arrayContaining(['fiveg', 'fullwidth']));
  });

  it('offers articles with some of the phrases, marked as such, when none has them all', async () => {
    const response = await all('数字强省 没有这个词zzz');
    expect(response.relaxed).toBe(true);
    expect([...ids(response)].sort()).toEqual(expected('数字强省'));
  });

  it('never offers a few characters of a phrase that nothing contains', async () => {
    const response = await all('没有这样的新闻zzz');
    expect(response).toMatchObject({ total: 0, relaxed: false, hits: [] });
  });

  it('finds nothing for an empty or punctuation-only query', async () => {
    expect((await all('')).total).toBe(0);
    expect((await all('，。')).hits).toEqual([]);
  });
});
