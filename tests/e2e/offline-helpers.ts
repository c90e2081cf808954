import { createServer } from 'node:http';
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  RequestListener,
  Server,
  ServerResponse,
} from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, CDPSession, Frame, Page } from '@playwright/test';
import { createRequestHandler } from '../../server/app.js';
import { DB_NAME } from '../../src/shared/cache-names';
import type { DownloadRecord } from '../../src/shared/store/downloads';
import { FeedError } from '../../src/shared/feed/errors';
import type { FeedErrorCode } from '../../src/shared/feed/errors';
import type {
  ChannelPageRecord,
  DirectoryRecord,
  FeedMetaRecord,
  StoredArticle,
  UserArticleRecord,
} from '../../src/shared/store/records';
import { v1Dir } from './offline-build';
import type { PageProblems } from './fixtures';
import { addOurOrigin, articlePath, expect, routeReady, test } from './fixtures';

/**
 * What the offline specs share: a production server per test that can be stopped and
 * that logs the requests it saw, a `test` that uses it,
 * and small readers of the app's IndexedDB that go straight to `indexedDB`, so a test sees
 * what is really stored rather than what the app's own store code says.
 */

/**
 * A way for the test server to misbehave on one path, as real networks and servers do. The
 * body, where one is sent, is the build's own file for that path.
 */
export type Fault =
  /** The real answer, after a pause. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** The real answer at this rate (a poor mobile link). */
  | { readonly kind: 'throttle'; readonly bytesPerSecond: number }
  /** Never a byte: the request stays open until the client gives up. */
  | { readonly kind: 'hang' }
  /** Headers and half the body, then the connection is reset. */
  | { readonly kind: 'reset' }
  /** Half the body, then a clean end (no Content-Length to betray it). */
  | { readonly kind: 'truncate' }
  /** Only this status, headers and body. */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** A maintenance page in HTML, with status 200. */
  | { readonly kind: 'html' }
  /** The real body with a wrong Content-Type. */
  | { readonly kind: 'content-type'; readonly type: string }
  /** A redirect to `location`. */
  | { readonly kind: 'redirect'; readonly location: string }
  /** A body of `bytes` bytes that starts like a feed and never ends it, sent in 64 KB parts. */
  | { readonly kind: 'huge'; readonly bytes: number };

/** One request the test server answered. */
export interface LoggedRequest {
  readonly method: string;
  /** Path and query, as requested. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The status sent, once the response finished. */
  status?: number;
}

/**
 * The production server (server/app.js) over a build, on its own port (its own origin, so
 * nothing a test stores leaks into another). It can be stopped to take the network away for
 * real, and switched to another build while running (a deployment on the same origin).
 */
export class AppServer {
  /** Every request answered, oldest first. */
  readonly requests: LoggedRequest[] = [];
  private handler: RequestListener;
  private readonly overrides = new Map<string, string>();
  private readonly faults = new Map<string, { fault: Fault; left: number }>();
  private server: Server | undefined;
  private port = 0;

  private constructor(private root: string) {
    this.handler = createRequestHandler({ root });
  }

  /** Starts a server over `root` (default: dist/, version 1) on a free port. */
  static async start(root = v1Dir()): Promise<AppServer> {
    const app = new AppServer(root);
    await app.listen();
    return app;
  }

  /** `http://127.0.0.1:<port>`. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Serves another build from now on: what a deployment does to the files. */
  serve(root: string): void {
    this.root = root;
    this.handler = createRequestHandler({ root });
  }

  /**
   * Makes requests for `pathname` fail with `fault` from now on: the next `times` of them
   * (default: all), after which the path is answered normally again.
   */
  fault(pathname: string, fault: Fault, times = Number.POSITIVE_INFINITY): void {
    this.faults.set(pathname, { fault, left: times });
  }

  /** Answers `pathname` normally again. */
  clearFault(pathname: string): void {
    this.faults.delete(pathname);
  }

  /**
   * Answers `pathname` with `json` instead of the build's file from now on (e.g. a feed page
   * a test wrote), with no validators, as a producer that sends none would.
   */
  override(pathname: string, json: unknown): void {
    this.overrides.set(pathname, JSON.stringify(json));
  }

  /** Requests whose path (without query) is `pathname`. */
  requestsTo(pathname: string): LoggedRequest[] {
    return this.requests.filter((request) => request.url.split('?')[0] === pathname);
  }

  /** Resolves once no request has arrived for `quietMs` (the page and its worker are idle). */
  async settled(quietMs = 500): Promise<void> {
    let count = -1;
    while (count !== this.requests.length) {
      count = this.requests.length;
      await new Promise((done) => setTimeout(done, quietMs));
    }
  }

  /** Stops listening and drops open connections: from now on connections are refused. */
  async stop(): Promise<void> {
    const { server } = this;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => {
      const entry: LoggedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: { ...req.headers },
      };
      this.requests.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      const pathname = entry.url.split('?')[0] ?? '';
      const fault = this.faults.get(pathname);
      if (fault && fault.left > 0) {
        fault.left -= 1;
        void misbehave(fault.fault, join(this.root, pathname), req, res, () =>
          this.handler(req, res),
        );
        return;
      }
      const override = this.overrides.get(pathname);
      if (override === undefined) {
        this.handler(req, res);
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/feed+json; charset=utf-8',
        'cache-control': 'no-cache',
      });
      res.end(override);
    });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', fail);
        done();
      });
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }
}

const FEED_TYPE = 'application/feed+json; charset=utf-8';

/** What a broken server does with one request (see {@link Fault}). */
async function misbehave(
  fault: Fault,
  file: string,
  req: IncomingMessage,
  res: ServerResponse,
  answer: () => void,
): Promise<void> {
  const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
  const body = (): Promise<Buffer> => readFile(file);
  switch (fault.kind) {
    case 'latency':
      await wait(fault.ms);
      answer();
      return;
    case 'throttle': {
      const bytes = await body();
      res.writeHead(200, { 'content-type': FEED_TYPE, 'content-length': bytes.byteLength });
      const slice = Math.max(1, Math.round(fault.bytesPerSecond / 10));
      for (let at = 0; at < bytes.byteLength && !res.destroyed; at += slice) {
        res.write(bytes.subarray(at, at + slice));
        await wait(100);
      }
      res.end();
      return;
    }
    case 'hang':
      // Held open; the client's time limit (or the server's stop) ends it.
      return;
    case 'reset': {
      const bytes = await body();
      res.writeHead(200, { 'content-type': FEED_TYPE, 'content-length': bytes.byteLength });
      res.write(bytes.subarray(0, bytes.byteLength >> 1));
      await wait(50);
      req.socket.resetAndDestroy();
      return;
    }
    case 'truncate': {
      const bytes = await body();
      res.writeHead(200, { 'content-type': FEED_TYPE });
      res.end(bytes.subarray(0, bytes.byteLength >> 1));
      return;
    }
    case 'status':
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      res.end(`status ${fault.status}`);
      return;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="zh"><title>系统维护</title><h1>系统维护中</h1></html>');
      return;
    case 'content-type':
      res.writeHead(200, { 'content-type': fault.type });
      res.end(await body());
      return;
    case 'redirect':
      res.writeHead(302, { location: fault.location });
      res.end();
      return;
    case 'huge': {
      res.writeHead(200, { 'content-type': FEED_TYPE });
      const part = Buffer.alloc(64 * 1024, 0x20);
      res.write('{"version":"https://jsonfeed.org/version/1.1","title":"');
      for (let sent = 0; sent < fault.bytes && !res.destroyed; sent += part.byteLength) {
        if (!res.write(part)) {
          await new Promise((done) => {
            res.once('drain', done);
            res.once('close', done);
          });
        }
      }
      res.end('"}');
      return;
    }
  }
}

/** Chromium's network emulation for "no network at all" (DevTools' Offline preset). */
const NO_NETWORK = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/**
 * The offline emulation of one context: Playwright's (requests fail) and, per page, a CDP
 * session that tells each new document it is offline again (see {@link setOffline}).
 */
class OfflineEmulation {
  private readonly held = new Map<Page, { session: CDPSession; onNavigated: (f: Frame) => void }>();
  private readonly onPage = (page: Page): void => void this.hold(page);

  constructor(private readonly context: BrowserContext) {}

  async start(): Promise<void> {
    await this.context.setOffline(true);
    this.context.on('page', this.onPage);
    await Promise.all(this.context.pages().map((page) => this.hold(page)));
  }

  async stop(): Promise<void> {
    this.context.off('page', this.onPage);
    await this.context.setOffline(false);
    for (const [page, { session, onNavigated }] of this.held) {
      page.off('framenavigated', onNavigated);
      if (page.isClosed()) continue;
      await session.send('Network.emulateNetworkConditions', { ...NO_NETWORK, offline: false });
      await session.detach();
    }
    this.held.clear();
  }

  private async hold(page: Page): Promise<void> {
    if (this.held.has(page)) return;
    const session = await this.context.newCDPSession(page);
    const apply = async (): Promise<void> => {
      // A page closed meanwhile (the test is done with it) has no network to take away.
      if (!page.isClosed()) await session.send('Network.emulateNetworkConditions', NO_NETWORK);
    };
    const onNavigated = (frame: Frame): void => {
      if (frame === page.mainFrame()) void apply().catch(() => undefined);
    };
    this.held.set(page, { session, onNavigated });
    page.on('framenavigated', onNavigated);
    await apply();
  }
}

const emulations = new WeakMap<BrowserContext, OfflineEmulation>();

/**
 * Takes the network away from `context` (`offline` true) or gives it back, as on a device
 * without one: requests fail, and in every page `navigator.onLine` is false and `offline` has
 * fired — also in a document opened while offline. Use it instead of `context.setOffline`.
 *
 * Why not context.setOffline alone: in Debian's Chromium 150 its emulation reaches a document
 * open at the time, but a document loaded afterwards (a navigation or reload, answered by the
 * service worker) starts with `navigator.onLine` true while its requests fail. That is an
 * emulation quirk, not what an offline device does (an earlier Chromium, 156, kept it
 * offline), and even a CDP session's own emulation does not outlive its document. So each
 * page gets a session that applies the emulation again when its main frame commits a new
 * document: `navigator.onLine` turns false and `offline` fires a few ms after the commit,
 * possibly after the app's first scripts ran — a device that lost its network as the page
 * opened, which the app handles too (src/app/data/connectivity.ts listens for `offline`).
 */
export async function setOffline(context: BrowserContext, offline: boolean): Promise<void> {
  const current = emulations.get(context);
  if (!offline) {
    emulations.delete(context);
    await (current ? current.stop() : context.setOffline(false));
    return;
  }
  if (current) return;
  const emulation = new OfflineEmulation(context);
  emulations.set(context, emulation);
  await emulation.start();
}

/** Records errors logged by the service worker (its console is the context's, not a page's). */
export function watchServiceWorkers(context: BrowserContext, problems: PageProblems): void {
  context.on('console', (message) => {
    if (message.type() !== 'error' || message.page() !== null) return;
    problems.add(`service worker console error: ${message.text()}`);
  });
}

interface OfflineFixtures {
  /** This test's own server; `baseURL` points at it. */
  app: AppServer;
  /** Service worker console errors fail the test like page errors do. */
  workerProblems: undefined;
}

/**
 * The project's `test` (fails on console errors, CSP violations, failed requests) with a
 * fresh server per test: each test gets its own origin, and may stop its server.
 */
export const offlineTest = test.extend<OfflineFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  app: async ({}, use) => {
    const app = await AppServer.start();
    addOurOrigin(app.origin);
    await use(app);
    await app.stop();
  },
  baseURL: async ({ app }, use) => {
    await use(app.origin);
  },
  workerProblems: [
    async ({ context, problems }, use) => {
      watchServiceWorkers(context, problems);
      await use(undefined);
    },
    { auto: true },
  ],
});

/** Texts of the UI contract (docs: /work/brief/issue3.md) that the specs look for. */
export const TEXT = {
  offline: '离线',
  channelNotDownloaded: '这个频道还没有下载，联网后即可阅读。',
  articleNotDownloaded: '这篇文章尚未下载，联网后即可阅读。',
  updateAvailable: '有新版本',
} as const;

/** The reader-facing sentence of a FeedError code, from the app's own table. */
export function feedErrorMessage(code: FeedErrorCode): string {
  return new FeedError(code, '').userMessage;
}

/**
 * Offline, some requests must fail and the app cannot prevent it: feed refreshes (the app
 * shows 「离线」 instead) and images it never cached (lazy images below the fold). Failed
 * shell or chunk requests stay problems: those must come from the precache.
 */
export function allowOfflineFailures(problems: PageProblems): void {
  problems.allow(/^request failed: GET \S+\/api\/\S+ net::ERR_/);
  // Chromium's console line for the same failures.
  problems.allow(/^console error: Failed to load resource: net::ERR_\w+ \(\S+\/api\/\S+\)$/);
}

/**
 * Holds every feed image request (the page's and the worker's) until the returned function
 * is called: keeps a 下载离线 observably in progress for as long as a test needs.
 */
export async function holdImages(context: BrowserContext): Promise<() => void> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route('**/api/images/**', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Waits until a service worker controls `page` (the first install claims its clients). */
export async function waitForWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
}

/** The app's IndexedDB object stores and their records (src/shared/store/records.ts). */
export interface StoreRecords {
  articles: StoredArticle;
  channelPages: ChannelPageRecord;
  feedMeta: FeedMetaRecord;
  directory: DirectoryRecord;
  user: UserArticleRecord;
  downloads: DownloadRecord;
}

/**
 * Every record of one object store of the app's database, read with plain IndexedDB.
 * An absent database or store reads as empty; the database is never created here, and
 * the connection is closed at once so it never blocks the app's own upgrades.
 */
export async function readStore<K extends keyof StoreRecords>(
  page: Page,
  storeName: K,
): Promise<StoreRecords[K][]> {
  const records = await page.evaluate(
    async ([dbName, name]) => {
      const known = await indexedDB.databases();
      if (!known.some((info) => info.name === dbName)) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        if (!db.objectStoreNames.contains(name)) return [];
        const all = db.transaction(name, 'readonly').objectStore(name).getAll();
        return await new Promise<unknown[]>((resolve, reject) => {
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error ?? new Error('getAll failed'));
        });
      } finally {
        db.close();
      }
    },
    [DB_NAME, storeName] as const,
  );
  return records as StoreRecords[K][];
}

/** The ids of the stored articles. */
export async function storedArticleIds(page: Page): Promise<string[]> {
  return (await readStore(page, 'articles')).map((record) => record.article.id);
}

/** The stored pages of one channel, first page first. */
export async function storedPages(page: Page, channelId: string): Promise<ChannelPageRecord[]> {
  return (await readStore(page, 'channelPages'))
    .filter((record) => record.channelId === channelId)
    .sort((a, b) => a.pageIndex - b.pageIndex);
}

/** Waits until the first page of `channelId` is in IndexedDB. */
export async function waitForStoredChannel(page: Page, channelId: string): Promise<void> {
  await expect
    .poll(async () => (await storedPages(page, channelId)).length, {
      message: `the first page of ${channelId} is stored`,
    })
    .toBeGreaterThan(0);
}

/** Opens channel `id` online and waits until the worker has stored its first page. */
export async function openAndStoreChannel(page: Page, id: string): Promise<void> {
  await page.goto(`/channel/${id}`);
  await routeReady(page);
  await waitForWorkerControl(page);
  await waitForStoredChannel(page, id);
}

/** Waits until article `id` is in IndexedDB. */
export async function waitForStoredArticle(page: Page, id: string): Promise<void> {
  await expect
    .poll(() => storedArticleIds(page), { message: `article ${id} is stored` })
    .toContain(id);
}

/**
 * Opens article `id` online and waits until the worker controls the page and has stored the
 * article: the starting point of every test that then reads it offline.
 */
export async function openAndStoreArticle(page: Page, id: string): Promise<void> {
  await page.goto(articlePath(id));
  await routeReady(page);
  await waitForWorkerControl(page);
  await waitForStoredArticle(page, id);
}

/** What a route shows, to compare a visit online with one offline. */
export interface RouteFingerprint {
  readonly title: string;
  readonly h1: string;
  /** Headings of the page's sections, in order (the 已读 marks left out). */
  readonly h2: readonly string[];
  /** Article links in the main content, in order. */
  readonly articleLinks: readonly string[];
  /** The paragraphs of the article, when the route is one. */
  readonly articleText: readonly string[];
}

/** Reads the {@link RouteFingerprint} of the page as it is now. */
export async function routeFingerprint(page: Page): Promise<RouteFingerprint> {
  const main = page.getByRole('main');
  return {
    title: await page.title(),
    h1: (await page.getByRole('heading', { level: 1 }).innerText()).trim(),
    // Without the reader's 「已读」 marks: reading articles between two visits changes them.
    h2: await main.getByRole('heading', { level: 2 }).evaluateAll((headings) =>
      headings.map((heading) => {
        const copy = heading.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.read-mark').forEach((mark) => mark.remove());
        return (copy.textContent ?? '').trim();
      }),
    ),
    articleLinks: await main
      .locator('a[href^="/article/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
    articleText: await articleParagraphs(page),
  };
}

/** The paragraphs of the article on screen, without its 相关新闻 section. */
export async function articleParagraphs(page: Page): Promise<string[]> {
  return page
    .getByRole('main')
    .locator('article p')
    .evaluateAll((paragraphs) =>
      paragraphs
        .filter((p) => !p.closest('section'))
        .map((p) => (p as HTMLElement).innerText.trim()),
    );
}

/** The header's offline indicator (role status in the banner). */
export function offlineIndicator(page: Page) {
  return page.getByRole('banner').getByRole('status').filter({ hasText: TEXT.offline });
}

/**
 * Opens the first article listed in `main` and checks it reads from what is stored (its
 * headline, not 「尚未下载」), as a reader would after a failed refresh.
 */
export async function openFirstListedArticle(page: Page): Promise<void> {
  const main = page.getByRole('main');
  const first = main.locator('a[href^="/article/"]').first();
  const headline = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(main).not.toContainText(TEXT.articleNotDownloaded);
}
