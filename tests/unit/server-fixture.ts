import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { precompressDir } from '../../tools/precompress';
import { createServer } from '../../server/app.js';

/** A response read in full, headers lower-cased as node:http gives them. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A running server over a temporary build-like directory. */
export interface FixtureServer {
  root: string;
  origin: string;
  /** One request with exactly the given headers (no implicit Accept-Encoding, unlike fetch). */
  get(path: string, headers?: Record<string, string>, method?: string): Promise<RawResponse>;
  close(): Promise<void>;
}

/** Long enough (> 512 bytes) that precompression writes .br/.gz siblings. */
const BIG_SCRIPT = `export const words = ${JSON.stringify('齐鲁轻读 '.repeat(200))};\n`;

/** The files of a small build: shell, prerendered pages, hashed asset, service worker, manifest, icon and feed API. */
export const FIXTURE_FILES: Record<string, string> = {
  'shell.html': `<!doctype html><html lang="zh-CN"><head><title>齐鲁轻读</title></head><body><div id="app"></div>${'<!-- padding -->'.repeat(40)}</body></html>`,
  // Prerendered pages (tools/prerender.ts): home and one article.
  'index.html': `<!doctype html><html lang="zh-CN"><head><title>齐鲁轻读</title></head><body><div id="app"><h1>齐鲁轻读</h1></div>${'<!-- padding -->'.repeat(40)}</body></html>`,
  'article/a1/index.html': `<!doctype html><html lang="zh-CN"><head><title>新闻 1</title></head><body><div id="app"><h1>新闻 1</h1></div></body></html>`,
  'assets/index-Ab12Cd34.js': BIG_SCRIPT,
  'assets/index-Ab12Cd34.css': 'body{margin:0}',
  'sw.js': "self.addEventListener('fetch', () => {});",
  'manifest.webmanifest': JSON.stringify({ name: '齐鲁轻读', start_url: '/' }),
  'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
  'api/channels.json': JSON.stringify({ version: 1, title: '大众网', channels: [] }),
  'api/feeds/jinan.json': JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '济南',
    items: Array.from({ length: 20 }, (_, i) => ({
      id: `a${i}`,
      title: `新闻 ${i}`,
      content_text: '正文'.repeat(20),
    })),
  }),
  'api/images/x.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>',
};

/** Writes the fixture into a fresh temp dir, precompresses it like the build does, and serves it on port 0. */
export async function startFixtureServer(feedBase?: string): Promise<FixtureServer> {
  const root = await mkdtemp(join(tmpdir(), 'qilu-server-'));
  for (const [name, text] of Object.entries(FIXTURE_FILES)) {
    const path = join(root, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  await precompressDir(root);

  const server = createServer({ root, feedBase });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const get: FixtureServer['get'] = (path, headers = {}, method = 'GET') =>
    new Promise((done, fail) => {
      const req = request(`${origin}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end();
    });

  return {
    root,
    origin,
    get,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
