import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IngestError } from '../../src/ingest/errors';
import type { IngestErrorCode } from '../../src/ingest/errors';
import {
  DEFAULT_SOURCE_LIMITS,
  DEFAULT_USER_AGENT,
  isHttpUrl,
  readSource,
} from '../../src/ingest/fetch-source';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const MiB = 1024 * 1024;
/** Short enough to keep the suite quick, long enough for a loopback answer on a busy machine. */
const SHORT_TIMEOUT = { timeoutMs: 300 };

/** Routes of the test server by path; each test registers its own. */
const routes = new Map<string, Handler>();
/** Request headers the server saw, by path. */
const seen = new Map<string, IncomingHttpHeaders>();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    seen.set(path, request.headers);
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

/** Registers `handler` at `path` and returns the URL to it. */
function route(path: string, handler: Handler): string {
  routes.set(path, handler);
  return `${origin}${path}`;
}

/** The IngestError `promise` rejects with, after checking its code. */
async function refusal(promise: Promise<unknown>, code: IngestErrorCode): Promise<IngestError> {
  const error: unknown = await promise.then(
    () => new Error('expected the read to be refused'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(IngestError);
  expect((error as IngestError).code).toBe(code);
  return error as IngestError;
}

/** Resolves once the server holds no connection: the client really closed its socket. */
async function serverConnectionsClosed(): Promise<void> {
  await vi.waitFor(
    () =>
      new Promise<void>((done, fail) =>
        server.getConnections((error, count) =>
          error ? fail(error) : count === 0 ? done() : fail(new Error(`${count} open`)),
        ),
      ),
    { timeout: 3000, interval: 20 },
  );
}

/**
 * Streams `total` bytes in 64 KiB chunks as the client takes them (never buffering the whole),
 * and reports how much was written and whether the client hung up first.
 */
function lazyBody(total: number): {
  handler: Handler;
  done: Promise<{ written: number; closedEarly: boolean }>;
} {
  let report: (value: { written: number; closedEarly: boolean }) => void = () => undefined;
  const done = new Promise<{ written: number; closedEarly: boolean }>(
    (resolve) => (report = resolve),
  );
  const handler: Handler = (_request, response) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let closed = false;
    response.on('close', () => {
      closed = true;
      report({ written, closedEarly: written < total });
    });
    response.writeHead(200, { 'content-type': 'text/plain' });
    const pump = (): void => {
      while (!closed && written < total) {
        written += chunk.byteLength;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!closed) response.end();
    };
    pump();
  };
  return { handler, done };
}

describe('isHttpUrl', () => {
  it('accepts absolute http and https URLs only', () => {
    expect(isHttpUrl('https://example.com/feed.xml')).toBe(true);
    expect(isHttpUrl('HTTP://example.com')).toBe(true);
    expect(isHttpUrl('ftp://example.com/feed.xml')).toBe(false);
    expect(isHttpUrl('file:///tmp/feed.xml')).toBe(false);
    expect(isHttpUrl('feeds/http-news.xml')).toBe(false);
    expect(isHttpUrl('http://')).toBe(false);
  });
});

describe('readSource over HTTP', () => {
  it('returns the body with its content type, ETag and Last-Modified, sending our request headers', async () => {
    const url = route('/ok', (_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Tue, 01 Jul 2025 08:00:00 GMT',
      });
      response.end('<rss/>');
    });
    const source = await readSource(url);
    expect(source).toMatchObject({
      name: url,
      url,
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Tue, 01 Jul 2025 08:00:00 GMT',
    });
    expect(new TextDecoder().decode(source.bytes)).toBe('<rss/>');
    const headers = seen.get('/ok');
    expect(headers?.accept).toMatch(/^application\/feed\+json, application\/json, /);
    expect(headers?.accept).toContain('*/*;q=0.5');
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers?.['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('sends the given User-Agent', async () => {
    const url = route('/ua', (_request, response) => response.end('x'));
    await readSource(url, { userAgent: 'Test/1.0' });
    expect(seen.get('/ua')?.['user-agent']).toBe('Test/1.0');
  });

  it('returns an empty body as is', async () => {
    const empty = route('/empty', (_request, response) => response.end());
    const noContent = route('/no-content', (_request, response) => response.writeHead(204).end());
    expect((await readSource(empty)).bytes.byteLength).toBe(0);
    expect((await readSource(noContent)).bytes.byteLength).toBe(0);
  });

  it.each([404, 500])(
    'refuses HTTP %i as http-status, naming the status and source',
    async (status) => {
      const url = route(`/status-${status}`, (_request, response) =>
        response.writeHead(status).end('oops'),
      );
      const error = await refusal(readSource(url), 'http-status');
      expect(error.source).toBe(url);
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message.startsWith(`${url}: `)).toBe(true);
    },
  );

  it('reports a refused connection as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    const error = await refusal(readSource(`http://127.0.0.1:${port}/feed.xml`), 'unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  describe('timeouts', () => {
    it('gives up on a server that accepts and never answers', async () => {
      const url = route('/silent', () => undefined);
      const started = Date.now();
      const error = await refusal(readSource(url, { limits: SHORT_TIMEOUT }), 'timeout');
      expect(error.message).toContain('300 ms');
      expect(Date.now() - started).toBeLessThan(4000);
      await serverConnectionsClosed();
    });

    it('gives up on a server that sends headers and never a body', async () => {
      const url = route('/headers-only', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
        response.flushHeaders();
      });
      const started = Date.now();
      await refusal(readSource(url, { limits: SHORT_TIMEOUT }), 'timeout');
      expect(Date.now() - started).toBeLessThan(4000);
      await serverConnectionsClosed();
    });

    it('gives up on a body that stalls halfway', async () => {
      const url = route('/stall', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('first half');
      });
      await refusal(readSource(url, { limits: SHORT_TIMEOUT }), 'timeout');
      await serverConnectionsClosed();
    });

    it("rejects with the caller's abort reason, not as a source failure", async () => {
      const url = route('/cancelled', () => undefined);
      const controller = new AbortController();
      const reading = readSource(url, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('stop')), 50);
      await expect(reading).rejects.toThrow('stop');
      await serverConnectionsClosed();
    });
  });

  describe('redirects', () => {
    it('follows a relative 301 to the final URL', async () => {
      const target = route('/moved-here', (_request, response) => response.end('here'));
      const start = route('/moved', (_request, response) =>
        response.writeHead(301, { location: '/moved-here#top' }).end(),
      );
      const source = await readSource(start);
      expect(source.name).toBe(start);
      expect(source.url).toBe(`${target}#top`);
      expect(new TextDecoder().decode(source.bytes)).toBe('here');
    });

    it('refuses a loop A → B → A', async () => {
      const a = route('/loop-a', (_request, response) =>
        response.writeHead(302, { location: `${origin}/loop-b` }).end(),
      );
      route('/loop-b', (_request, response) =>
        response.writeHead(307, { location: '/loop-a#again' }).end(),
      );
      const error = await refusal(readSource(a), 'redirect-loop');
      expect(error.message).toContain('/loop-a → ');
    });

    it('refuses more than maxRedirects redirects, and follows exactly that many', async () => {
      route('/hop', (request, response) => {
        const n = Number(new URL(request.url ?? '', origin).searchParams.get('n'));
        if (n === 0) response.end('arrived');
        else response.writeHead(308, { location: `/hop?n=${n - 1}` }).end();
      });
      const ok = await readSource(`${origin}/hop?n=3`, { limits: { maxRedirects: 3 } });
      expect(ok.url).toBe(`${origin}/hop?n=0`);
      const error = await refusal(
        readSource(`${origin}/hop?n=4`, { limits: { maxRedirects: 3 } }),
        'too-many-redirects',
      );
      expect(error.message).toContain('more than 3 redirects');
      await refusal(
        readSource(`${origin}/hop?n=${DEFAULT_SOURCE_LIMITS.maxRedirects + 1}`),
        'too-many-redirects',
      );
    });

    it.each(['ftp://127.0.0.1/feed.xml', 'file:///etc/passwd'])(
      'refuses a redirect to %s',
      async (location) => {
        const url = route(`/to-${location.split(':')[0]}`, (_request, response) =>
          response.writeHead(302, { location }).end(),
        );
        const error = await refusal(readSource(url), 'unsupported');
        expect(error.message).toContain(location.split(':')[0] + ':');
      },
    );
  });

  describe('size limits', () => {
    it('refuses a Content-Length over the limit before reading the body', async () => {
      const { handler, done } = lazyBody(60 * MiB);
      const url = route('/declared-large', (request, response) => {
        response.setHeader('content-length', String(60 * MiB));
        handler(request, response);
      });
      const error = await refusal(readSource(url, { limits: { maxBytes: MiB } }), 'too-large');
      expect(error.message).toContain('Content-Length');
      expect((await done).closedEarly).toBe(true);
    });

    it('stops a chunked body at the limit while it streams', async () => {
      const { handler, done } = lazyBody(60 * MiB);
      const url = route('/chunked-large', handler);
      const error = await refusal(readSource(url, { limits: { maxBytes: MiB } }), 'too-large');
      expect(error.message).toContain(`limit of ${MiB} bytes`);
      const server = await done;
      expect(server.closedEarly).toBe(true);
      expect(server.written).toBeLessThan(60 * MiB);
    });

    it('accepts a body of exactly maxBytes', async () => {
      const url = route('/exact', (_request, response) => response.end(Buffer.alloc(1000, 0x62)));
      expect((await readSource(url, { limits: { maxBytes: 1000 } })).bytes.byteLength).toBe(1000);
      await refusal(readSource(url, { limits: { maxBytes: 999 } }), 'too-large');
    });

    it('refuses a gzip bomb by counting decoded bytes', async () => {
      const bomb = gzipSync(Buffer.alloc(60 * MiB));
      expect(bomb.byteLength).toBeLessThan(MiB);
      const url = route('/bomb', (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
        response.end(bomb);
      });
      const error = await refusal(readSource(url), 'too-large');
      expect(error.message).toContain('gzip decoding');
      expect(error.message).toContain(`limit of ${DEFAULT_SOURCE_LIMITS.maxBytes} bytes`);
    });
  });

  describe('content encodings', () => {
    const text = '齐鲁轻读 '.repeat(500);
    it.each([
      ['gzip', gzipSync(text)],
      ['x-gzip', gzipSync(text)],
      ['deflate', deflateSync(text)],
      ['deflate', deflateRawSync(text)],
      ['br', brotliCompressSync(text)],
    ])('decodes %s', async (coding, body) => {
      const url = route(`/encoded-${coding}-${body.byteLength}`, (_request, response) => {
        response.writeHead(200, { 'content-encoding': coding, 'content-length': body.byteLength });
        response.end(body);
      });
      expect(new TextDecoder().decode((await readSource(url)).bytes)).toBe(text);
    });

    it('refuses a body that does not decode as its encoding says', async () => {
      const url = route('/bad-gzip', (_request, response) => {
        response.writeHead(200, { 'content-encoding': 'gzip' });
        response.end('this is not gzip');
      });
      await refusal(readSource(url), 'invalid-content');
    });

    it('refuses an encoding it cannot decode', async () => {
      const url = route('/zstd', (_request, response) => {
        response.writeHead(200, { 'content-encoding': 'zstd' });
        response.end('??');
      });
      const error = await refusal(readSource(url), 'unsupported');
      expect(error.message).toContain('zstd');
    });
  });
});

describe('readSource from files', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qilu-ingest-fetch-'));
    await writeFile(join(dir, 'feed.xml'), '<rss version="2.0"/>');
    await mkdir(join(dir, 'folder'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads an absolute path, a relative path and a file:// URL', async () => {
    const path = join(dir, 'feed.xml');
    const url = pathToFileURL(path).href;
    for (const location of [path, relative(process.cwd(), path), url]) {
      const source = await readSource(location);
      expect(source).toMatchObject({ name: location, url });
      expect(source.contentType).toBeUndefined();
      expect(new TextDecoder().decode(source.bytes)).toBe('<rss version="2.0"/>');
    }
  });

  it('reports a missing file as unreachable', async () => {
    const error = await refusal(readSource(join(dir, 'missing.xml')), 'unreachable');
    expect(error.message).toContain('no such file');
  });

  it('refuses a directory as unsupported', async () => {
    const error = await refusal(readSource(join(dir, 'folder')), 'unsupported');
    expect(error.message).toContain('directory');
  });

  it('refuses a file over the limit from its size, without reading it', async () => {
    const big = join(dir, 'big.xml');
    await writeFile(big, '');
    await truncate(big, 60 * MiB); // sparse: no disk space, no memory
    const error = await refusal(readSource(big), 'too-large');
    expect(error.message).toContain(`${60 * MiB} bytes`);
  });

  it.skipIf(process.platform !== 'linux')(
    'also counts while reading, for files whose size says nothing',
    async () => {
      // /proc files report size 0 but have content: only the streaming count can catch them.
      await refusal(readSource('/proc/self/status', { limits: { maxBytes: 10 } }), 'too-large');
    },
  );

  it('refuses other URL schemes', async () => {
    await refusal(readSource('ftp://127.0.0.1/feed.xml'), 'unsupported');
    await refusal(readSource('file://remote-host/feed.xml'), 'unsupported');
  });
});
