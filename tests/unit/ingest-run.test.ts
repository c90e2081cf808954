import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { articleDocumentPath } from '../../src/ingest/api/documents';
import { MANIFEST } from '../../src/ingest/api/write';
import type { FeedItem } from '../../src/ingest/pipeline/feed-item';
import { runIngest } from '../../src/ingest/run';
import type { SourceSpec } from '../../src/ingest/sources/list';
import { ContentStore } from '../../src/ingest/store/content-store';
import { parseFeedPage } from '../../src/shared/feed/index';
import { FIXTURES, generatedFeed, SEED_CAPTURE, treeHashes, treeTimes } from './ingest/helpers';

/**
 * The whole pipeline on real files: sources → store on disk → API on disk, read back the way
 * the app reads it (parseFeedPage).
 */

let dir = '';
let store = '';
let out = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qilu-ingest-'));
  store = path.join(dir, 'store');
  out = path.join(dir, 'api');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const source = (location: string, extra: Partial<SourceSpec> = {}): SourceSpec => ({
  location,
  kind: 'auto',
  ...extra,
});
const fixture = (name: string): SourceSpec => source(path.join(FIXTURES, name));

/** Every item of a channel, following next_url, each once, as the app shows them. */
async function channelItems(id: string): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let file: string | undefined = `feeds/${id}.json`;
  while (file) {
    const doc = JSON.parse(await readFile(path.join(out, file), 'utf8')) as {
      items: FeedItem[];
      next_url?: string;
    };
    // One copy per id, as the app keeps them (the first page overlaps the newest archive).
    for (const item of doc.items) if (!seen.has(item.id) && seen.add(item.id)) items.push(item);
    file = doc.next_url ? `feeds/${doc.next_url}` : undefined;
  }
  return items;
}

describe('ingest run', () => {
  it('turns the seed capture into exactly the seed article', async () => {
    await runIngest([source(SEED_CAPTURE)], { store, out });
    const [item] = await channelItems('latest');
    const seed = JSON.parse(
      readFileSync('content/articles/seed-271a4622fc35748e.json', 'utf8'),
    ) as Record<string, unknown>;
    expect(item).toMatchObject({
      title: seed.title,
      date_published: '2023-05-06T10:30:13+08:00',
      authors: (seed.authors as string[]).map((name) => ({ name })),
      _news: {
        subtitles: seed.subtitles,
        source: seed.source,
        editor: seed.editor,
        credit: seed.credit,
        city: 'jinan',
      },
    });
    expect(item?.content_html).toBe(
      (seed.paragraphs as string[]).map((p) => `<p>${p}</p>`).join(''),
    );
    expect((await channelItems('jinan')).map((i) => i.id)).toEqual([item?.id]);
  });

  it('merges the capture with the hand-written seed article under the seed file’s own id', async () => {
    const first = await runIngest([source(SEED_CAPTURE)], { store, out });
    expect(first.sources[0]?.added).toBe(1);
    const derived = (await channelItems('latest'))[0]?.id ?? '';
    expect(derived).not.toBe('seed-271a4622fc35748e');
    await runIngest([source(path.resolve('content/articles'), { kind: 'native' })], { store, out });
    const seeds = (await channelItems('latest')).filter(
      (i) => i.title === '山东省数字强省建设工作推进会召开',
    );
    expect(seeds.map((i) => i.id)).toEqual(['seed-271a4622fc35748e']);
    const files = await treeHashes(out);
    expect(files.has(articleDocumentPath('seed-271a4622fc35748e'))).toBe(true);
    expect(files.has(articleDocumentPath(derived))).toBe(false);
    expect((await channelItems('hot')).map((i) => i.id)).toContain('seed-271a4622fc35748e');
    // And again: nothing changes.
    const again = await runIngest(
      [source(SEED_CAPTURE), source(path.resolve('content/articles'), { kind: 'native' })],
      { store, out },
    );
    expect(again.sources.map((r) => r.added + r.updated)).toEqual([0, 0]);
  });

  it('changes nothing when the same sources are ingested again: 0 changed, byte-identical API', async () => {
    const sources = [
      source(SEED_CAPTURE),
      fixture('feed-rss.xml'),
      fixture('rss-gbk.xml'),
      fixture('feed-atom-xml-base.xml'),
      fixture('page-portal.html'),
      fixture('page-gb18030.html'),
      fixture('page-big5-http-equiv.html'),
    ];
    const first = await runIngest(sources, { store, out });
    expect(first.sources.every((s) => s.error === undefined)).toBe(true);
    expect(first.sources.reduce((n, s) => n + s.added, 0)).toBeGreaterThan(8);
    const hashes = await treeHashes(out);
    const times = await treeTimes(out);
    const storeHashes = await treeHashes(store);

    const second = await runIngest(sources, { store, out });
    expect(second.sources.map((s) => s.added + s.updated)).toEqual(sources.map(() => 0));
    expect(second.api?.written).toEqual([]);
    expect(await treeHashes(out)).toEqual(hashes);
    expect(await treeTimes(out)).toEqual(times);
    expect(await treeHashes(store)).toEqual(storeHashes);
  });

  it('makes an RSS item and its article page one article in both channels', async () => {
    const rss = path.join(dir, 'feed.xml');
    await writeFile(
      rss,
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>示例</title>
      <item><title>青岛西海岸新区开通首条海上巴士航线</title>
      <link>https://news.example.cn/qingdao/2023/0506/example-101.html</link>
      <pubDate>Sat, 06 May 2023 10:30:13 +0800</pubDate>
      <description>示例内容：海上巴士。</description></item></channel></rss>`,
    );
    const page = path.join(dir, 'page.html');
    // The portal page, served from its canonical URL's site.
    await writeFile(
      page,
      (await readFile(path.join(FIXTURES, 'page-portal.html'), 'utf8')).replace(
        'href="/qingdao/2023/0506/example-101.html"',
        'href="https://news.example.cn/qingdao/2023/0506/example-101.html"',
      ),
    );
    await runIngest([source(rss, { channel: 'hot' }), source(page)], { store, out });
    const hot = await channelItems('hot');
    const qingdao = await channelItems('qingdao');
    expect(hot).toHaveLength(1);
    expect(qingdao.map((i) => i.id)).toEqual(hot.map((i) => i.id));
    expect((await channelItems('latest')).length).toBe(1);
  });

  it('replaces an article by a copy with a newer date_modified, never by an older one', async () => {
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    const feed = (title: string, modified: string): string =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'x',
        items: [
          {
            id: 'x-1',
            url: 'https://news.example.cn/x/1.html',
            title,
            content_text: `示例内容：${title}`,
            date_published: '2024-01-01T08:00:00+08:00',
            date_modified: modified,
          },
        ],
      });
    await writeFile(a, feed('第一版', '2024-01-01T09:00:00+08:00'));
    await writeFile(b, feed('第二版', '2024-01-01T10:00:00+08:00'));
    await runIngest([source(a)], { store, out });
    const second = await runIngest([source(b)], { store, out });
    expect(second.sources[0]?.updated).toBe(1);
    expect((await channelItems('latest')).map((i) => i.title)).toEqual(['第二版']);
    await writeFile(b, feed('旧版', '2024-01-01T08:30:00+08:00'));
    const third = await runIngest([source(b)], { store, out });
    // Same source as the stored copy: a correction is taken as the source's word …
    expect(third.sources[0]?.updated).toBe(1);
    // … but an older copy from another source is not.
    await writeFile(a, feed('更旧的版本', '2024-01-01T08:10:00+08:00'));
    await runIngest([source(a)], { store, out });
    expect((await channelItems('latest')).map((i) => i.title)).toEqual(['旧版']);
  });

  it('stores nothing unsafe from hostile HTML, and the app reads it with nothing skipped', async () => {
    const file = path.join(dir, 'hostile.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'x',
        items: [
          {
            id: 'bad',
            title: '<img src=x onerror=alert(1)>示例内容',
            date_published: '2024-01-01T08:00:00+08:00',
            content_html:
              '<p onclick="alert(1)">示例内容<script>alert(1)</script><a href="javascript:alert(1)">链接</a>' +
              '<iframe src="https://evil.example/"></iframe><img src="x.png" onerror="alert(1)" alt="图"></p>' +
              '<style>body{display:none}</style><a href="https://ok.example/">好</a>',
          },
        ],
      }),
    );
    await runIngest([source(file)], { store, out });
    const raw = await readFile(path.join(out, 'feeds/latest.json'), 'utf8');
    const served = (JSON.parse(raw) as { items: FeedItem[] }).items[0];
    const stored = (
      await ContentStore.open(store, { readOnly: true }).then((s) => s.read(served?.id ?? ''))
    ).item;
    // The headline is plain text (shown as text, never parsed); the body is markup.
    for (const html of [served?.content_html, stored.content_html]) {
      expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<style|alert/i);
      expect(html).toContain('示例内容');
    }
    const page = parseFeedPage(JSON.parse(raw), 'https://reader.example/api/feeds/latest.json');
    expect(page.skipped).toBe(0);
    expect(page.items[0]?.title).toBe('<img src=x onerror=alert(1)>示例内容');
    expect(served?.content_html).toContain('<a href="https://ok.example/">好</a>');
  });

  it('refuses bad sources whole, names them, and keeps what is stored', async () => {
    await runIngest([fixture('feed-rss.xml')], { store, out });
    const before = await treeHashes(out);
    const bad = [
      'empty.txt',
      'binary.bin',
      'undecodable.txt',
      'feed-malformed.xml',
      'feed-billion-laughs.xml',
      'feed-not-a-feed.json',
      'page-404.html',
      'capture-no-article.txt',
    ];
    const summary = await runIngest([...bad.map(fixture), source(path.join(dir, 'missing.xml'))], {
      store,
      out,
    });
    expect(summary.sources.map((s) => s.error?.code)).toEqual([
      'empty',
      'binary',
      'charset',
      'malformed-xml',
      'entity-expansion',
      'not-a-feed',
      'no-article',
      'no-article',
      'unreachable',
    ]);
    for (const report of summary.sources) {
      expect(report.error?.message).toContain(path.basename(report.source));
      expect(report.error?.chinese).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await treeHashes(out)).toEqual(before);
    expect(summary.articles).toBe(3);
  });

  it('rewrites only what one new article changes, and keeps every article reachable', async () => {
    const feed = path.join(dir, 'gen.json');
    await writeFile(feed, generatedFeed(310));
    const first = await runIngest([source(feed, { channel: 'jinan' })], { store, out });
    expect(first.api?.full).toBe(true);
    expect(await channelItems('latest')).toHaveLength(310);
    const times = await treeTimes(out);

    await writeFile(feed, generatedFeed(311));
    const second = await runIngest([source(feed, { channel: 'jinan' })], { store, out });
    expect(second.sources[0]).toMatchObject({ added: 1, updated: 0, unchanged: 310 });
    const newId = (await channelItems('latest'))[0]?.id ?? '';
    // The first pages of 滚动 and 济南 and the new article's own document; archives untouched.
    expect([...(second.api?.written ?? [])].sort()).toEqual(
      [articleDocumentPath(newId), 'feeds/jinan.json', 'feeds/latest.json'].sort(),
    );
    const after = await treeTimes(out);
    const touched = [...after].filter(([f, t]) => times.get(f) !== t).map(([f]) => f);
    expect(
      touched.filter((f) => !f.endsWith('.gz') && !f.endsWith('.br') && f !== MANIFEST).sort(),
    ).toEqual([articleDocumentPath(newId), 'feeds/jinan.json', 'feeds/latest.json'].sort());
    expect(await channelItems('latest')).toHaveLength(311);
    expect(new Set((await channelItems('jinan')).map((i) => i.id)).size).toBe(311);
  });

  it('writes precompressed siblings that match the files, and never leaves a stale one', async () => {
    const feed = path.join(dir, 'gen.json');
    await writeFile(feed, generatedFeed(30));
    await runIngest([source(feed)], { store, out, precompress: true });
    const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
    const plain = await readFile(path.join(out, 'feeds/latest.json'));
    expect(gunzipSync(await readFile(path.join(out, 'feeds/latest.json.gz')))).toEqual(plain);
    expect(brotliDecompressSync(await readFile(path.join(out, 'feeds/latest.json.br')))).toEqual(
      plain,
    );
    await writeFile(feed, generatedFeed(31));
    await runIngest([source(feed)], { store, out, precompress: false });
    const hashes = await treeHashes(out);
    expect(hashes.has('feeds/latest.json.gz')).toBe(false);
    expect(hashes.has('feeds/latest.json.br')).toBe(false);
  });

  it('dry run reports what would change and writes nothing', async () => {
    await runIngest([fixture('feed-rss.xml')], { store, out });
    const before = [await treeHashes(out), await treeHashes(store)];
    const summary = await runIngest([fixture('rss-gbk.xml')], { store, out, dryRun: true });
    expect(summary.sources[0]?.added).toBe(3);
    expect(summary.api?.written.length).toBeGreaterThan(3);
    expect([await treeHashes(out), await treeHashes(store)]).toEqual(before);
  });

  it('keeps apart items of one feed that share a link but not a guid, and guids of two sites', async () => {
    const rss = (host: string, items: [string, string][]): string =>
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>示例</title>` +
      items
        .map(
          ([guid, title]) =>
            `<item><title>${title}</title><link>https://${host}/</link><guid isPermaLink="false">${guid}</guid>` +
            `<pubDate>Sat, 06 May 2023 10:30:13 +0800</pubDate><description>示例内容：${title}</description></item>`,
        )
        .join('') +
      '</channel></rss>';
    const a = path.join(dir, 'a.xml');
    const b = path.join(dir, 'b.xml');
    await writeFile(
      a,
      rss('a.example.cn', [
        ['1', '第一条'],
        ['2', '第二条'],
      ]),
    );
    await writeFile(b, rss('b.example.cn', [['1', '别站的第一条']]));
    const first = await runIngest([source(a), source(b)], { store, out });
    expect(first.sources.map((r) => r.added)).toEqual([2, 1]);
    expect((await channelItems('latest')).map((i) => i.title).sort()).toEqual(
      ['别站的第一条', '第一条', '第二条'].sort(),
    );
    const again = await runIngest([source(a), source(b)], { store, out });
    expect(again.sources.map((r) => r.added + r.updated)).toEqual([0, 0]);
    expect(again.api?.written).toEqual([]);
  });

  it('never lists an article without a lead image in 图片新闻, whichever source asked', async () => {
    const feed = (name: string, image: boolean): string =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: name,
        items: [
          {
            id: 'p1',
            url: 'https://news.example.cn/p1.html',
            title: '示例内容：图片',
            content_text: '示例内容',
            date_published: '2024-01-01T08:00:00+08:00',
            ...(image ? { image: 'https://news.example.cn/p1.jpg' } : {}),
          },
        ],
      });
    const plain = path.join(dir, 'plain.json');
    const photo = path.join(dir, 'photo.json');
    await writeFile(plain, feed('plain', false));
    await writeFile(photo, feed('photo', false));
    await runIngest([source(plain), source(photo, { channel: 'photos' })], { store, out });
    expect(await channelItems('photos')).toEqual([]);
    await writeFile(photo, feed('photo', true));
    await runIngest([source(photo, { channel: 'photos' })], { store, out });
    // The stored copy (from the first source) has no image, so still not a photo story.
    expect(await channelItems('photos')).toEqual([]);
  });

  it('derives a headline from the text, past leading punctuation, and skips an item with no words', async () => {
    const file = path.join(dir, 'micro.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 'x',
        items: [
          {
            id: 'm1',
            content_text: '？！示例内容：今天天气很好。后面还有。',
            summary: '',
            date_published: '2024-01-01T08:00:00+08:00',
          },
          { id: 'm2', content_text: '……！！', date_published: '2024-01-01T09:00:00+08:00' },
        ],
      }),
    );
    const summary = await runIngest([source(file)], { store, out });
    expect((await channelItems('latest')).map((i) => i.title)).toEqual(['示例内容：今天天气很好']);
    expect(summary.sources[0]?.skipped).toEqual([expect.stringContaining('no headline')]);
  });

  it('reports an invalid native folder as that source’s failure and ingests the others', async () => {
    const folder = path.join(dir, 'articles');
    await mkdir(folder);
    await writeFile(path.join(folder, 'bad.json'), '{"id":"bad"}');
    const summary = await runIngest(
      [
        source(folder, { kind: 'native' }),
        source(path.join(dir, 'nowhere'), { kind: 'native' }),
        source(SEED_CAPTURE),
      ],
      { store, out },
    );
    expect(summary.sources.map((r) => r.error?.code)).toEqual([
      'invalid-content',
      'unreachable',
      undefined,
    ]);
    expect(summary.sources[0]?.error?.message).toContain('bad.json');
    expect(summary.articles).toBe(1);
  });

  it('refuses to build the API over a folder that is not one, and keeps its files', async () => {
    const site = path.join(dir, 'site');
    await mkdir(site);
    await writeFile(path.join(site, 'index.html'), '<!doctype html>');
    await expect(runIngest([source(SEED_CAPTURE)], { store, out: site })).rejects.toMatchObject({
      code: 'unsupported',
    });
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toBe('<!doctype html>');
  });

  it('serves the old API again when a first build was killed between its two renames', async () => {
    await runIngest([source(SEED_CAPTURE)], { store, out });
    const before = await treeHashes(out);
    // As if killed after parking the old API and before moving the new one in.
    await rename(out, path.join(dir, `.api.old-999999`));
    await runIngest([], { store, out });
    expect(await treeHashes(out)).toEqual(before);
  });

  it('keeps a store that a killed commit left dirty: the next open rebuilds the index', async () => {
    await runIngest([fixture('feed-rss.xml'), fixture('rss-gbk.xml')], { store, out });
    // As if killed between writing article files and the index.
    await writeFile(path.join(store, '.dirty'), '1');
    await writeFile(path.join(store, 'index.ndjson'), '');
    const reopened = await ContentStore.open(store, { readOnly: true });
    expect(reopened.size).toBe(6);
    await reopened.close();
  });
});

describe('ingest run over HTTP', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const gbk = await readFile(path.join(FIXTURES, 'rss-gbk.xml'));
    const atom = await readFile(path.join(FIXTURES, 'feed-atom-xml-base.xml'));
    const page = await readFile(path.join(FIXTURES, 'page-big5-http-equiv.html'));
    server = createServer((req, res) => {
      switch (req.url) {
        case '/gbk.xml':
          // The header names the charset; the document's own declaration agrees.
          res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=gbk' });
          return res.end(gbk);
        case '/moved':
          res.writeHead(301, { Location: '/atom.xml' });
          return res.end();
        case '/atom.xml':
          res.writeHead(200, {
            'Content-Type': 'application/atom+xml',
            'Content-Encoding': 'gzip',
          });
          return res.end(gzipSync(atom));
        case '/big5.html':
          // No charset in the header: only the page's http-equiv says Big5.
          res.writeHead(200, { 'Content-Type': 'text/html' });
          return res.end(page);
        case '/loop-a':
          res.writeHead(302, { Location: '/loop-b' });
          return res.end();
        case '/loop-b':
          res.writeHead(302, { Location: '/loop-a' });
          return res.end();
        case '/hang':
          return; // never answers
        default:
          res.writeHead(500);
          return res.end('broken');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('reads feeds and pages by URL with their charsets, follows redirects, and names each failure', async () => {
    const summary = await runIngest(
      ['/gbk.xml', '/moved', '/big5.html', '/loop-a', '/hang', '/broken'].map((p) =>
        source(base + p),
      ),
      { store, out, limits: { timeoutMs: 500 } },
    );
    expect(summary.sources.map((s) => [s.kind, s.charset, s.error?.code])).toEqual([
      ['rss', 'gb18030', undefined],
      ['atom', 'utf-8', undefined],
      ['article-page', 'big5', undefined],
      [undefined, undefined, 'redirect-loop'],
      [undefined, undefined, 'timeout'],
      [undefined, undefined, 'http-status'],
    ]);
    const titles = (await channelItems('latest')).map((i) => i.title).join('\n');
    expect(titles).toContain('青岛镕金社区举行示例演练');
    expect(titles).not.toMatch(/\uFFFD/);
    // The Atom entries' links resolved against the final URL after the redirect.
    const atomItem = (await channelItems('latest')).find((i) => i.url?.includes('example'));
    expect(atomItem?.url).toMatch(/^https?:\/\//);
    expect(summary.sources[4]?.error?.message).toContain(`${base}/hang`);
  });
});
