import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, INLINE_SCRIPT_FILE, scriptHash } from '../../server/app.js';
import { ATTRIBUTE_NAME, ATTRIBUTE_VALUE, ROOT_ATTRIBUTES_KEY } from '../../src/shared/boot';
import { PRERENDERED_ISLAND_ID, PRERENDER_ORIGIN } from '../../src/shared/prerender';
import type { ProductionBuild } from './production-build';
import { sharedBuild } from './production-build';

/**
 * The prerendered pages of a real production build (the project's own
 * vite.config.ts): one for every page a link leads to, each with its content
 * in the HTML and the data it was rendered from, as readers' browsers get them.
 */

let build: ProductionBuild | undefined;
let outDir = '';

beforeAll(async () => {
  build = await sharedBuild();
  outDir = build.outDir;
}, 240_000);

afterAll(async () => {
  await build?.dispose();
});

interface Page {
  readonly document: Document;
  readonly html: string;
  readonly island: {
    readonly pages: readonly { channelId: string; items: { blocks: unknown[] }[] }[];
    readonly articles: readonly { article: { id: string; text: string } }[];
  };
}

async function page(route: string): Promise<Page> {
  const file = path.join(outDir, ...route.split('/').filter(Boolean), 'index.html');
  const html = await readFile(file, 'utf8');
  const { document } = parseHTML(html);
  const text = document.getElementById(PRERENDERED_ISLAND_ID)?.textContent ?? '';
  return { document: document as unknown as Document, html, island: JSON.parse(text) as never };
}

async function apiJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(outDir, 'api', name), 'utf8')) as T;
}

describe('the prerendered pages of a production build', () => {
  it('carry the settings script inline, allowed by the hash the server puts in its CSP', async () => {
    const file = await readFile(path.join(outDir, INLINE_SCRIPT_FILE), 'utf8');
    const { document } = await page('/channel/jinan');
    const inline = document.querySelector('head script:not([src])')?.textContent;
    expect(inline).toBe(file);
    const csp = contentSecurityPolicy(undefined, [scriptHash(inline ?? '')]);
    expect(csp).toContain(`script-src 'self' ${scriptHash(file)};`);
    // The key and checks it spells out are the app's (src/shared/boot.ts).
    expect(file).toContain(`'${ROOT_ATTRIBUTES_KEY}'`);
    expect(file).toContain(ATTRIBUTE_NAME.source);
    expect(file).toContain(ATTRIBUTE_VALUE.source);
  });

  it('has a page for home, every channel, every article and every about page', async () => {
    const { channels } = await apiJson<{ channels: { id: string }[] }>('channels.json');
    const articles = (await readdir(path.join(outDir, 'api', 'articles'))).filter((name) =>
      name.endsWith('.json'),
    );
    expect(channels.length).toBeGreaterThan(16);
    expect(articles.length).toBeGreaterThan(100);
    for (const { id } of channels) {
      expect(existsSync(path.join(outDir, 'channel', id, 'index.html'))).toBe(true);
    }
    for (const name of articles) {
      const id = decodeURIComponent(name.slice(0, -'.json'.length));
      expect(existsSync(path.join(outDir, 'article', id, 'index.html'))).toBe(true);
    }
    for (const slug of [
      'contact',
      'jobs',
      'copyright',
      'ads',
      'about',
      'report',
      'accessibility',
    ]) {
      expect(existsSync(path.join(outDir, 'about', slug, 'index.html'))).toBe(true);
    }
  });

  it('keeps the unrendered shell as shell.html, without content or data', async () => {
    const shell = await readFile(path.join(outDir, 'shell.html'), 'utf8');
    expect(shell).toContain('<div id="app"></div>');
    expect(shell).not.toContain(PRERENDERED_ISLAND_ID);
  });

  it('writes the seed article in full: headline block, metadata and body', async () => {
    const { document, island } = await page('/article/seed-271a4622fc35748e');
    expect(document.title).toBe('山东省数字强省建设工作推进会召开 - 齐鲁轻读');
    expect(document.querySelector('#main h1')?.textContent).toBe(
      '山东省数字强省建设工作推进会召开',
    );
    const meta = document.querySelector('.article-meta')?.textContent ?? '';
    for (const label of ['发布时间', '来源', '作者', '责任编辑']) expect(meta).toContain(label);
    const body = document.querySelector('.article-body')?.textContent ?? '';
    const [whole] = island.articles;
    expect(whole?.article.id).toBe('seed-271a4622fc35748e');
    // Every paragraph of the stored text is on the page.
    for (const paragraph of whole?.article.text.split('\n') ?? []) {
      expect(body.replace(/\s+/g, '')).toContain(paragraph.replace(/\s+/g, ''));
    }
    expect(body.length).toBeGreaterThan(1000);
  });

  it('lists a channel from its first page, with outline items (no bodies) in the island', async () => {
    const feed = await apiJson<{ items: { title: string }[] }>('feeds/jinan.json');
    const { document, island } = await page('/channel/jinan');
    expect(document.querySelector('#main h1')?.textContent).toBe('济南');
    const text = document.querySelector('#main')?.textContent ?? '';
    for (const item of feed.items) expect(text).toContain(item.title);
    expect(island.pages.map((p) => p.channelId)).toEqual(['jinan']);
    expect(island.pages[0]?.items.every((item) => item.blocks.length === 0)).toBe(true);
    expect(island.articles).toEqual([]);
  });

  it('shows 热点新闻, 滚动 and 图片新闻 on home, and the 16 cities', async () => {
    const { document } = await page('/');
    const headings = [...document.querySelectorAll('#main h2')].map((h) => h.textContent);
    expect(headings).toEqual(['热点新闻', '滚动', '图片新闻', '城市频道']);
    expect(document.querySelectorAll('.home-section--cities a').length).toBe(16);
    expect(document.querySelectorAll('.gallery img').length).toBeGreaterThan(0);
  });

  it('leaves no placeholder origin in the markup and no raw "<" in any island', async () => {
    for (const route of [
      '/',
      '/channel/photos',
      '/article/seed-271a4622fc35748e',
      '/about/contact',
    ]) {
      const { html, document } = await page(route);
      expect(document.getElementById('app')?.innerHTML).not.toContain(PRERENDER_ORIGIN);
      const island = html.slice(html.indexOf(`id="${PRERENDERED_ISLAND_ID}">`));
      expect(island.slice(0, island.indexOf('</script>'))).not.toContain('<');
    }
  });
});
