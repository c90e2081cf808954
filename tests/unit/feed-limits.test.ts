import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/feed/index';
import { LIMITS, parseFeedPage } from '../../src/shared/feed/index';
import { feedDocument, feedItem, HOT_URL } from './fixtures/feed/load';

function itemsFor(count: number, start = 0): unknown[] {
  return Array.from({ length: count }, (_, i) => feedItem(`item-${start + i}`));
}

/** The one problem reported for a page holding just `item`, or undefined when it was kept. */
function problemWith(item: unknown): string | undefined {
  const page = parseFeedPage(feedDocument([item]), HOT_URL);
  expect(page.items.length + page.skipped).toBe(1);
  return page.problems[0];
}

describe('a page with more items than the limit', () => {
  const page = parseFeedPage(feedDocument(itemsFor(LIMITS.itemsPerPage + 5)), HOT_URL);

  it(`keeps only the first ${LIMITS.itemsPerPage}`, () => {
    expect(page.items).toHaveLength(LIMITS.itemsPerPage);
    expect(page.items.at(-1)?.id).toBe(`item-${LIMITS.itemsPerPage - 1}`);
  });

  it('counts the rest as skipped and says so', () => {
    expect(page.skipped).toBe(5);
    expect(page.problems).toEqual([
      `items: 5 items past the first ${LIMITS.itemsPerPage} were ignored`,
    ]);
  });
});

describe('an over-long id skips its item: an id is required and must be usable as it is', () => {
  it('with the reason', () => {
    expect(problemWith(feedItem('長'.repeat(LIMITS.idLength + 1)))).toMatch(
      /id: longer than 256 characters$/,
    );
  });
});

describe('an item with an optional field over its limit is kept, the field shortened or dropped', () => {
  const long = (length: number): string => '长'.repeat(length);
  type Check = (article: Article) => unknown;
  const cases: [string, unknown, RegExp, Check, unknown][] = [
    [
      'title',
      feedItem('a', { title: long(LIMITS.titleLength + 1) }),
      /^items\.0 \(id "a"\): title: longer than 300 characters, shortened$/,
      (article) => [article.title.length, article.title.endsWith('…'), article.titleDerived],
      [LIMITS.titleLength, true, undefined],
    ],
    [
      'kicker',
      feedItem('a', { _news: { kicker: long(LIMITS.kickerLength + 1) } }),
      /_news\.kicker: longer than 200 characters, shortened/,
      (article) => article.kicker?.length,
      LIMITS.kickerLength,
    ],
    [
      'number of subtitles',
      feedItem('a', { _news: { subtitles: Array<string>(LIMITS.subtitles + 1).fill('副题') } }),
      /_news\.subtitles: more than 8 entries, the rest dropped/,
      (article) => article.subtitles.length,
      LIMITS.subtitles,
    ],
    [
      'one subtitle',
      feedItem('a', { _news: { subtitles: ['短', long(LIMITS.subtitleLength + 1)] } }),
      /_news\.subtitles\.1: longer than 200 characters, shortened/,
      (article) => article.subtitles.map((line) => line.length),
      [1, LIMITS.subtitleLength],
    ],
    [
      'summary',
      feedItem('a', { summary: long(LIMITS.summaryLength + 1) }),
      /summary: longer than 1000 characters, shortened/,
      (article) => [article.summary.length, article.summary.endsWith('…')],
      [LIMITS.summaryLength, true],
    ],
    [
      'content_html',
      feedItem('a', { content_html: `<p>${long(LIMITS.contentHtmlLength)}</p>` }),
      /content_html: longer than 200000 characters, cut/,
      (article) => article.text.length,
      LIMITS.contentHtmlLength - 3,
    ],
    [
      'content_text',
      feedItem('a', { content_text: long(LIMITS.contentTextLength + 1) }),
      /content_text: longer than 100000 characters, cut/,
      (article) => article.text.length,
      LIMITS.contentTextLength,
    ],
    [
      'number of authors',
      feedItem('a', {
        authors: Array.from({ length: LIMITS.authors + 1 }, () => ({ name: '作者' })),
      }),
      /authors: more than 20 entries, the rest dropped/,
      (article) => article.authors.length,
      LIMITS.authors,
    ],
    [
      'author name',
      feedItem('a', { authors: [{ name: long(LIMITS.authorNameLength + 1) }, { name: '刘兵' }] }),
      /authors\.0\.name: longer than 100 characters, dropped/,
      (article) => article.authors,
      ['刘兵'],
    ],
    [
      'number of tags',
      feedItem('a', { tags: Array<string>(LIMITS.tags + 1).fill('标签') }),
      /tags: more than 20 entries, the rest dropped/,
      (article) => article.tags.length,
      LIMITS.tags,
    ],
    [
      'tag',
      feedItem('a', { tags: [long(LIMITS.tagLength + 1), '数字经济'] }),
      /tags\.0: longer than 50 characters, dropped/,
      (article) => article.tags,
      ['数字经济'],
    ],
    [
      'url',
      feedItem('a', { url: `https://portal.example.cn/${'x'.repeat(LIMITS.urlLength)}` }),
      /url: longer than 2048 characters, dropped/,
      (article) => article.url,
      undefined,
    ],
    [
      'image',
      feedItem('a', { image: `/${'x'.repeat(LIMITS.urlLength)}` }),
      /image: longer than 2048 characters, dropped/,
      (article) => article.image,
      undefined,
    ],
    [
      'source',
      feedItem('a', { _news: { source: long(LIMITS.sourceLength + 1) } }),
      /_news\.source: longer than 100 characters, shortened/,
      (article) => article.source?.length,
      LIMITS.sourceLength,
    ],
    [
      'editor',
      feedItem('a', { _news: { editor: long(LIMITS.sourceLength + 1) } }),
      /_news\.editor: longer/,
      (article) => article.editor?.length,
      LIMITS.sourceLength,
    ],
    [
      'credit',
      feedItem('a', { _news: { credit: long(LIMITS.creditLength + 1) } }),
      /_news\.credit: longer/,
      (article) => article.credit?.length,
      LIMITS.creditLength,
    ],
    [
      'image alt',
      feedItem('a', { image: 'a.png', _news: { image_alt: long(LIMITS.imageAltLength + 1) } }),
      /_news\.image_alt: longer/,
      (article) => article.image?.alt.length,
      LIMITS.imageAltLength,
    ],
    [
      'language',
      feedItem('a', { language: 'x'.repeat(LIMITS.languageLength + 1) }),
      /language: longer than 35 characters, dropped/,
      (article) => article.language,
      undefined,
    ],
  ];

  it.each(cases)(
    'when its %s is too long, and counts the repair',
    (_, item, reason, check, expected) => {
      const page = parseFeedPage(feedDocument([item]), HOT_URL);
      expect(page.skipped).toBe(0);
      expect(page.repaired).toBe(1);
      expect(page.repairs).toEqual([expect.stringMatching(reason)]);
      const [article] = page.items;
      if (!article) throw new Error('the item was not kept');
      expect(check(article)).toEqual(expected);
    },
  );

  it('while a field exactly at its limit is kept as it is, with nothing repaired', () => {
    const title = long(LIMITS.titleLength);
    const page = parseFeedPage(feedDocument([feedItem('a', { title })]), HOT_URL);
    expect(page.items[0]?.title).toBe(title);
    expect(page.repaired).toBe(0);
    expect(page.repairs).toEqual([]);
  });

  it('after trimming: surrounding whitespace does not count', () => {
    expect(problemWith(feedItem('a', { title: ` ${long(LIMITS.titleLength)} ` }))).toBeUndefined();
  });

  it('and a resolved URL that grows past the limit loses only that URL', () => {
    const page = parseFeedPage(
      feedDocument([feedItem('a', { image: `x${'y'.repeat(LIMITS.urlLength - 10)}` })]),
      HOT_URL,
    );
    expect(page.items[0]?.image).toBeUndefined();
  });
});

describe('problems are capped but the count is not', () => {
  it(`lists at most ${LIMITS.problems} problems while counting every skipped item`, () => {
    const broken = Array.from({ length: 50 }, (_, i) =>
      feedItem(`bad-${i}`, { date_published: 'yesterday' }),
    );
    const page = parseFeedPage(feedDocument([...broken, feedItem('good')]), HOT_URL);
    expect(page.skipped).toBe(50);
    expect(page.problems).toHaveLength(LIMITS.problems);
    expect(page.items.map((item) => item.id)).toEqual(['good']);
  });
});

describe('hostile nesting cannot exhaust the stack', () => {
  it('flattens 4,000 nested divs, quotes and emphases and keeps the text', () => {
    const depth = 4_000;
    const html = `${'<div><blockquote><b>'.repeat(depth)}深处${'</b></blockquote></div>'.repeat(depth)}`;
    expect(html.length).toBeLessThan(LIMITS.contentHtmlLength);
    const item = feedItem('deep', { content_html: html });
    const page = parseFeedPage(feedDocument([item]), HOT_URL);
    expect(page.items[0]?.text).toBe('深处');
  });
});

describe('docs/feed-format.md', () => {
  const doc = readFileSync(new URL('../../docs/feed-format.md', import.meta.url), 'utf8');
  const documented = new Map(
    [...doc.matchAll(/^\| `(\w+)`\s*\| (\d+)/gm)].map((match) => [match[1], Number(match[2])]),
  );

  it.each(Object.entries(LIMITS))('states the limit %s as %i, like the code', (name, value) => {
    expect(documented.get(name)).toBe(value);
  });
});
