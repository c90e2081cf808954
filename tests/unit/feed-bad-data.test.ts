import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/feed/limits';
import { parseFeedPage } from '../../src/shared/feed/parse';
import { getArticleRecord, getChannelArticles, putFeedPage } from '../../src/shared/store/index';
import { renderBootArticle } from '../../src/sw/boot/render-article';
import { HOT_URL, feedDocument, feedItem } from './fixtures/feed/load';
import { closeStores, freshStore } from './store-fixtures';

/**
 * Odd data that real feeds contain, each case handled within the limits: a reader keeps every
 * article that has what an article needs, sees it sensibly, and nothing already stored is lost.
 */

afterEach(closeStores);

function parse(items: unknown[]) {
  return parseFeedPage(feedDocument(items), HOT_URL);
}

describe('bad data in a feed page', () => {
  it('keeps the first of ids repeated within a page and counts the rest as skipped', () => {
    const page = parse([feedItem('a'), feedItem('b'), feedItem('a', { title: '重复' })]);
    expect(page.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(page.items[0]?.title).toBe('标题 a');
    expect(page.skipped).toBe(1);
  });

  it('stores an id repeated across pages once, with its newer copy, listed once in the channel', async () => {
    const db = await freshStore();
    const first = parse([feedItem('a'), feedItem('b')]);
    const second = parseFeedPage(
      feedDocument([feedItem('a', { title: '标题 a（更新）' }), feedItem('c')]),
      HOT_URL.replace('hot.json', 'hot-2.json'),
    );
    await putFeedPage(db, 'hot', 0, first, {});
    await putFeedPage(db, 'hot', 1, second, {});
    expect((await getArticleRecord(db, 'a'))?.article.title).toBe('标题 a（更新）');
    const listed = await getChannelArticles(db, 'hot', { offset: 0, limit: 10 });
    expect(listed.map((article) => article.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('skips an item with no date of any kind, and keeps one dated in the future as dated', () => {
    const page = parse([
      feedItem('undated', { date_published: undefined }),
      feedItem('future', { date_published: '2099-01-01T08:00:00+08:00' }),
    ]);
    expect(page.items.map((item) => item.id)).toEqual(['future']);
    expect(page.items[0]?.datePublished).toBe('2099-01-01T08:00:00+08:00');
    expect(page.skipped).toBe(1);
  });

  it('reads a date with no zone as China Standard Time', () => {
    const [item] = parse([feedItem('a', { date_published: '2023-05-06T10:30:13' })]).items;
    expect(item && new Date(item.datePublished).toISOString()).toBe('2023-05-06T02:30:13.000Z');
  });

  it(`reads the first ${LIMITS.itemsPerPage} of 10,000 items and says why the rest were ignored`, () => {
    const items = Array.from({ length: 10_000 }, (_v, index) => feedItem(`n${index}`));
    const page = parse(items);
    expect(page.items).toHaveLength(LIMITS.itemsPerPage);
    expect(page.items.at(-1)?.id).toBe(`n${LIMITS.itemsPerPage - 1}`);
    expect(page.problems.join('\n')).toContain('ignored');
  });

  it('shortens a 1 MB headline to the limit, ending in …', () => {
    const [item] = parse([feedItem('long', { title: '长'.repeat(1_000_000) })]).items;
    expect(item?.title.length).toBeLessThanOrEqual(LIMITS.titleLength);
    expect(item?.title.endsWith('…')).toBe(true);
  });

  it('treats empty and whitespace-only fields as absent, and derives a headline', () => {
    const [item] = parse([
      feedItem('blank', {
        title: '   ',
        summary: '\n\t ',
        content_text: '正文第一句。第二句。',
        tags: ['', '  ', '济南'],
        authors: [{ name: '' }, { name: ' 记者 ' }],
        _news: { source: '', kicker: ' ', subtitles: ['', '副题'] },
      }),
    ]).items;
    expect(item?.title).toBe('正文第一句'); // A headline has no closing full stop.
    expect(item?.titleDerived).toBe(true);
    expect(item?.tags).toEqual(['济南']);
    expect(item?.authors).toEqual(['记者']);
    expect(item?.source).toBeUndefined();
    expect(item?.kicker).toBeUndefined();
    expect(item?.subtitles).toEqual(['副题']);
  });

  it('keeps mixed scripts and right-to-left text as written, and isolates the headline', () => {
    const title = 'مرحبا 济南 Hello שלום 123';
    const [item] = parse([feedItem('mixed', { title, content_text: `${title}。` })]).items;
    expect(item?.title).toBe(title);
    const html = item ? renderBootArticle(item, false) : '';
    expect(html).toMatch(/<h1[^>]*dir="auto"[^>]*>مرحبا 济南 Hello שלום 123<\/h1>/);
  });
});
