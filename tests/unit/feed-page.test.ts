import { describe, expect, it } from 'vitest';
import { FeedError, parseFeedPage } from '../../src/shared/feed/index';
import {
  feedDocument,
  feedItem,
  fixtureJson,
  HOT_URL,
  shapeViolations,
} from './fixtures/feed/load';

/** The error parseFeedPage throws for `json`, or fails the test. */
function errorFor(json: unknown): FeedError {
  try {
    parseFeedPage(json, HOT_URL);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

describe('the hot feed modelled on the seed article', () => {
  const page = parseFeedPage(fixtureJson('hot.json'), HOT_URL);
  const [seed, textOnly, summaryOnly] = page.items;

  it('keeps all three items and skips none', () => {
    expect(page.items.map((item) => item.id)).toEqual([
      'seed-271a4622fc35748e',
      'portal-weifang-qipao',
      'portal-dezhou-vaccination',
    ]);
    expect(page.skipped).toBe(0);
    expect(page.problems).toEqual([]);
  });

  it('knows its own URL, its title and the absolute URL of the next page', () => {
    expect(page.url).toBe(HOT_URL);
    expect(page.title).toBe('热点新闻');
    expect(page.nextUrl).toBe('https://news.example.com/api/feeds/hot-2.json');
  });

  it('maps every field of the seed item, including the _news extension', () => {
    expect(seed).toMatchObject({
      id: 'seed-271a4622fc35748e',
      title: '山东省数字强省建设工作推进会召开',
      subtitles: [
        '加快推进数字强省建设',
        '以数字化赋能高质量发展',
        '林武讲话 周乃翔主持 陆治原出席',
      ],
      datePublished: '2023-05-06T10:30:13+08:00',
      dateModified: '2023-05-06T11:02:00+08:00',
      source: '大众日报',
      authors: ['刘兵', '李子路', '房贤刚'],
      editor: '阚金剑',
      credit: '（大众日报客户端记者 刘兵 李子路 报道 摄影 房贤刚）',
      url: 'https://portal.example.cn/shandong/2023/0506/271a4622fc35748e.html',
      image: {
        src: 'https://news.example.com/api/images/seed-271a4622fc35748e.svg',
        alt: '山东省数字强省建设工作推进会会场',
      },
      tags: ['数字强省', '数字经济'],
      language: 'zh-CN',
      city: 'jinan',
    });
    expect(seed?.summary).toMatch(/^5月5日下午，山东省数字强省建设工作推进会在济南召开。/);
  });

  it('leaves out optional fields the item does not have, rather than storing undefined', () => {
    expect(seed && 'kicker' in seed).toBe(false);
    expect(summaryOnly && Object.keys(summaryOnly).sort()).toEqual(
      [
        'authors',
        'blocks',
        'city',
        'datePublished',
        'id',
        'subtitles',
        'summary',
        'tags',
        'text',
        'title',
      ].sort(),
    );
  });

  it('turns the seed body into eight paragraphs and a captioned figure, without the indentation', () => {
    const blocks = seed?.blocks ?? [];
    expect(blocks.map((block) => block.t)).toEqual([
      'p',
      'p',
      'figure',
      'p',
      'p',
      'p',
      'p',
      'p',
      'p',
    ]);
    expect(blocks[0]).toEqual({
      t: 'p',
      c: [expect.stringMatching(/^5月5日下午，山东省数字强省建设工作推进会在济南召开。会议/)],
    });
    expect(blocks[2]).toEqual({
      t: 'figure',
      src: 'https://news.example.com/api/images/seed-271a4622fc35748e.svg',
      alt: '山东省数字强省建设工作推进会会场',
      width: 960,
      height: 540,
      caption: ['5月5日下午，山东省数字强省建设工作推进会在济南召开。'],
    });
    expect(shapeViolations(blocks)).toEqual([]);
  });

  it('gives the plain text one line per paragraph, with the caption but not the alt text', () => {
    const lines = seed?.text.split('\n') ?? [];
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatch(/^5月5日下午/);
    expect(lines[2]).toBe('5月5日下午，山东省数字强省建设工作推进会在济南召开。');
    expect(seed?.text).not.toContain('推进会会场');
    expect(lines[8]).toMatch(/^会议以视频形式召开/);
  });

  it('splits a content_text body into paragraphs at full-width indentation and keeps its kicker', () => {
    expect(textOnly?.kicker).toBe('小手艺 大舞台');
    expect(textOnly?.blocks).toEqual([
      { t: 'p', c: ['（示例内容）在潍坊的一间工作室里，旗袍手艺人正在裁剪布料。'] },
      { t: 'p', c: ['她说，学手艺没有早晚，50岁也能“发光”。'] },
    ]);
    expect(textOnly?.summary).toBe(
      '（示例内容）在潍坊的一间工作室里，旗袍手艺人正在裁剪布料。她说，学手艺没有早晚，50岁也能“发光”。',
    );
  });

  it('uses the summary as the body when an item has nothing else', () => {
    expect(summaryOnly?.blocks).toEqual([
      { t: 'p', c: ['（示例内容）德州市智慧接种门诊覆盖城乡，群众接种更便捷。'] },
    ]);
    expect(summaryOnly?.text).toBe('（示例内容）德州市智慧接种门诊覆盖城乡，群众接种更便捷。');
  });
});

describe('a feed page with broken items', () => {
  const page = parseFeedPage(fixtureJson('mixed-items.json'), HOT_URL);

  it('keeps the usable items in their order', () => {
    expect(page.items.map((item) => item.id)).toEqual([
      'good-1',
      'no-title',
      'empty-title',
      'no-offset',
      'no-body',
      'script-only',
      'bad-image',
      '42',
      'bad-tags',
      'good-2',
    ]);
  });

  it('skips and counts only the items with an unusable required field', () => {
    expect(page.skipped).toBe(3);
    expect(page.problems).toHaveLength(3);
  });

  it('says for each skipped item which one it was and what was wrong', () => {
    expect(page.problems).toEqual([
      expect.stringMatching(/^items\.3 \(id "feb-30"\): date_published: not an RFC 3339 date-time/),
      'items.6: not a JSON object',
      'items.7 (id "good-1"): duplicate id, the first one is kept',
    ]);
  });

  it('counts and explains every repair of a kept item', () => {
    expect(page.repairs).toEqual([
      'items.1 (id "no-title"): title: missing, derived from the text',
      'items.2 (id "empty-title"): title: missing, derived from the text',
      'items.8 (id "script-only"): content_html: nothing readable once unsafe markup is removed; kept for its title',
      'items.9 (id "bad-image"): url: not a usable http(s) URL, dropped',
      'items.9 (id "bad-image"): image: not a usable http(s) URL, dropped',
      'items.11 (id "bad-tags"): tags: not an array, dropped',
    ]);
    expect(page.repaired).toBe(6);
  });

  it('derives a headline from the text of an item without one, and says it did', () => {
    const item = page.items.find((article) => article.id === 'no-title');
    expect(item).toMatchObject({ title: '正文 no-title', titleDerived: true });
  });

  it('reads a date without a zone as China Standard Time', () => {
    const item = page.items.find((article) => article.id === 'no-offset');
    expect(item?.datePublished).toBe('2023-05-05T08:00:00+08:00');
  });

  it('keeps an item with a headline and no body, as a headline', () => {
    const item = page.items.find((article) => article.id === 'no-body');
    expect(item).toMatchObject({ title: '标题 no-body', blocks: [], text: '', summary: '' });
  });

  it('keeps the first of two items with the same id', () => {
    expect(page.items.find((item) => item.id === 'good-1')?.title).toBe('标题 good-1');
  });

  it('drops a lead image and a link that are not http(s) but keeps their item', () => {
    const item = page.items.find((article) => article.id === 'bad-image');
    expect(item?.image).toBeUndefined();
    expect(item?.url).toBeUndefined();
  });

  it('reads a numeric id as a string, as JSON Feed 1.1 asks', () => {
    expect(page.items.find((item) => item.id === '42')?.title).toBe('数字 id');
  });

  it('accepts a UTC date written with Z', () => {
    expect(page.items.at(-1)?.datePublished).toBe('2023-05-05T00:00:00Z');
  });
});

describe('items are read leniently where it costs nothing', () => {
  it('treats null optional fields as absent', () => {
    const item = feedItem('a', { image: null, summary: null, _news: null, tags: null });
    const page = parseFeedPage(feedDocument([item]), HOT_URL);
    expect(page.skipped).toBe(0);
    expect(page.items[0]?.tags).toEqual([]);
  });

  it('trims strings and upper-cases a lower-case RFC 3339 t and z', () => {
    const item = feedItem('a', { title: '  标题\n', date_published: ' 2023-05-06t02:30:13z ' });
    const [article] = parseFeedPage(feedDocument([item]), HOT_URL).items;
    expect(article?.title).toBe('标题');
    expect(article?.datePublished).toBe('2023-05-06T02:30:13Z');
  });

  it('derives a summary of at most 120 characters from a long body', () => {
    const body = '山东'.repeat(200);
    const [article] = parseFeedPage(
      feedDocument([feedItem('a', { content_text: body })]),
      HOT_URL,
    ).items;
    expect(Array.from(article?.summary ?? '')).toHaveLength(120);
    expect(article?.summary.endsWith('…')).toBe(true);
  });

  it('falls back to content_text when content_html has nothing readable', () => {
    const item = feedItem('a', { content_html: '<script>x()</script>', content_text: '正文' });
    expect(parseFeedPage(feedDocument([item]), HOT_URL).items[0]?.text).toBe('正文');
  });

  it('drops a next_url that points at the page itself, so paging cannot loop', () => {
    const page = parseFeedPage(feedDocument([], { next_url: 'hot.json' }), HOT_URL);
    expect(page.nextUrl).toBeUndefined();
  });

  it('never treats an id as a URL', () => {
    const page = parseFeedPage(feedDocument([feedItem('../feeds/x?y#z')]), HOT_URL);
    expect(page.items[0]?.id).toBe('../feeds/x?y#z');
  });

  it('skips an id with control characters', () => {
    const page = parseFeedPage(feedDocument([feedItem('a\u0000b')]), HOT_URL);
    expect(page.problems[0]).toMatch(/id: contains control characters/);
  });
});

describe('an invalid feed document is refused with a schema error', () => {
  const cases: [string, unknown, RegExp][] = [
    ['when it is not an object', 'hello', /must be a JSON object/],
    ['when it is an array', [feedItem('a')], /must be a JSON object/],
    [
      'when the version is neither JSON Feed 1.1 nor 1.0',
      { ...(feedDocument([]) as object), version: 'https://jsonfeed.org/version/2' },
      /version must be "https:\/\/jsonfeed\.org\/version\/1\.1"/,
    ],
    ['when the version is missing', { title: 't', items: [] }, /version/],
    [
      'when items is missing',
      { version: 'https://jsonfeed.org/version/1.1', title: 't' },
      /items: is missing/,
    ],
    [
      'when items is not an array',
      feedDocument([], { items: { 0: {} } }),
      /items must be an array/,
    ],
    ['when the title is missing', feedDocument([], { title: undefined }), /title: is missing/],
    [
      'when next_url is not http(s)',
      feedDocument([], { next_url: 'javascript:alert(1)' }),
      /next_url/,
    ],
  ];

  it.each(cases)('%s', (_, json, message) => {
    const error = errorFor(json);
    expect(error.code).toBe('schema');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(HOT_URL);
  });
});
