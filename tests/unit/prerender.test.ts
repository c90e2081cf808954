import { parseHTML } from 'linkedom';
import { locationStub } from 'preact-iso/prerender';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrerenderedData } from '../../src/app/data/index';
import type * as DataLayer from '../../src/app/data/index';
import type { Article } from '../../src/shared/feed/types';
import { PRERENDERED_ISLAND_ID, PRERENDER_ORIGIN } from '../../src/shared/prerender';
import { APP_ROOT, fileOf, islandJson, pageHtml, routeAssets } from '../../tools/prerender-html';

/**
 * The prerender's page writing (tools/prerender-html.ts) and the page's reading
 * of it (src/app/data/prerendered.ts), against each other: what the build
 * writes is what the app seeds its memory with.
 */

// The data layer resolves FEED_BASE against `location` when it loads.
locationStub('https://reader.example/');
let data: typeof DataLayer;
beforeAll(async () => {
  data = await import('../../src/app/data/index');
});

const HOSTILE = '</script><script>alert(1)</script><!--';

function article(id: string, title = `标题 ${id}`): Article {
  return {
    id,
    title,
    subtitles: [],
    datePublished: '2023-05-06T10:30:13+08:00',
    authors: [],
    summary: '摘要',
    tags: [],
    image: { src: `${PRERENDER_ORIGIN}/api/images/${id}.jpg`, alt: '' },
    blocks: [{ t: 'p', c: ['正文'] }],
    text: '正文',
  };
}

function sample(): PrerenderedData {
  const feedUrl = `${PRERENDER_ORIGIN}/api/feeds/jinan.json`;
  return {
    version: 1,
    directory: {
      version: 1,
      title: '大众网',
      channels: [{ id: 'jinan', title: '济南', kind: 'city', feedUrl }],
    },
    pages: [
      {
        channelId: 'jinan',
        pageIndex: 0,
        url: feedUrl,
        items: [{ ...article('listed', HOSTILE), blocks: [], text: '' }],
        fetchedAt: 0,
      },
    ],
    articles: [{ article: article('whole'), channelIds: ['jinan'] }],
  };
}

const HEAD_SCRIPT = "document.documentElement.dataset.x = '1';";

const SHELL = `<!doctype html><html lang="zh-CN"><head><title>齐鲁轻读</title></head><body>${APP_ROOT}<noscript>齐鲁轻读需要启用 JavaScript 才能阅读新闻。</noscript><script type="module" src="/assets/index.js"></script></body></html>`;

describe('the page the build writes', () => {
  it('keeps every string of the island inside the script element', () => {
    const json = islandJson(sample());
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(sample());
  });

  it('escapes the title, makes same-origin URLs root-relative and puts the island after #app', () => {
    const markup = `<main><h1>${'标题'}</h1><img src="${PRERENDER_ORIGIN}/api/images/a.jpg"></main>`;
    const html = pageHtml(SHELL, {
      html: markup,
      data: sample(),
      title: `${HOSTILE} - 齐鲁轻读`,
      headScript: HEAD_SCRIPT,
      stylesheets: ['/assets/channel-1.css'],
    });
    const { document } = parseHTML(html);
    expect(document.title).toBe(`${HOSTILE} - 齐鲁轻读`);
    expect(document.querySelectorAll('script').length).toBe(3);
    // The settings script runs in <head>, before anything of the page paints, and the route's
    // stylesheet is there for the first paint too.
    expect(document.querySelector('head script:not([src])')?.textContent).toBe(HEAD_SCRIPT);
    expect(document.querySelector('head link[rel="stylesheet"]')?.getAttribute('href')).toBe(
      '/assets/channel-1.css',
    );
    // No route script is preloaded: a resting first visit runs none unless a control is used.
    expect(document.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
    expect(document.querySelector('#app img')?.getAttribute('src')).toBe('/api/images/a.jpg');
    const island = document.getElementById(PRERENDERED_ISLAND_ID);
    expect(island?.previousElementSibling?.id).toBe('app');
    expect(island?.getAttribute('type')).toBe('application/json');
    // The page reads without scripts: the shell's 「需要启用 JavaScript」 would not be true.
    expect(document.querySelector('noscript')?.textContent).not.toContain('需要');
  });

  it('refuses a head script that would end its element early (its hash would not match)', () => {
    const parts = { html: '', data: sample(), title: 't', stylesheets: [] };
    expect(() => pageHtml(SHELL, { ...parts, headScript: "a('</SCRIPT>')" })).toThrow(/<\/script/);
  });

  it('links the CSS a route loads beyond the shell: its chunk’s and that of the chunks it imports', () => {
    const manifest = {
      'src/app/routes/channel/index.tsx': {
        file: 'assets/channel-1.js',
        css: ['assets/channel-1.css'],
        imports: ['_shell.js', '_control.js'],
      },
      '_shell.js': { file: 'assets/shell-1.js', css: ['assets/shell-1.css'] },
      '_control.js': {
        file: 'assets/control-1.js',
        css: ['assets/control-1.css'],
        imports: ['_shell.js'],
      },
    };
    const shell =
      '<link rel="modulepreload" crossorigin href="/assets/shell-1.js"><link rel="stylesheet" crossorigin href="/assets/shell-1.css">';
    expect(routeAssets(manifest, 'src/app/routes/channel/index.tsx', shell)).toEqual({
      stylesheets: ['/assets/channel-1.css', '/assets/control-1.css'],
    });
    expect(routeAssets(manifest, 'src/app/routes/home/index.tsx', shell)).toEqual({
      stylesheets: [],
    });
  });

  it('maps routes to files as sirv decodes paths, and refuses names that are not safe', () => {
    expect(fileOf('/out', '/')).toBe('/out/index.html');
    expect(fileOf('/out', '/article/seed-1')).toBe('/out/article/seed-1/index.html');
    expect(fileOf('/out', `/article/${encodeURIComponent('济南')}`)).toBe(
      '/out/article/济南/index.html',
    );
    expect(fileOf('/out', `/article/${encodeURIComponent('a/b')}`)).toBe(
      '/out/article/a%2Fb/index.html',
    );
    expect(fileOf('/out', `/article/${encodeURIComponent('..')}`)).toBeUndefined();
    expect(fileOf('/out', `/article/${encodeURIComponent('a\\b')}`)).toBeUndefined();
  });
});

describe('the page reading it', () => {
  function documentOf(island: string): Document {
    return parseHTML(
      `<html><body>${APP_ROOT}<script type="application/json" id="${PRERENDERED_ISLAND_ID}">${island}</script></body></html>`,
    ).document as unknown as Document;
  }

  it('reads what the build wrote, with the placeholder origin replaced by its own', () => {
    const read = data.readPrerendered(documentOf(islandJson(sample())));
    expect(read?.directory.channels[0]?.feedUrl).toBe(
      'https://reader.example/api/feeds/jinan.json',
    );
    expect(read?.pages[0]?.items[0]?.title).toBe(HOSTILE);
    expect(read?.articles[0]?.article.image?.src).toBe(
      'https://reader.example/api/images/whole.jpg',
    );
    expect(JSON.stringify(read)).not.toContain(PRERENDER_ORIGIN);
  });

  it.each([
    ['broken JSON', '{"version":1,'],
    ['another version', islandJson({ ...sample(), version: 2 } as never)],
    ['no directory', islandJson({ ...sample(), directory: null } as never)],
    ['pages that are not a list', islandJson({ ...sample(), pages: {} } as never)],
    ['nothing', ''],
  ])('ignores an island with %s (the app then reads as usual)', (_, island) => {
    expect(data.readPrerendered(documentOf(island))).toBeUndefined();
  });

  it('lists outline items without taking them for whole articles', () => {
    const read = data.readPrerendered(documentOf(islandJson(sample())));
    if (!read) throw new Error('island not read');
    data.seedPrerendered(read, 1_000);
    const [first] = data.peekChannelPages('jinan');
    expect(first?.items.map((item) => item.id)).toEqual(['listed']);
    // As old as the build (「更新于」 says so, as the HTML did).
    expect(first?.fetchedAt).toBe(0);
    // An outline has no body: opening it must read the whole article.
    expect(data.peekArticle('listed')).toBeUndefined();
    expect(data.peekArticle('whole')?.article.text).toBe('正文');
    expect(data.peekDirectory()?.channels.map((channel) => channel.id)).toEqual(['jinan']);
  });
});
