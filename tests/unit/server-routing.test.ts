import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, isAppPath } from '../../server/app.js';
import { FIXTURE_FILES, startFixtureServer } from './server-fixture';
import type { FixtureServer } from './server-fixture';

let site: FixtureServer;
beforeAll(async () => {
  site = await startFixtureServer();
});
afterAll(() => site.close());

const shell = FIXTURE_FILES['shell.html'];

describe('prerendered pages', () => {
  it.each([
    ['/', 'index.html'],
    ['/article/a1', 'article/a1/index.html'],
    ['/article/a1/', 'article/a1/index.html'],
  ])('serves %s from %s, with no-cache (a new ingest changes it)', async (path, file) => {
    const res = await site.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString('utf8')).toBe(FIXTURE_FILES[file]);
  });
});

describe('the SPA fallback', () => {
  it.each([
    '/channel/jinan',
    '/channel/jinan?page=2',
    '/article/seed-271a4622fc35748e',
    '/article/news.2023.05.06.html',
    '/article/a%2Fb%20c%E6%B5%8E',
    '/article/%E0%A4%A', // malformed escape: still the app's business, not a crash
    '/search',
    '/search?q=%E6%B5%8E%E5%8D%97',
    '/saved',
    '/settings',
    '/about/contact',
    '/about/accessibility',
    '/no/such/page',
    '/channel',
  ])('serves the app shell with no-cache for %s', async (path) => {
    const res = await site.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString('utf8')).toBe(shell);
  });
});

describe('real 404s', () => {
  it.each([
    '/api/feeds/nope.json',
    '/api/nothing',
    '/api/',
    '/assets/index-00000000.js',
    '/assets/anything',
    '/favicon.ico',
    '/robots.txt',
    '/api/../api/feeds/jinan.json.bak',
  ])('%s is a plain 404, never the shell', async (path) => {
    const res = await site.get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString('utf8')).not.toContain('<html');
  });

  it('does not label an API 404 as a feed', async () => {
    const res = await site.get('/api/feeds/nope.json');
    expect(res.headers['content-type']).not.toContain('feed');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('never serves files outside the root', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
    ]) {
      const res = await site.get(path);
      expect(res.body.toString('utf8')).not.toContain('"dependencies"');
    }
  });
});

describe('isAppPath', () => {
  it('keeps app routes even when they look like files', () => {
    expect(isAppPath('/article/x.json')).toBe(true);
    expect(isAppPath('/about/ads.html')).toBe(true);
    expect(isAppPath('/whatever')).toBe(true);
  });

  it('leaves file-only prefixes and file names to 404', () => {
    expect(isAppPath('/api/channels')).toBe(false);
    expect(isAppPath('/assets/x')).toBe(false);
    expect(isAppPath('/icon-192.png')).toBe(false);
    expect(isAppPath('/deep/path/file.txt')).toBe(false);
  });
});

describe('createServer', () => {
  it('refuses a directory without a build, telling the developer what to run', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'qilu-empty-'));
    try {
      expect(() => createServer({ root: empty })).toThrow(/npm run build/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
