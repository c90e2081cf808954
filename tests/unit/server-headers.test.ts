import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, feedOrigin } from '../../server/app.js';
import { FIXTURE_FILES, startFixtureServer } from './server-fixture';
import type { FixtureServer } from './server-fixture';

let site: FixtureServer;
beforeAll(async () => {
  site = await startFixtureServer();
});
afterAll(() => site.close());

/** Parses a CSP header into directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('security headers', () => {
  const paths = [
    '/',
    '/channel/jinan',
    '/assets/index-Ab12Cd34.js',
    '/api/feeds/jinan.json',
    '/nope.png',
    '/api/missing.json',
  ];

  it.each(paths)('are sent with the response for %s, including errors', async (path) => {
    const res = await site.get(path);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    const permissions = String(res.headers['permissions-policy']);
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()'])
      expect(permissions).toContain(feature);
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy(undefined));
  });

  it('has a CSP without unsafe-inline that enforces Trusted Types', async () => {
    const csp = String((await site.get('/')).headers['content-security-policy']);
    expect(csp).not.toContain('unsafe');
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('font-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('manifest-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('require-trusted-types-for')).toEqual(["'script'"]);
    // Exactly one policy, the service worker URL's; no 'allow-duplicates', no wildcard.
    expect(d.get('trusted-types')).toEqual(['qilu-sw']);
  });

  it('allows an absolute FEED_BASE origin for connect-src and img-src, but not a relative one', () => {
    const d = directives(contentSecurityPolicy('http://127.0.0.1:9999/api/'));
    expect(d.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:9999']);
    expect(d.get('img-src')).toContain('http://127.0.0.1:9999');
    expect(feedOrigin('//cdn.example.com/api/')).toBe('https://cdn.example.com');
    expect(feedOrigin('/api/')).toBeUndefined();
    expect(feedOrigin('api/')).toBeUndefined();
    expect(directives(contentSecurityPolicy('/api/')).get('connect-src')).toEqual(["'self'"]);
  });
});

describe('a server started with an absolute FEED_BASE', () => {
  it('sends the feed origin in its CSP', async () => {
    const other = await startFixtureServer('https://feeds.example.com/api/');
    try {
      const csp = String((await other.get('/')).headers['content-security-policy']);
      expect(directives(csp).get('connect-src')).toEqual(["'self'", 'https://feeds.example.com']);
    } finally {
      await other.close();
    }
  });
});

describe('Cache-Control', () => {
  it.each([
    ['/', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/shell.html', 'no-cache'],
    ['/article/a1', 'no-cache'],
    ['/channel/jinan', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    ['/api/channels.json', 'no-cache'],
    ['/api/feeds/jinan.json', 'no-cache'],
    ['/api/images/x.svg', 'no-cache'],
    ['/assets/index-Ab12Cd34.js', 'public, max-age=31536000, immutable'],
    ['/assets/index-Ab12Cd34.css', 'public, max-age=31536000, immutable'],
    ['/icon.svg', 'public, max-age=3600'],
  ])('for %s is %s', async (path, expected) => {
    const res = await site.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(expected);
  });
});

describe('the feed API', () => {
  it('serves feeds as application/feed+json with CORS for any origin', async () => {
    const res = await site.get('/api/feeds/jinan.json', { Origin: 'http://elsewhere.test' });
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toContain('ETag');
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ title: '济南' });
  });

  it('keeps the feed content type when the body is brotli-encoded', async () => {
    const res = await site.get('/api/feeds/jinan.json', { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(JSON.parse(brotliDecompressSync(res.body).toString('utf8'))).toMatchObject({
      title: '济南',
    });
  });

  it('serves the channel directory as JSON with CORS', async () => {
    const res = await site.get('/api/channels.json');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a CORS preflight for a conditional request from another origin', async () => {
    const res = await site.get(
      '/api/feeds/jinan.json',
      {
        Origin: 'https://reader.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match,if-modified-since',
      },
      'OPTIONS',
    );
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD');
    const allowed = String(res.headers['access-control-allow-headers']).toLowerCase();
    expect(allowed.split(/,\s*/)).toEqual(['if-none-match', 'if-modified-since']);
    expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('does not send CORS headers outside /api/', async () => {
    const res = await site.get('/');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('compression', () => {
  const script = '/assets/index-Ab12Cd34.js';
  const original = FIXTURE_FILES['assets/index-Ab12Cd34.js'] ?? '';

  it('prefers the brotli sibling when the client accepts br', async () => {
    const res = await site.get(script, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(original);
  });

  it('sends the gzip sibling when the client accepts only gzip', async () => {
    const res = await site.get(script, { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString('utf8')).toBe(original);
  });

  it('sends the identity file when the client accepts no encoding', async () => {
    const res = await site.get(script);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.toString('utf8')).toBe(original);
  });

  it('compresses the SPA fallback too', async () => {
    const res = await site.get('/article/x', { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(FIXTURE_FILES['shell.html']);
  });
});

describe('validators', () => {
  it('sends ETag and Last-Modified, and answers a matching If-None-Match with an empty 304', async () => {
    const first = await site.get('/api/feeds/jinan.json');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(new Date(String(first.headers['last-modified'])).getTime()).not.toBeNaN();

    const again = await site.get('/api/feeds/jinan.json', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.headers.vary).toBe('Accept-Encoding');
    expect(again.headers['access-control-allow-origin']).toBe('*');
  });

  it('gives each encoding its own ETag, so a cached gzip body never validates a brotli request', async () => {
    const br = await site.get('/', { 'Accept-Encoding': 'br' });
    const gzip = await site.get('/', { 'Accept-Encoding': 'gzip' });
    expect(br.headers.etag).not.toBe(gzip.headers.etag);
    const crossed = await site.get('/', {
      'Accept-Encoding': 'br',
      'If-None-Match': String(gzip.headers.etag),
    });
    expect(crossed.status).toBe(200);
  });

  it('sends the full body for a stale ETag', async () => {
    const res = await site.get('/api/feeds/jinan.json', { 'If-None-Match': 'W/"0-0"' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
  });
});

describe('methods', () => {
  it.each([
    ['POST', '/api/feeds/jinan.json'],
    ['PUT', '/api/feeds/jinan.json'],
    ['DELETE', '/api/feeds/jinan.json'],
    ['PATCH', '/api/feeds/jinan.json'],
    ['OPTIONS', '/'],
    ['OPTIONS', '/assets/index-Ab12Cd34.js'],
  ])('%s %s is refused with 405 and Allow: GET, HEAD', async (method, path) => {
    const res = await site.get(path, {}, method);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('HEAD answers with the headers of GET and no body', async () => {
    const res = await site.get('/api/feeds/jinan.json', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(
      Buffer.byteLength(FIXTURE_FILES['api/feeds/jinan.json'] ?? ''),
    );
    expect(res.body.length).toBe(0);
  });
});
