import { describe, expect, it } from 'vitest';
import { htmlToBlocks, parseFeedPage, resolveHttpUrl } from '../../src/shared/feed/index';
import { feedDocument, feedItem, fixtureJson, HOT_URL } from './fixtures/feed/load';

describe('a URL in a document', () => {
  it.each([
    ['hot-2.json', 'https://news.example.com/api/feeds/hot-2.json'],
    ['../images/a.svg', 'https://news.example.com/api/images/a.svg'],
    ['/about', 'https://news.example.com/about'],
    ['//cdn.other.example/a.jpg', 'https://cdn.other.example/a.jpg'],
    ['http://portal.example.cn/a.html', 'http://portal.example.cn/a.html'],
    ['  https://portal.example.cn/a b.html  ', 'https://portal.example.cn/a%20b.html'],
    ['?page=2', 'https://news.example.com/api/feeds/hot.json?page=2'],
  ])('%s resolves against the document URL to %s', (value, expected) => {
    expect(resolveHttpUrl(value, HOT_URL)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['\u0001javascript:alert(1)'],
    [' vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['blob:https://news.example.com/0a1b'],
    ['mailto:editor@example.com'],
    ['ftp://files.example.com/a'],
    ['https://www.dzwww.com@evil.example/'],
    ['https://user:pass@portal.example.cn/'],
    ['http://[not-an-ip/'],
  ])('%j is refused', (value) => {
    expect(resolveHttpUrl(value, HOT_URL)).toBeUndefined();
  });
});

describe('a feed page resolves every URL against its own URL', () => {
  it('the next page, the lead image, the article link and links and images in the body', () => {
    const item = feedItem('a', {
      url: '/news/a.html',
      image: '../images/lead.svg',
      content_html: '<p><a href="../../news/b.html">下一篇</a></p><img src="img/c.png" alt="图">',
    });
    const page = parseFeedPage(feedDocument([item], { next_url: 'hot-2.json' }), HOT_URL);
    const [article] = page.items;
    expect(page.nextUrl).toBe('https://news.example.com/api/feeds/hot-2.json');
    expect(article?.url).toBe('https://news.example.com/news/a.html');
    expect(article?.image?.src).toBe('https://news.example.com/api/images/lead.svg');
    expect(article?.blocks).toEqual([
      { t: 'p', c: [{ t: 'a', href: 'https://news.example.com/news/b.html', c: ['下一篇'] }] },
      { t: 'figure', src: 'https://news.example.com/api/feeds/img/c.png', alt: '图' },
    ]);
  });

  it('so the same feed served from another origin points to that origin', () => {
    const url = 'https://cdn.other.example/v2/feeds/hot.json';
    const page = parseFeedPage(fixtureJson('hot.json'), url);
    expect(page.url).toBe(url);
    expect(page.nextUrl).toBe('https://cdn.other.example/v2/feeds/hot-2.json');
    expect(page.items[0]?.image?.src).toBe(
      'https://cdn.other.example/v2/images/seed-271a4622fc35748e.svg',
    );
    // An absolute item URL stays where it points.
    expect(page.items[0]?.url).toMatch(/^https:\/\/portal\.example\.cn\//);
  });

  it('except that a link to a fragment of the feed document itself stays plain text', () => {
    expect(htmlToBlocks('<a href="#top">回到顶部</a>', HOT_URL)).toEqual([
      { t: 'p', c: ['回到顶部'] },
    ]);
  });
});

describe('an image URL is one the page may load (img-src https: and the feed origin)', () => {
  const DOC = 'http://news.example/api/feeds/jinan.json';

  it('keeps https anywhere and http on the feed origin, drops http elsewhere', () => {
    const [figure, , dropped] = htmlToBlocks(
      '<img src="https://cdn.example/a.jpg" alt="甲"><p>x</p><img src="http://cdn.example/b.jpg" alt="乙">',
      DOC,
    );
    expect(figure).toMatchObject({ t: 'figure', src: 'https://cdn.example/a.jpg' });
    // A figure the page could not load keeps its text alternative, as text.
    expect(dropped).toEqual({ t: 'p', c: ['乙'] });
    expect(htmlToBlocks('<img src="/api/images/c.svg" alt="丙">', DOC)).toEqual([
      { t: 'figure', src: 'http://news.example/api/images/c.svg', alt: '丙' },
    ]);
  });

  it('drops a lead image on another http origin and counts the repair', () => {
    const page = parseFeedPage(
      feedDocument([
        feedItem('a', { image: '//beacon.example/x.jpg' }),
        feedItem('b', { image: '../images/b.svg' }),
      ]),
      DOC,
    );
    expect(page.items.map((item) => item.image?.src)).toEqual([
      undefined,
      'http://news.example/api/images/b.svg',
    ]);
    expect(page.repaired).toBe(1);
  });
});
