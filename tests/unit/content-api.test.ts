import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContentApi, loadAllArticles } from '../../content/lib/api';
import type { ApiFile } from '../../content/lib/api';
import { normaliseChinesePunctuation } from '../../content/lib/punctuation';
import {
  blocksToText,
  inlinesToText,
  parseChannelDirectory,
  parseFeedPage,
} from '../../src/shared/feed/index';
import type { Article, ChannelDirectory, FeedPage } from '../../src/shared/feed/index';

/**
 * The content build's output, read the way the app reads it: through the real
 * feed module (parseChannelDirectory / parseFeedPage), from a made-up origin.
 */

const BASE = 'https://reader.example/api/';
const SEED_ID = 'seed-271a4622fc35748e';
const CAPTURE = readFileSync(
  new URL('../../content/capture/000_271a4622fc35748e.txt', import.meta.url),
  'utf8',
);
const CAPTURE_LINES = CAPTURE.split('\n').map((line) => line.trim());

const CITIES = [
  ['jinan', '济南'],
  ['qingdao', '青岛'],
  ['zibo', '淄博'],
  ['zaozhuang', '枣庄'],
  ['dongying', '东营'],
  ['yantai', '烟台'],
  ['weifang', '潍坊'],
  ['jining', '济宁'],
  ['taian', '泰安'],
  ['weihai', '威海'],
  ['rizhao', '日照'],
  ['linyi', '临沂'],
  ['dezhou', '德州'],
  ['liaocheng', '聊城'],
  ['binzhou', '滨州'],
  ['heze', '菏泽'],
] as const;

interface ChannelRead {
  readonly pages: FeedPage[];
  readonly files: string[];
  readonly items: Article[];
}

let files: Map<string, ApiFile>;
let directory: ChannelDirectory;
const channels = new Map<string, ChannelRead>();

function file(path: string): ApiFile {
  const f = files.get(path);
  if (!f) throw new Error(`no API file ${path}`);
  return f;
}

/** Follows a channel's next_url chain from its first page, as the app's 「+更多」 does. */
function readChannel(feedUrl: string): ChannelRead {
  const pages: FeedPage[] = [];
  const seen: string[] = [];
  let url: string | undefined = feedUrl;
  while (url !== undefined) {
    if (seen.includes(url) || seen.length > 50) throw new Error(`next_url loop at ${url}`);
    seen.push(url);
    expect(url.startsWith(BASE)).toBe(true);
    const page = parseFeedPage(JSON.parse(file(url.slice(BASE.length)).body), url);
    pages.push(page);
    url = page.nextUrl;
  }
  return {
    pages,
    files: seen.map((u) => u.slice(BASE.length)),
    // One copy per id, as the app shows them: the first page overlaps the newest archive page.
    items: [...new Map(pages.flatMap((p) => p.items).map((a) => [a.id, a])).values()],
  };
}

/** The seed's body paragraphs: after the last subtitle, up to the credit line. */
function seedParagraphs(): string[] {
  const start = CAPTURE_LINES.indexOf('林武讲话 周乃翔主持 陆治原出席') + 1;
  const end = CAPTURE_LINES.findIndex((line) => line.startsWith('(大众日报客户端记者'));
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return CAPTURE_LINES.slice(start, end).filter(Boolean);
}

beforeAll(async () => {
  files = await buildContentApi();
  directory = parseChannelDirectory(JSON.parse(file('channels.json').body), `${BASE}channels.json`);
  for (const channel of directory.channels) channels.set(channel.id, readChannel(channel.feedUrl));
});

function channel(id: string): ChannelRead {
  const c = channels.get(id);
  if (!c) throw new Error(`no channel ${id}`);
  return c;
}

describe('channels.json', () => {
  it('lists the three sections and then the 16 cities, in the portal order', () => {
    const expected = [
      ['hot', '热点新闻', 'section'],
      ['latest', '滚动', 'section'],
      ['photos', '图片新闻', 'section'],
      ...CITIES.map(([id, title]) => [id, title, 'city']),
    ];
    expect(directory.title).toBe('大众网');
    expect(directory.channels.map((c) => [c.id, c.title, c.kind])).toEqual(expected);
    for (const c of directory.channels) expect(c.feedUrl).toBe(`${BASE}feeds/${c.id}.json`);
  });

  it('is served as JSON and feeds as JSON Feed', () => {
    expect(file('channels.json').contentType).toBe('application/json');
    for (const [path, f] of files) {
      if (path.startsWith('feeds/'))
        expect(f.contentType).toBe('application/feed+json; charset=utf-8');
      if (path.startsWith('images/')) expect(f.contentType).toBe('image/svg+xml');
    }
  });
});

describe('feed pages', () => {
  it('every document passes the feed module with nothing skipped', () => {
    let pages = 0;
    for (const [path, f] of files) {
      if (!path.startsWith('feeds/')) continue;
      const page = parseFeedPage(JSON.parse(f.body), BASE + path);
      expect(page.skipped, `${path}: ${page.problems.join('; ')}`).toBe(0);
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(19 * 2);
  });

  it('each channel has ≥ 25 items on pages of exactly 20, ending without next_url', () => {
    for (const c of directory.channels) {
      const { pages, items } = channel(c.id);
      expect(items.length, c.id).toBeGreaterThanOrEqual(25);
      expect(pages.length, c.id).toBe(Math.ceil(items.length / 20));
      pages.forEach((p) => expect(p.items).toHaveLength(20));
      expect(pages.at(-1)?.nextUrl).toBeUndefined();
      expect(pages.every((p) => p.title === c.title)).toBe(true);
    }
  });

  it('names pages <id>.json, then archives <id>-<n>.json down to 1, and emits no page outside a chain', () => {
    const chained = new Set<string>();
    for (const c of directory.channels) {
      const names = channel(c.id).files;
      const archives = names.length - 1;
      names.forEach((name, i) =>
        expect(name).toBe(
          i === 0 ? `feeds/${c.id}.json` : `feeds/${c.id}-${archives - i + 1}.json`,
        ),
      );
      names.forEach((name) => chained.add(name));
    }
    const emitted = [...files.keys()].filter((path) => path.startsWith('feeds/'));
    expect(new Set(emitted)).toEqual(chained);
  });

  it('uses relative next_url values and the JSON Feed 1.1 header fields', () => {
    const raw = JSON.parse(file('feeds/latest.json').body) as Record<string, unknown>;
    const archives = channel('latest').files.length - 1;
    expect(archives).toBeGreaterThan(0);
    expect(raw).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: '滚动',
      feed_url: 'latest.json',
      language: 'zh-CN',
      next_url: `latest-${archives}.json`,
    });
    expect(typeof raw.home_page_url).toBe('string');
  });

  it('lists items newest first, without repeats, in every channel', () => {
    for (const c of directory.channels) {
      const { items } = channel(c.id);
      const times = items.map((a) => Date.parse(a.datePublished));
      times.slice(1).forEach((t, i) => expect(t, c.id).toBeLessThanOrEqual(times[i] ?? 0));
      expect(new Set(items.map((a) => a.id)).size, c.id).toBe(items.length);
    }
  });

  it('illustrates at least a third of every channel, each image with alt text and a matching figure', () => {
    for (const c of directory.channels) {
      const { items } = channel(c.id);
      const illustrated = items.filter((a) => a.image !== undefined);
      expect(illustrated.length * 3, c.id).toBeGreaterThanOrEqual(items.length);
      for (const a of illustrated) {
        expect(a.image?.alt.length ?? 0, a.id).toBeGreaterThan(4);
        expect(a.image?.src).toMatch(/^https:\/\/reader\.example\/api\/images\/[a-z0-9-]+\.svg$/);
        const fig = a.blocks.find((b) => b.t === 'figure');
        expect(fig, a.id).toMatchObject({
          src: a.image?.src,
          alt: a.image?.alt,
          width: 640,
          height: 360,
        });
        expect(
          fig?.t === 'figure' && fig.caption && inlinesToText(fig.caption).length > 0,
          a.id,
        ).toBe(true);
      }
    }
  });

  it('puts only illustrated items in 图片新闻, and 滚动 is every article, newest first', async () => {
    expect(channel('photos').items.every((a) => a.image !== undefined)).toBe(true);
    const newest = (await loadAllArticles())
      .map((r) => r.datePublished)
      .sort((a, b) => Date.parse(b) - Date.parse(a));
    const latest = channel('latest').items;
    // 滚动 is every article, newest first, so that each one stays reachable through next_url.
    expect(latest).toHaveLength(newest.length);
    expect(latest.map((a) => a.datePublished)).toEqual(newest);
  });

  it('exercises the renderer: headings, lists, quotes, emphasis and external links appear', () => {
    const blocks = [...channels.values()].flatMap((c) => c.items.flatMap((a) => a.blocks));
    const kinds = new Set(blocks.map((b) => b.t));
    for (const kind of ['p', 'h', 'ul', 'quote', 'figure'])
      expect(kinds.has(kind as never), kind).toBe(true);
    const json = JSON.stringify(blocks);
    expect(json).toContain('"t":"strong"');
    expect(json).toContain('"t":"em"');
    expect(json).toMatch(/"t":"a","href":"https:\/\/www\.example\.com\//);
  });
});

describe('articles', () => {
  it('each id is one article with identical content in every channel it appears in', () => {
    const byId = new Map<string, string>();
    for (const [path, f] of files) {
      if (!path.startsWith('feeds/')) continue;
      for (const item of (JSON.parse(f.body) as { items: { id: string }[] }).items) {
        const json = JSON.stringify(item);
        const previous = byId.get(item.id);
        if (previous !== undefined) expect(json, `${item.id} in ${path}`).toBe(previous);
        byId.set(item.id, json);
      }
    }
    expect(byId.size).toBeGreaterThan(19 * 25);
  });

  it('marks every article except the seed as 示例内容', () => {
    for (const c of channels.values()) {
      for (const a of c.items) {
        if (a.id !== SEED_ID) expect(a.text, a.id).toContain('示例内容');
      }
    }
  });

  it('gives every article some metadata variety across the set (kicker, subtitles, source, authors, editor, credit)', () => {
    const all = [...channels.values()].flatMap((c) => c.items).filter((a) => a.id !== SEED_ID);
    expect(all.some((a) => a.kicker)).toBe(true);
    expect(all.some((a) => a.subtitles.length > 0)).toBe(true);
    expect(all.some((a) => a.source)).toBe(true);
    expect(all.some((a) => a.authors.length > 0)).toBe(true);
    expect(all.some((a) => a.editor)).toBe(true);
    expect(all.some((a) => a.credit)).toBe(true);
  });
});

describe('the seed article', () => {
  function seedIn(id: string): Article | undefined {
    return channel(id).items.find((a) => a.id === SEED_ID);
  }

  it('is in 热点新闻, 济南 and 滚动', () => {
    for (const id of ['hot', 'jinan', 'latest']) expect(seedIn(id), id).toBeDefined();
  });

  it('carries exactly the page metadata', () => {
    const seed = seedIn('jinan');
    expect(seed).toMatchObject({
      title: '山东省数字强省建设工作推进会召开',
      subtitles: [
        '加快推进数字强省建设',
        '以数字化赋能高质量发展',
        '林武讲话 周乃翔主持 陆治原出席',
      ],
      datePublished: '2023-05-06T10:30:13+08:00',
      source: '大众日报',
      authors: ['刘兵', '李子路', '房贤刚'],
      editor: '阚金剑',
      credit: '（大众日报客户端记者 刘兵 李子路 报道 摄影 房贤刚）',
      city: 'jinan',
    });
    expect(seed?.kicker).toBeUndefined();
    // The capture's metadata line says the same (with the capture's ASCII colons).
    expect(CAPTURE).toContain(
      '发布时间:2023-05-06 10:30:13 | 来源:大众日报 | 作者:刘兵 李子路 房贤刚 | 责任编辑:阚金剑',
    );
  });

  it('has every body paragraph of the page, verbatim up to full-width punctuation', () => {
    const expected = seedParagraphs().map(normaliseChinesePunctuation);
    expect(expected[0]?.startsWith('5月5日下午，')).toBe(true);
    expect(expected.at(-1)?.startsWith('会议以视频形式召开')).toBe(true);
    const seed = seedIn('hot');
    expect(seed?.blocks.every((b) => b.t === 'p')).toBe(true);
    expect(seed?.text).toBe(expected.join('\n'));
    expect(seed?.text).not.toMatch(/[,()]/);
    const raw = (
      JSON.parse(file('feeds/hot.json').body) as { items: { id: string; content_html: string }[] }
    ).items.find((item) => item.id === SEED_ID);
    expect(raw?.content_html).toBe(expected.map((p) => `<p>${p}</p>`).join(''));
    expect(blocksToText(seed?.blocks ?? [])).toBe(expected.join('\n'));
  });

  it('matches the shared seed capture when that folder is beside the repository', () => {
    const shared = new URL('../../../shared/seed/000_271a4622fc35748e.txt', import.meta.url);
    if (existsSync(shared)) expect(readFileSync(shared, 'utf8')).toBe(CAPTURE);
    expect(CAPTURE).toContain('山东省数字强省建设工作推进会召开');
  });
});

describe("the seed page's headlines", () => {
  const hotStart = CAPTURE_LINES.indexOf('滚动') + 1;
  const more = CAPTURE_LINES.indexOf('+更多');
  const hot = CAPTURE_LINES.slice(hotStart, more).filter(Boolean);
  const photos = [...new Set(CAPTURE_LINES.slice(more + 1).filter(Boolean))];
  const hotCities = [
    'weifang',
    'dezhou',
    'binzhou',
    'taian',
    'dezhou',
    'jinan',
    'weihai',
    'binzhou',
    'dezhou',
    'dezhou',
    'dezhou',
    'qingdao',
  ];
  const photoChannels = ['jinan', 'zaozhuang', 'latest', 'taian', 'jinan', 'qingdao'];

  function titles(id: string): string[] {
    return channel(id).items.map((a) => a.title);
  }

  it('reads the twelve 热点新闻 and six photo headlines from the capture', () => {
    expect(hot).toHaveLength(12);
    expect(photos).toHaveLength(6);
  });

  it('has each 热点新闻 headline, verbatim, in 热点新闻 and its city', () => {
    hot.forEach((title, i) => {
      expect(titles('hot'), title).toContain(title);
      expect(titles(hotCities[i] ?? ''), title).toContain(title);
    });
  });

  it('has each photo headline, verbatim and illustrated, in 图片新闻 and its channel', () => {
    photos.forEach((title, i) => {
      const item = channel('photos').items.find((a) => a.title === title);
      expect(item?.image, title).toBeDefined();
      expect(titles(photoChannels[i] ?? ''), title).toContain(title);
    });
  });
});

describe('images', () => {
  it('are small, text-free SVGs without scripts or external references', () => {
    const svgs = [...files].filter(([path]) => path.startsWith('images/'));
    expect(svgs.length).toBeGreaterThanOrEqual(25);
    for (const [path, f] of svgs) {
      expect(path).toMatch(/^images\/[a-z0-9-]+\.svg$/);
      expect(Buffer.byteLength(f.body), path).toBeLessThan(3 * 1024);
      expect(
        f.body.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"'),
      ).toBe(true);
      expect(f.body, path).not.toMatch(
        /<script|<text|<foreignObject|<image|<use|href\s*=|\son[a-z]+\s*=|url\((?!#)|@import|javascript:/i,
      );
    }
  });

  it('include every image the feeds reference', () => {
    for (const c of channels.values()) {
      for (const a of c.items) {
        if (a.image) expect(files.has(a.image.src.slice(BASE.length)), a.image.src).toBe(true);
      }
    }
  });
});

describe('determinism', () => {
  it('builds byte-identical files twice', async () => {
    const again = await buildContentApi();
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, f] of files) expect(again.get(path), path).toEqual(f);
  });
});
