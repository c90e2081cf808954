import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { IngestError } from '../../src/ingest/errors';
import type { IngestItem } from '../../src/ingest/model';
import { readArticlePage } from '../../src/ingest/readers/article-page';
import { ingestErrorOf } from './ingest/helpers';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');

const PAGE_URL = 'https://www.example.com/qingdao/2023/0506/old-101.html';

function readItem(html: string, url = PAGE_URL): IngestItem {
  const doc = readArticlePage(html, url);
  expect(doc.kind).toBe('article-page');
  expect(doc.skipped).toEqual([]);
  expect(doc.items).toHaveLength(1);
  const [item] = doc.items;
  if (!item) throw new Error('no item');
  return item;
}

/** The body's paragraphs as text, to compare without depending on Readability's markup. */
function paragraphs(contentHtml: string | undefined): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml ?? ''}</body></html>`);
  return Array.from(document.querySelectorAll('p'))
    .map((p) => (p.textContent ?? '').trim())
    .filter(Boolean);
}

function noArticle(read: () => unknown): IngestError {
  const error = ingestErrorOf(read);
  expect(error.code).toBe('no-article');
  return error;
}

const page = (body: string, head = ''): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const LONG_PARAGRAPH =
  '　　记者从市交通部门获悉，新开通的公交线路连接城区和高铁站，全程约十八公里，沿途设置站点二十二个，首班车六点发车，末班车二十二点发车，方便市民出行。';

describe('readArticlePage: the portal layout', () => {
  const item = readItem(fixture('page-portal.html'));

  it('takes the h1 in the article as the headline, not <title> or the logo', () => {
    expect(item.title).toBe('青岛西海岸新区开通首条海上巴士航线');
  });

  it('takes 引题, 副题 and the metadata line', () => {
    expect(item).toMatchObject({
      kicker: '打造半小时通勤圈',
      subtitles: ['两岸码头间单程约二十五分钟'],
      datePublished: '2023-05-06T10:30:13+08:00',
      source: '大众日报',
      authors: ['张三'],
      editor: '李四',
      credit: '（大众日报客户端记者 张三 报道）',
      language: 'zh-CN',
      summary: '海上巴士航线连接新区两岸，单程约二十五分钟。',
    });
  });

  it('resolves the canonical URL and the lead image against the page', () => {
    expect(item.url).toBe('https://www.example.com/qingdao/2023/0506/example-101.html');
    expect(item.image).toBe('https://www.example.com/qingdao/2023/images/ferry-101.jpg');
    expect(item.imageAlt).toBe('海上巴士驶离码头');
  });

  it('keeps the body’s paragraphs and nothing else', () => {
    const body = paragraphs(item.contentHtml);
    expect(body).toHaveLength(4);
    expect(body[0]).toMatch(/^5月5日上午，青岛西海岸新区首条海上巴士航线正式开通运营。/);
    expect(body[3]).toMatch(/让市民和游客在海上看新区。$/);
    for (const chrome of [
      '首页',
      '搜索',
      '联系我们',
      '城市',
      '菏泽',
      '热点新闻',
      '夜间旅游公交',
      '滚动',
      '相关新闻',
      '+更多',
      '泉城夜景',
      '招聘信息',
      '网站无障碍',
      '发布时间',
      '打造半小时通勤圈',
      '两岸码头间',
      '大众日报客户端记者',
    ]) {
      expect(item.contentHtml).not.toContain(chrome);
    }
    expect(item.contentHtml).not.toContain('<h1');
  });
});

describe('readArticlePage: other layouts', () => {
  it('falls back to meta tags when there is no metadata line', () => {
    const item = readItem(
      fixture('page-meta-tags.html'),
      'https://news.example.org/somewhere-else.html',
    );
    expect(item).toMatchObject({
      title: '烟台海滨栈道完成春季修缮',
      url: 'https://news.example.org/yantai/2023/05/zhandao-202.html',
      datePublished: '2023-05-08T09:15:00+08:00',
      dateModified: '2023-05-08T11:20:00+08:00',
      authors: ['周明', '吴芳'],
      source: '大众网·烟台',
    });
    // Relative image URLs are resolved against <base href>, not the page URL.
    expect(item.image).toBe('https://news.example.org/yantai/2023/05/photos/zhandao-small.jpg');
    expect(item.imageAlt).toBe('修缮后的海滨栈道');
    expect(paragraphs(item.contentHtml)).toHaveLength(3);
    expect(item.contentHtml).not.toContain('招聘信息');
    expect(item.credit).toBeUndefined();
  });

  it('reads a full-width metadata line in another order, split into spans', () => {
    const item = readItem(fixture('page-fullwidth-meta.html'));
    expect(item).toMatchObject({
      title: '潍坊寿光蔬菜种业博览会开幕',
      datePublished: '2023-05-07T08:05:00+08:00',
      source: '潍坊日报',
      authors: ['王五', '赵六'],
      editor: '孙七',
      credit: '(潍坊日报记者 王五 通讯员 赵六)',
    });
  });

  it('drops a first body line repeating the headline and takes the 副题 under it', () => {
    const item = readItem(fixture('page-fullwidth-meta.html'));
    expect(item.subtitles).toEqual(['两千余个蔬菜新品种集中亮相']);
    const body = paragraphs(item.contentHtml);
    expect(body).toHaveLength(2);
    expect(body[0]).toMatch(/^5月7日，第十届蔬菜种业博览会在寿光开幕。/);
    expect(item.contentHtml).not.toContain('种业博览会开幕</');
    expect(item.contentHtml).not.toContain('两千余个蔬菜新品种集中亮相');
  });

  it('uses og:title without its site suffix when the page has no h1', () => {
    const item = readItem(
      page(
        `<div class="content"><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></div>`,
        '<title>别的标题_大众网</title><meta property="og:title" content="城区至高铁站公交线路开通 - 大众网">',
      ),
    );
    expect(item.title).toBe('城区至高铁站公交线路开通');
  });

  it('uses <title> without its suffixes as the last resort', () => {
    const item = readItem(
      page(
        `<p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p>`,
        '<title>公交线路开通_济南频道_大众网</title>',
      ),
    );
    expect(item.title).toBe('公交线路开通');
  });

  it('takes the date from <time datetime> and keeps only http(s) page URLs', () => {
    const html = page(
      `<article><h1>公交线路开通</h1><time datetime="2023-05-06T08:00:00+08:00">5月6日</time><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></article>`,
    );
    const item = readItem(html, 'file:///tmp/page.html');
    expect(item.datePublished).toBe('2023-05-06T08:00:00+08:00');
    expect(item.url).toBeUndefined();
    expect(readItem(html, 'https://example.com/a.html').url).toBe('https://example.com/a.html');
  });

  it('reads a fragment that is not a whole page', () => {
    const item = readItem(`<h1>公交线路开通</h1><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p>`);
    expect(item.title).toBe('公交线路开通');
    expect(paragraphs(item.contentHtml)).toHaveLength(2);
  });

  it('does not mistake a short article’s wrapper for its metadata line', () => {
    const item = readItem(
      page(
        `<div class="article"><h1>公交线路开通</h1><div class="box"><div class="info">来源:大众日报 | 作者:张三</div><div class="content"><p>${LONG_PARAGRAPH}</p></div></div></div>`,
      ),
    );
    expect(item.source).toBe('大众日报');
    expect(item.authors).toEqual(['张三']);
    expect(paragraphs(item.contentHtml)).toHaveLength(1);
  });
});

describe('readArticlePage: pages without an article', () => {
  it('refuses the portal’s 404 page', () => {
    noArticle(() => readArticlePage(fixture('page-404.html'), PAGE_URL));
  });

  it('refuses an index page of links', () => {
    noArticle(() => readArticlePage(fixture('page-index.html'), PAGE_URL));
  });

  it('refuses an empty page and a page of chrome alone', () => {
    noArticle(() => readArticlePage('', PAGE_URL));
    noArticle(() => readArticlePage('  \n', PAGE_URL));
    noArticle(() =>
      readArticlePage(
        page(
          '<header><a href="/">首页</a> <a href="/s">搜索</a></header><footer>招聘信息 | 版权声明 | 关于我们</footer>',
        ),
        PAGE_URL,
      ),
    );
  });
});

describe('readArticlePage on large input', () => {
  it('stays fast on deep nesting and many elements', () => {
    const deep = `${'<div>'.repeat(2000)}<p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p>${'</div>'.repeat(2000)}`;
    const many = `<h1>公交线路开通</h1>${`<p>${LONG_PARAGRAPH}</p>`.repeat(2000)}`;
    const lists = `${'<ul><li>项'.repeat(2000)}<p>${LONG_PARAGRAPH}</p>${'</li></ul>'.repeat(2000)}`;
    const start = performance.now();
    expect(paragraphs(readItem(page(deep)).contentHtml)).toHaveLength(2);
    readArticlePage(page(lists), PAGE_URL);
    expect(paragraphs(readItem(page(many)).contentHtml)).toHaveLength(2000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
