import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigationDenylist } from '../../src/sw/routes/scope';
import type { PrecacheEntry, ProductionBuild } from './production-build';
import { sharedBuild, injectedPrecache } from './production-build';

/**
 * What the service worker precaches, read from a real production build (the
 * project's own vite.config.ts into a temporary folder): the list Workbox
 * injected into sw.js is what a reader's browser will download and keep.
 */

let build: ProductionBuild | undefined;
let outDir = '';
let sw = '';
let manifest: PrecacheEntry[] = [];

beforeAll(async () => {
  build = await sharedBuild();
  outDir = build.outDir;
  sw = await readFile(path.join(outDir, 'sw.js'), 'utf8');
  manifest = injectedPrecache(sw);
}, 180_000);

afterAll(async () => {
  await build?.dispose();
});

describe('the precache of a production build', () => {
  it('holds the shell, shell.html, with a revision so a new build replaces it', () => {
    const shell = manifest.find((entry) => entry.url === 'shell.html');
    expect(shell?.revision).toMatch(/^[0-9a-f]{8,}$/);
  });

  it('holds no prerendered page: the worker answers navigations with the shell', () => {
    const urls = manifest.map((entry) => entry.url);
    expect(urls.filter((url) => url.endsWith('.html'))).toEqual(['shell.html']);
    // Sanity: the pages are in the build.
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(path.join(outDir, 'channel', 'jinan', 'index.html'))).toBe(true);
  });

  it('holds every script and stylesheet of the build, the lazy route chunks included', async () => {
    const built = (await readdir(path.join(outDir, 'assets')))
      .filter((name) => /\.(?:js|css)$/.test(name))
      .map((name) => `assets/${name}`);
    const urls = manifest.map((entry) => entry.url);
    expect(built.length).toBeGreaterThan(5);
    expect(urls).toEqual(expect.arrayContaining(built));
    for (const route of [
      'channel',
      'article',
      'search',
      'saved',
      'settings',
      'about',
      'not-found',
    ]) {
      expect(urls.some((url) => new RegExp(`^assets/${route}-[\\w-]{8}\\.js$`).test(url))).toBe(
        true,
      );
    }
  });

  it('keeps out the worker itself, the feed API and precompressed siblings', () => {
    const urls = manifest.map((entry) => entry.url);
    expect(urls).not.toContain('sw.js');
    expect(urls.filter((url) => url.startsWith('api/'))).toEqual([]);
    expect(urls.filter((url) => /\.(?:br|gz)$/.test(url))).toEqual([]);
    // Sanity: those files do exist in the build, so the exclusions are real.
    expect(existsSync(path.join(outDir, 'api', 'channels.json'))).toBe(true);
    expect(existsSync(path.join(outDir, 'index.html.br'))).toBe(true);
  });

  it('lists nothing twice and nothing that is not in the build', () => {
    const urls = manifest.map((entry) => entry.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(existsSync(path.join(outDir, url))).toBe(true);
  });

  it('bundles Workbox into sw.js (injectManifest writes no workbox-*.js files)', async () => {
    const top = await readdir(outDir);
    expect(top.filter((name) => name.startsWith('workbox-'))).toEqual([]);
    // One classic script: registered without `type: 'module'`, so no import/export may remain.
    expect(sw).not.toMatch(/(?:^|[;}\n])\s*(?:import|export)\s*[{*"'\w]/);
  });

  it('has the worker built for production (no Workbox dev logging)', () => {
    // A string of workbox-routing's development-only logger calls.
    expect(sw).not.toContain('Router is responding to');
  });

  it('routes navigations to the shell except /api/ (the denylist is in the built worker)', () => {
    for (const pattern of navigationDenylist('/api/', 'https://reader.example')) {
      expect(sw).toContain(pattern.source);
    }
    expect(sw).toContain('/shell.html');
  });
});

describe('the navigation denylist', () => {
  const origin = 'https://reader.example';
  const denied = (pathAndSearch: string, feedBase = '/api/') =>
    navigationDenylist(feedBase, origin).some((pattern) => pattern.test(pathAndSearch));

  it.each([
    '/api/channels.json',
    '/api/feeds/jinan.json',
    '/api/',
    '/assets/index-Ab12Cd34.js',
    '/sw.js',
    '/robots.txt',
    '/favicon.svg',
  ])('sends %s to the network', (url) => {
    expect(denied(url)).toBe(true);
  });

  it.each([
    '/',
    '/channel/jinan',
    '/article/seed-271a4622fc35748e',
    '/article/a.b.c',
    '/about/accessibility',
    '/search?q=a.b',
    '/saved',
    '/settings',
    '/no-such-page',
  ])('answers %s with the shell', (url) => {
    expect(denied(url)).toBe(false);
  });

  it('also covers a same-origin FEED_BASE elsewhere, but not a feed on another origin', () => {
    expect(denied('/feeds-v2/latest', '/feeds-v2/')).toBe(true);
    expect(denied('/feeds-v2/latest', 'https://cdn.example/feeds-v2/')).toBe(false);
  });
});
