import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { headlineFromText, shortenText } from '../../src/shared/feed/clean-text';
import { LIMITS, parseFeedPage } from '../../src/shared/feed/index';
import { readFeedDate } from '../../src/shared/feed/rfc3339';
import { putFeedPage } from '../../src/shared/store/index';
import { feedDocument, feedItem, HOT_URL } from './fixtures/feed/load';
import { closeStores, feedPage, freshStore, pageUrl } from './store-fixtures';

afterEach(() => closeStores());

/** The page parsed from `items`, in a JSON Feed 1.1 document. */
function pageOf(...items: unknown[]) {
  return parseFeedPage(feedDocument(items), HOT_URL);
}

describe('only an unusable required field skips an item', () => {
  it.each([
    ['no id', feedItem('a', { id: undefined }), /^items\.0: id: is missing$/],
    ['an empty id', feedItem('a', { id: ' ' }), /id: must not be empty/],
    ['an id that is an object', feedItem('a', { id: { x: 1 } }), /id: must be a string/],
    [
      'nothing to show',
      feedItem('a', { title: undefined, content_text: undefined }),
      /needs content_html, content_text, summary or title/,
    ],
    ['no date at all', feedItem('a', { date_published: undefined }), /date_published: is missing$/],
    [
      'no usable date of any kind',
      feedItem('a', { date_published: 'gestern', date_modified: 'tomorrow' }),
      /date_published: not an RFC 3339 date-time .*, and date_modified is no usable date either/,
    ],
    [
      'no title and a body that is nothing but script',
      feedItem('a', {
        title: undefined,
        content_text: undefined,
        content_html: '<script>x</script>',
      }),
      /the body is empty once unsafe markup is removed/,
    ],
  ])('%s', (_, item, reason) => {
    const page = pageOf(item);
    expect(page.items).toEqual([]);
    expect(page.skipped).toBe(1);
    expect(page.problems).toEqual([expect.stringMatching(reason)]);
  });

  it('an optional field of the wrong type is dropped and counted, the item kept', () => {
    const page = pageOf(
      feedItem('a', {
        image: 5,
        url: ['x'],
        tags: ['经济', 7, ''],
        authors: ['刘兵', { name: '李子路' }, { url: 'https://x.example/' }],
        language: false,
        _news: 'source',
      }),
    );
    expect(page.items[0]).toMatchObject({ tags: ['经济'], authors: ['李子路'], subtitles: [] });
    expect(page.items[0]?.image).toBeUndefined();
    expect(page.repairs).toEqual([
      'items.0 (id "a"): authors.0: not an object, dropped',
      'items.0 (id "a"): tags.1: not a string, dropped',
      'items.0 (id "a"): url: not a string, dropped',
      'items.0 (id "a"): language: not a string, dropped',
      'items.0 (id "a"): _news: not an object, dropped',
      'items.0 (id "a"): image: not a string, dropped',
    ]);
    expect(page.repaired).toBe(6);
  });

  it('an invalid _news.city is dropped and counted', () => {
    const page = pageOf(feedItem('a', { _news: { city: 'Jinan City' } }));
    expect(page.items[0]?.city).toBeUndefined();
    expect(page.repairs).toEqual(['items.0 (id "a"): _news.city: not a channel id, dropped']);
  });

  it(`repair reasons are capped at ${LIMITS.problems}, their count is not`, () => {
    const items = Array.from({ length: 30 }, (_, i) => feedItem(`t${i}`, { tags: 'x' }));
    const page = pageOf(...items);
    expect(page.items).toHaveLength(30);
    expect(page.repaired).toBe(30);
    expect(page.repairs).toHaveLength(LIMITS.problems);
  });

  it('the store passes the repair count on in the sync outcome, and leaves it out when zero', async () => {
    const db = await freshStore();
    const repaired = feedPage(pageUrl('jinan'), ['a'], { repaired: 2 });
    expect(await putFeedPage(db, 'jinan', 0, repaired, {})).toMatchObject({ repaired: 2 });
    const clean = await putFeedPage(db, 'qingdao', 0, feedPage(pageUrl('qingdao'), ['b']), {});
    expect(clean).not.toHaveProperty('repaired');
  });
});

describe('an over-long headline is shortened at a sensible boundary', () => {
  it('after punctuation in the last fifth, with 「…」', () => {
    const title = `${'山东'.repeat(130)}，${'数字强省'.repeat(20)}`;
    const [article] = pageOf(feedItem('a', { title })).items;
    expect(article?.title).toBe(`${'山东'.repeat(130)}，…`);
  });

  it('never inside a surrogate pair, an emoji sequence or a letter with its accent', () => {
    const family = '👨‍👩‍👧';
    for (const tail of ['𠮷𠮷𠮷𠮷', family.repeat(3), 'e\u0301'.repeat(6)]) {
      for (let max = 3; max < 12; max++) {
        const text = `${'a'.repeat(5)}${tail}`;
        const short = shortenText(text, max);
        const kept = short.slice(0, -1);
        expect(short.length).toBeLessThanOrEqual(max);
        const graphemes = [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
        const keptGraphemes = [...new Intl.Segmenter().segment(kept)].map((s) => s.segment);
        expect(graphemes.slice(0, keptGraphemes.length)).toEqual(keptGraphemes);
      }
    }
  });

  it('property: at most max units, a prefix of the text and whole graphemes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (text, max) => {
          const short = shortenText(text, max);
          if (text.length <= max) return short === text;
          const kept = short.slice(0, -1);
          const segments = (value: string): string[] =>
            [...new Intl.Segmenter().segment(value)].map((s) => s.segment);
          return (
            short.length <= max &&
            short.endsWith('…') &&
            text.startsWith(kept) &&
            segments(text).slice(0, segments(kept).length).join('') === kept
          );
        },
      ),
    );
  });
});

describe('JSON Feed 1.0 and the feeds of the real world', () => {
  it('reads a 1.0 document, its single author as authors', () => {
    const doc = {
      version: 'https://jsonfeed.org/version/1',
      title: 'micro.blog',
      items: [
        {
          id: 'https://micro.example/2018/01/05/a.html',
          content_html: '<p>今天济南下雪了。路上很滑，出门小心！</p>',
          date_published: '2018-01-05T08:00+08:00',
          author: { name: '王' },
        },
      ],
    };
    const page = parseFeedPage(doc, HOT_URL);
    expect(page.skipped).toBe(0);
    expect(page.items[0]).toMatchObject({
      title: '今天济南下雪了',
      titleDerived: true,
      authors: ['王'],
      datePublished: '2018-01-05T08:00:00+08:00',
    });
  });

  it('keeps all six items shaped like real ones', () => {
    const page = pageOf(
      feedItem('only-modified', {
        date_published: undefined,
        date_modified: '2023-05-06T09:00:00+08:00',
      }),
      feedItem('micro-post', {
        title: undefined,
        content_text: 'Snow in Jinan today. Careful out there!',
      }),
      feedItem('no-seconds', { date_published: '2018-01-05T08:00+08:00' }),
      feedItem('long-summary', { summary: '摘要'.repeat(600) }),
      feedItem('long-tag', { tags: ['t'.repeat(60), '济南'] }),
      feedItem('all-fine'),
    );
    expect(page.items.map((item) => item.id)).toEqual([
      'only-modified',
      'micro-post',
      'no-seconds',
      'long-summary',
      'long-tag',
      'all-fine',
    ]);
    expect(page.skipped).toBe(0);
    const [onlyModified, microPost] = page.items;
    expect(onlyModified).toMatchObject({
      datePublished: '2023-05-06T09:00:00+08:00',
      dateModified: '2023-05-06T09:00:00+08:00',
    });
    expect(microPost).toMatchObject({ title: 'Snow in Jinan today', titleDerived: true });
    expect(page.items[3]?.summary).toHaveLength(LIMITS.summaryLength);
    expect(page.items[4]?.tags).toEqual(['济南']);
    expect(page.repaired).toBe(3);
  });

  it('a bad date_published falls back to date_modified, and says so', () => {
    const page = pageOf(
      feedItem('a', {
        date_published: '2023-02-30T08:00:00+08:00',
        date_modified: '2023-03-01 08:00',
      }),
    );
    expect(page.items[0]?.datePublished).toBe('2023-03-01T08:00:00+08:00');
    expect(page.repairs).toEqual([
      'items.0 (id "a"): date_published: not a usable date, date_modified used',
    ]);
  });

  it('a headline given by the feed is not marked as derived', () => {
    expect(pageOf(feedItem('a')).items[0]).not.toHaveProperty('titleDerived');
  });

  it('a derived headline comes from content_html text, else the summary, shortened', () => {
    const long = pageOf(feedItem('a', { title: undefined, content_text: '很'.repeat(200) }))
      .items[0];
    expect(long?.title).toBe(`${'很'.repeat(LIMITS.derivedTitleLength - 1)}…`);
    const html = pageOf(
      feedItem('b', {
        title: undefined,
        content_text: undefined,
        content_html: '<p>“<b>第一句</b>”。第二句。</p>',
      }),
    ).items[0];
    expect(html?.title).toBe('第一句”');
    const figure = pageOf(
      feedItem('c', {
        title: undefined,
        content_text: undefined,
        content_html: '<img src="a.png" alt="会场全景">',
      }),
    ).items[0];
    expect(figure?.title).toBe('会场全景');
  });

  it('headlineFromText starts at the first letter or digit, and is empty without any', () => {
    expect(headlineFromText('「𠮷野家」开业了。', 40)).toBe('𠮷野家」开业了');
    expect(headlineFromText('…… ！', 40)).toBe('');
  });
});

describe('the date forms real feeds write', () => {
  it.each([
    ['2023-05-06T10:30:13+08:00', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06t02:30:13z', '2023-05-06T02:30:13Z'],
    ['2018-01-05T08:00+08:00', '2018-01-05T08:00:00+08:00'],
    ['2018-01-05 08:00:00+08:00', '2018-01-05T08:00:00+08:00'],
    ['2018-01-05 08:00:00 +0800', '2018-01-05T08:00:00+08:00'],
    ['2018-01-05T08:00:00-05', '2018-01-05T08:00:00-05:00'],
    ['2018-01-05T08:00:00', '2018-01-05T08:00:00+08:00'],
    ['2018-01-05 08:00', '2018-01-05T08:00:00+08:00'],
    ['2018-01-05', '2018-01-05T00:00:00+08:00'],
    ['2023-05-06T10:30:13.123456789Z', '2023-05-06T10:30:13.123456789Z'],
    [' 2023-05-06T10:30:13Z ', '2023-05-06T10:30:13Z'],
  ])('%s → %s', (value, expected) => {
    expect(readFeedDate(value)).toBe(expected);
  });

  it.each([
    ['30 February', '2023-02-30T08:00:00+08:00'],
    ['hour 24', '2023-05-06T24:00:00+08:00'],
    ['an offset of 25 hours', '2023-05-06T10:30:13+25:00'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['a timestamp', '1683340213'],
    ['prose', 'yesterday'],
    ['a number', 1683340213],
    ['a long string (capped before the regex runs)', `2023-05-06T10:30:13Z${' '.repeat(100)}x`],
  ])('refuses %s', (_, value) => {
    expect(readFeedDate(value)).toBeUndefined();
  });
});
