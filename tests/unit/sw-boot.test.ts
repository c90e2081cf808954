import type { Document, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseBootPrefs } from '../../src/shared/boot';
import type { Channel } from '../../src/shared/feed/types';
import { bootHomePage, bootListPage, bootPage } from '../../src/sw/boot/boot-page';
import { renderBootArticle } from '../../src/sw/boot/render-article';
import { article } from './store-fixtures';

const SHELL = `<!doctype html>
<html lang="zh-CN" dir="ltr">
  <head>
    <title>齐鲁轻读</title>
    <script type="module" crossorigin src="/assets/index-Ab1_c.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shell-Xy2.js">
  </head>
  <body>
    <div id="app"></div>
    <noscript>…</noscript>
  </body>
</html>`;

const PREFS = { rootAttributes: {}, noImages: false };

/** Parses `html` (entities decoded), to check structure rather than string details. */
function parse(html: string): Document {
  return parseDocument(html);
}

/**
 * Elements matching a tiny selector: `tag`, `.class` or `tag.class`, optionally
 * inside an ancestor matching `within` (same syntax).
 */
function all(root: Document, selector: string, within?: string): Element[] {
  const matches = (element: Element, sel: string): boolean => {
    const [tag, cls] = sel.split('.');
    const classes = (element.attribs.class ?? '').split(' ');
    return (!tag || element.name === tag) && (!cls || classes.includes(cls));
  };
  return DomUtils.findAll((element) => {
    if (!matches(element, selector)) return false;
    if (!within) return true;
    for (let up = element.parent; up && up.type === 'tag'; up = up.parent) {
      if (matches(up as Element, within)) return true;
    }
    return false;
  }, root.children);
}

function one(root: Document, selector: string, within?: string): Element | undefined {
  return all(root, selector, within)[0];
}

function text(element: Element | undefined): string | undefined {
  return element ? DomUtils.textContent(element) : undefined;
}

function attr(element: Element | undefined, name: string): string | undefined {
  return element?.attribs[name];
}

describe('the boot view of a stored article', () => {
  const seedLike = article('a1', {
    title: '数字强省建设 <script>alert(1)</script>',
    kicker: '引题 & 说明',
    subtitles: ['副题一', '副题二'],
    datePublished: '2023-05-06T10:30:13+08:00',
    source: '大众日报',
    authors: ['刘兵', '李子路'],
    editor: '阚金剑',
    credit: '（记者 刘兵）',
    url: 'https://example.com/a1',
    blocks: [
      {
        t: 'p',
        c: [
          '第一段',
          { t: 'strong', c: ['加粗'] },
          { t: 'a', href: 'javascript:alert(1)', c: ['坏链接'] },
        ],
      },
      { t: 'h', level: 2, c: ['小标题'] },
      { t: 'ul', items: [['甲'], ['乙']] },
      { t: 'quote', c: [{ t: 'p', c: ['引文'] }] },
      {
        t: 'figure',
        src: 'https://example.com/x.svg',
        alt: '图"说',
        caption: ['图注'],
        width: 640,
        height: 360,
      },
      {
        t: 'p',
        c: [
          '<img src=x onerror=alert(1)>',
          { t: 'a', href: 'https://example.com/ok', c: ['好链接'] },
        ],
      },
    ],
  });

  it('escapes every text and attribute it writes', () => {
    const html = renderBootArticle(seedLike, false);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    const doc = parse(renderBootArticle(seedLike, false));
    expect(all(doc, 'script')).toHaveLength(0);
    expect(all(doc, 'img')).toHaveLength(1);
    expect(text(one(doc, 'h1'))).toBe('数字强省建设 <script>alert(1)</script>');
    expect(attr(one(doc, 'img'), 'alt')).toBe('图"说');
  });

  it('keeps only web links; others become plain text', () => {
    const doc = parse(renderBootArticle(seedLike, false));
    const hrefs = all(doc, 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(['https://example.com/ok', 'https://example.com/a1']);
    expect(DomUtils.textContent(doc)).toContain('坏链接');
    for (const link of all(doc, 'a')) expect(attr(link, 'rel')).toBe('noopener noreferrer');
  });

  it("has the article page's headline block, metadata and body structure", () => {
    const doc = parse(renderBootArticle(seedLike, false));
    expect(text(one(doc, '.kicker', '.article-head'))).toBe('引题 & 说明');
    expect(all(doc, '.subtitle').map(text)).toEqual(['副题一', '副题二']);
    const terms = all(doc, 'dt', 'dl.article-meta').map(text);
    expect(terms).toEqual(['发布时间', '来源', '作者', '责任编辑']);
    const time = one(doc, 'time', 'dl');
    expect(attr(time, 'datetime')).toBe('2023-05-06T10:30:13+08:00');
    expect(text(time)).toBe('2023-05-06 10:30:13');
    expect(text(one(doc, 'h2', '.article-body'))).toBe('小标题');
    expect(all(doc, 'li', 'ul')).toHaveLength(2);
    expect(text(one(doc, 'p', 'blockquote'))).toBe('引文');
    const img = one(doc, 'img', 'figure');
    expect([attr(img, 'width'), attr(img, 'height')]).toEqual(['640', '360']);
    expect(attr(img, 'loading')).toBe('lazy');
    expect(text(one(doc, 'figcaption'))).toBe('图注');
    expect(text(one(doc, '.credit'))).toBe('（记者 刘兵）');
  });

  it("in 无图 mode writes the figure's text instead of the image", () => {
    const doc = parse(renderBootArticle(seedLike, true));
    expect(all(doc, 'img')).toHaveLength(0);
    expect(text(one(doc, '.body-figure__alt'))).toBe('图片：图"说');
    expect(text(one(doc, 'figcaption'))).toBe('图注');
  });

  it("goes after the app's mount point, with the settings on <html> and the title in the tab", () => {
    const prefs = parseBootPrefs({
      rootAttributes: { 'data-theme': 'dark', 'data-text-size': '200' },
      noImages: false,
    });
    const html = bootPage(SHELL, seedLike, prefs);
    expect(html).toBeDefined();
    const doc = parse(html ?? '');
    const root = one(doc, 'html');
    expect(attr(root, 'lang')).toBe('zh-CN');
    expect(attr(root, 'class')).toBe('booting');
    expect(attr(root, 'data-theme')).toBe('dark');
    expect(attr(root, 'data-text-size')).toBe('200');
    expect(text(one(doc, 'title'))).toBe('数字强省建设 <script>alert(1)</script> - 齐鲁轻读');
    const app = all(doc, 'div').find((div) => attr(div, 'id') === 'app');
    expect(app?.children).toHaveLength(0);
    const boot = app ? DomUtils.nextElementSibling(app) : null;
    expect(boot ? attr(boot, 'id') : undefined).toBe('boot');
    expect(all(doc, 'h1', 'main')).toHaveLength(1);
    // The app starts after the first paint, through the loader, which is told the entry.
    const scripts = all(doc, 'script');
    expect(scripts.map((script) => attr(script, 'src'))).toEqual(['/boot-loader.js']);
    expect(attr(scripts[0], 'type')).toBe('module');
    expect(attr(scripts[0], 'data-qilu-entry')).toBe('/assets/index-Ab1_c.js');
    expect(all(doc, 'link').filter((link) => attr(link, 'rel') === 'modulepreload')).toEqual([]);
  });

  it('gives up (plain shell) when the shell is not the one it knows', () => {
    expect(bootPage(SHELL.replace(/<script[^>]*><\/script>/, ''), seedLike, PREFS)).toBe(undefined);
    expect(
      bootPage(SHELL.replace('<div id="app"></div>', '<div id="root"></div>'), seedLike, PREFS),
    ).toBe(undefined);
  });
});

describe("the worker's boot view of a stored channel", () => {
  const items = [
    article('jinan/1?x=<b>', {
      title: '济南 <img src=x onerror=alert(1)> 新闻',
      summary: '摘要 & 更多',
      image: { src: 'https://img.example.cn/a.jpg', alt: '' },
    }),
    article('jinan-2', { summary: '', image: { src: 'javascript:alert(1)', alt: '' } }),
    article('jinan-3'),
  ];

  it('lists the stored first page under the channel heading, as the page lists it', () => {
    const html = bootListPage(SHELL, '济南', items, PREFS);
    expect(html).toBeDefined();
    const doc = parse(html ?? '');
    expect(text(one(doc, 'title'))).toBe('济南 - 齐鲁轻读');
    expect(all(doc, 'h1', 'main').map(text)).toEqual(['济南']);
    const entries = all(doc, 'li.news-item', 'ul.news-list');
    expect(entries).toHaveLength(3);
    // The page's list markup (src/shared/view/news-item.tsx): headline link, time, summary.
    const links = all(doc, 'a', 'h2.news-item__title');
    expect(links.map((link) => attr(link, 'href'))).toEqual([
      `/article/${encodeURIComponent('jinan/1?x=<b>')}`,
      '/article/jinan-2',
      '/article/jinan-3',
    ]);
    // Feed text is text: the headline's markup is not markup here.
    expect(text(links[0])).toBe('济南 <img src=x onerror=alert(1)> 新闻');
    expect(all(doc, 'img', 'h2')).toEqual([]);
    expect(all(doc, 'time', 'p.news-item__meta').map((time) => attr(time, 'datetime'))).toEqual([
      '2023-05-06T10:30:13+08:00',
      '2023-05-06T10:30:13+08:00',
      '2023-05-06T10:30:13+08:00',
    ]);
    expect(all(doc, 'p.news-item__summary').map(text)).toEqual(['摘要 & 更多', '摘要 jinan-3']);
    // A web image is a thumbnail; a script URL is no image at all.
    const thumbs = all(doc, 'img.news-item__thumb');
    expect(thumbs.map((img) => attr(img, 'src'))).toEqual(['https://img.example.cn/a.jpg']);
    expect(attr(thumbs[0], 'alt')).toBe('');
    expect(attr(entries[0], 'class')).toBe('news-item news-item--thumb');
    expect(attr(entries[1], 'class')).toBe('news-item');
    // It starts the app after the first paint, like an article's.
    expect(all(doc, 'script').map((script) => attr(script, 'src'))).toEqual(['/boot-loader.js']);
    expect(attr(one(doc, 'html'), 'class')).toBe('booting');
  });

  it('shows no thumbnails under 省流量', () => {
    const doc = parse(bootListPage(SHELL, '济南', items, { ...PREFS, noImages: true }) ?? '');
    expect(all(doc, 'img')).toEqual([]);
    expect(all(doc, 'li.news-item--thumb')).toEqual([]);
  });

  it('gives up (plain shell) when the shell is not the one it knows', () => {
    expect(bootListPage(SHELL.replace('<div id="app"></div>', ''), '济南', items, PREFS)).toBe(
      undefined,
    );
  });
});

describe("the worker's boot view of the stored front page", () => {
  const channel = (id: string, title: string, kind: Channel['kind']): Channel => ({
    id,
    title,
    kind,
    feedUrl: `https://news.example.com/api/feeds/${id}.json`,
  });
  const withImage = (id: string) =>
    article(id, { image: { src: `https://img.example.cn/${id}.jpg`, alt: '' } });
  const content = {
    sections: [
      {
        channel: channel('hot', '热点新闻', 'section'),
        articles: Array.from({ length: 12 }, (_, n) => article(`hot-${n}`)),
      },
      {
        channel: channel('latest', '滚动', 'section'),
        articles: Array.from({ length: 12 }, (_, n) => article(`latest-${n}`)),
      },
      {
        channel: channel('photos', '图片新闻', 'section'),
        articles: [article('photo-0'), withImage('photo-1'), withImage('photo-2')],
      },
    ],
    cities: [channel('jinan', '济南', 'city'), channel('qingdao', '青岛', 'city')],
  };

  it('lays the sections out as the page does: lead story, timeline, picture cards, cities', () => {
    const doc = parse(bootHomePage(SHELL, content, PREFS) ?? '');
    expect(text(one(doc, 'title'))).toBe('齐鲁轻读 - 山东新闻离线阅读');
    expect(all(doc, 'h1', 'main').map(text)).toEqual(['齐鲁轻读']);
    expect(all(doc, 'h2', 'section').map(text)).toEqual([
      '热点新闻',
      '滚动',
      '图片新闻',
      '城市频道',
    ]);
    // 热点新闻: the lead story with its summary, then headlines, 8 in all.
    const lead = all(doc, 'li', 'ul.lead-list');
    expect(lead).toHaveLength(8);
    expect(attr(one(doc, 'a', 'li.lead-list__top'), 'class')).toBe('lead-list__headline');
    expect(text(one(doc, 'p.lead-list__summary'))).toBe('摘要 hot-0');
    // 滚动: 10 headlines with their times.
    expect(all(doc, 'time', 'ul.timeline')).toHaveLength(10);
    // 图片新闻: only the items with a picture, as cards.
    expect(all(doc, 'img', 'ul.gallery').map((img) => attr(img, 'src'))).toEqual([
      'https://img.example.cn/photo-1.jpg',
      'https://img.example.cn/photo-2.jpg',
    ]);
    // Each section's 「+更多」 and the city grid link to the channels.
    expect(all(doc, 'a.more-link').map((link) => attr(link, 'aria-label'))).toEqual([
      '更多热点新闻',
      '更多滚动新闻',
      '更多图片新闻',
    ]);
    expect(all(doc, 'a', 'ul.city-grid').map((link) => attr(link, 'href'))).toEqual([
      '/channel/jinan',
      '/channel/qingdao',
    ]);
  });

  it('keeps the picture cards’ captions and drops the pictures under 省流量', () => {
    const doc = parse(bootHomePage(SHELL, content, { ...PREFS, noImages: true }) ?? '');
    expect(all(doc, 'img')).toEqual([]);
    expect(all(doc, 'a', 'ul.gallery--text').map(text)).toEqual(['标题 photo-1', '标题 photo-2']);
  });
});

describe('the mirrored settings the worker reads', () => {
  it('keeps data-* attributes with string values and drops the rest', () => {
    expect(
      parseBootPrefs({
        rootAttributes: {
          'data-theme': 'dark',
          'data-x" onload="alert(1)': 'y',
          onclick: 'alert(1)',
          'data-size': 200,
        },
        noImages: 'yes',
      }),
    ).toEqual({ rootAttributes: { 'data-theme': 'dark' }, noImages: false });
  });

  it('drops values that would need escaping inside an attribute', () => {
    expect(
      parseBootPrefs({
        rootAttributes: { 'data-theme': '"><script>alert(1)</script>', 'data-text-size': '200' },
        noImages: true,
      }),
    ).toEqual({ rootAttributes: { 'data-text-size': '200' }, noImages: true });
  });

  it('reads garbage as the defaults', () => {
    for (const value of [null, 'x', 42, [], { rootAttributes: 'x' }]) {
      expect(parseBootPrefs(value)).toEqual({ rootAttributes: {}, noImages: false });
    }
  });
});
