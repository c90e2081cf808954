import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { waitForController } from './service-worker-control';

/**
 * The service-worker floor of the offline repeat visit (DESIGN.md, Budgets):
 * the same article page, as the app's worker last answered it, behind the
 * smallest possible offline service worker (install caches the page and its
 * stylesheets; fetch answers from Cache Storage), on an origin of its own. What
 * the app's offline navigation costs beyond this is the app's own doing.
 */

/** Where the floor's page lives on its origin. */
export const FLOOR_PAGE_PATH = '/floor/article.html';
const FLOOR_WORKER_PATH = '/floor-sw.js';

/** `<script>` elements, module preloads and the manifest link: the floor runs no code of the app. */
const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script>/g;
const NOT_NEEDED = /\s*<link rel="(?:modulepreload|manifest)"[^>]*>/g;
const STYLESHEET = /<link rel="stylesheet"[^>]*href="(\/[^"]+)"/g;
const ICON = /<link rel="icon"[^>]*href="(\/[^"]+)"/g;

/** The floor's page from the app's boot view: the same markup and CSS, no scripts. */
export function floorPage(bootViewHtml: string): { html: string; files: string[] } {
  const html = bootViewHtml.replace(SCRIPTS, '').replace(NOT_NEEDED, '');
  const files = [...html.matchAll(STYLESHEET), ...html.matchAll(ICON)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
  return { html, files };
}

/** The floor's whole worker. */
function floorWorker(files: readonly string[]): string {
  return `const FILES = ${JSON.stringify([FLOOR_PAGE_PATH, ...files])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open('floor').then((cache) => cache.addAll(FILES)));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)));
});
`;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A running floor origin. */
export interface FloorServer {
  readonly origin: string;
  readonly pageUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the floor's page, its worker and the build's stylesheets named by the
 * page (read from `root`), from memory, on 127.0.0.1 and a free port.
 */
export async function serveFloor(root: string, bootViewHtml: string): Promise<FloorServer> {
  const { html, files } = floorPage(bootViewHtml);
  const bodies = new Map<string, Buffer>([
    [FLOOR_PAGE_PATH, Buffer.from(html)],
    [FLOOR_WORKER_PATH, Buffer.from(floorWorker(files))],
  ]);
  for (const file of files) bodies.set(file, await readFile(path.join(root, file)));
  const server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const body = bodies.get(pathname);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(pathname)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: `${origin}${FLOOR_PAGE_PATH}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Installs the floor's worker in `context` (online) and waits until it controls the page. */
export async function installFloor(context: BrowserContext, floor: FloorServer): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(floor.pageUrl);
    await page.evaluate(
      `navigator.serviceWorker.register(${JSON.stringify(FLOOR_WORKER_PATH)}).then(() => undefined)`,
    );
    await page.reload();
    await waitForController(page);
  } finally {
    await page.close();
  }
}
