import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import type { Plugin, ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentApi } from '../../tools/content-api';
import { buildContentApi } from '../../content/lib/api';

/**
 * The Vite plugin, run by Vite itself: a real `vite build` into a temporary
 * folder and a real dev server, both fed from a temporary copy of content/.
 */

const CONTENT = fileURLToPath(new URL('../../content', import.meta.url));
const SEED_FILE = 'articles/seed-271a4622fc35748e.json';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'qilu-plugin-'));
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><script type="module" src="/main.js"></script>',
  );
  await writeFile(path.join(root, 'main.js'), 'document.title = "x";\n');
  await cp(path.join(CONTENT, 'articles'), path.join(root, 'content', 'articles'), {
    recursive: true,
  });
  await cp(path.join(CONTENT, 'sources.json'), path.join(root, 'content', 'sources.json'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('vite build', () => {
  it('writes every API file under api/ before later plugins close the bundle', async () => {
    const expected = await buildContentApi({ contentDir: path.join(root, 'content') });
    const outDir = path.join(root, 'dist');
    const seenOnDisk: string[] = [];
    const probe: Plugin = {
      name: 'probe',
      closeBundle() {
        for (const name of expected.keys()) {
          if (existsSync(path.join(outDir, 'api', name))) seenOnDisk.push(name);
        }
      },
    };
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [contentApi(), probe],
      build: { outDir, emptyOutDir: true },
    });
    expect(seenOnDisk).toEqual([...expected.keys()]);
    for (const name of [
      'channels.json',
      'feeds/jinan.json',
      'feeds/latest-2.json',
      'articles/seed-271a4622fc35748e.json',
      'images/jinan-1.svg',
    ]) {
      expect(await readFile(path.join(outDir, 'api', name), 'utf8')).toBe(expected.get(name)?.body);
    }
  });

  it('fails with a message naming the bad source file and field', async () => {
    const contentDir = path.join(root, 'bad-content');
    await mkdir(path.join(contentDir, 'articles'), { recursive: true });
    await cp(path.join(CONTENT, 'sources.json'), path.join(contentDir, 'sources.json'));
    await writeFile(
      path.join(contentDir, 'articles', 'demo-bad.json'),
      JSON.stringify({
        id: 'demo-bad',
        title: '坏',
        date_published: 'yesterday',
        channels: ['jinan'],
        paragraphs: ['x'],
      }),
    );
    await expect(
      build({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: [contentApi({ contentDir })],
        build: { outDir: path.join(root, 'dist-bad'), write: false },
      }),
    ).rejects.toThrow(
      /articles[/\\]demo-bad\.json: field "date_published" must be an RFC 3339 date-time/,
    );
  });
});

describe('vite dev server', () => {
  let server: ViteDevServer;
  let origin = '';

  beforeAll(async () => {
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [contentApi()],
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port: 0 },
    });
    await server.listen();
    const address = server.httpServer?.address() as AddressInfo;
    origin = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['channels.json', 'application/json'],
    ['feeds/jinan.json', 'application/feed+json; charset=utf-8'],
    ['feeds/latest-2.json', 'application/feed+json; charset=utf-8'],
    ['images/taian-1.svg', 'image/svg+xml'],
  ])('serves /api/%s as %s', async (name, type) => {
    const expected = await buildContentApi({ contentDir: path.join(root, 'content') });
    const res = await fetch(`${origin}/api/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(expected.get(name)?.body);
  });

  it.each([
    '/api/nope.json',
    '/api/feeds/jinan-99.json',
    '/api/',
    '/api/images/../channels.json.bak',
  ])('answers 404 for the unknown API path %s', async (url) => {
    expect((await fetch(origin + url)).status).toBe(404);
  });

  it('refuses to change the API', async () => {
    expect((await fetch(`${origin}/api/channels.json`, { method: 'POST' })).status).toBe(405);
  });

  it('rebuilds after a source file in content/ changes', async () => {
    const file = path.join(root, 'content', SEED_FILE);
    const source = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const before = await (await fetch(`${origin}/api/feeds/jinan.json`)).text();
    expect(before).toContain('山东省数字强省建设工作推进会召开');
    await writeFile(file, JSON.stringify({ ...source, title: '改过的标题' }));
    let after = before;
    for (let i = 0; i < 100 && !after.includes('改过的标题'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await (await fetch(`${origin}/api/feeds/jinan.json`)).text();
    }
    expect(after).toContain('改过的标题');
  });
});
