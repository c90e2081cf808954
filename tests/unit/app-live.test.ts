import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as CacheModule from '../../src/app/data/cache';
import type * as ChannelPagesModule from '../../src/app/data/channel-pages';
import type * as DirectoryModule from '../../src/app/data/directory';
import type * as LiveModule from '../../src/app/data/live';
import type * as NewsModule from '../../src/app/data/news';
import type * as ReadsModule from '../../src/app/data/reads';
import type * as WorkerClientModule from '../../src/app/pwa/worker-client';
import type { WorkerNews, WorkerReply, WorkerRequest } from '../../src/shared/messages';
import type { StoreDb } from '../../src/shared/store/index';
import { storedVersion, syncDirectory, syncFeedPage } from '../../src/shared/sync/index';
import { restorePageGlobals, stubPageGlobals } from './app-page-fixtures';
import type { Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

/**
 * Keeping memory current without reading back what was just written: the
 * worker's replies and news name the stored copy (its revision), and the page
 * reads IndexedDB only when memory does not hold that copy. Runs the real data
 * layer against fake-indexeddb and a fake network, with reads counted, either
 * in the in-page path or with a stand-in worker that runs the same shared
 * sync and answers like src/sw/sync-jobs.ts.
 */

const ORIGIN = 'https://news.example.com';
const API = `${ORIGIN}/api/`;
const DIRECTORY = `${API}channels.json`;
const HOT = `${API}feeds/hot.json`;
/** Past the staleness limit (lib/freshness.ts), so a stored copy is refreshed. */
const LATER = 10 * 60 * 1000;

interface DataLayer {
  readonly cache: typeof CacheModule;
  readonly channelPages: typeof ChannelPagesModule;
  readonly directory: typeof DirectoryModule;
  readonly live: typeof LiveModule;
  readonly news: typeof NewsModule;
  /** Database of the data layer (the worker stand-in writes it too). */
  readonly db: StoreDb;
}

let routes: Map<string, Route>;
let clock: number;
let reads: { page: number; directory: number };
/** What the worker stand-in was asked, in order. */
let asked: WorkerRequest['type'][];

function publishedApi(): Map<string, Route> {
  return new Map<string, Route>([
    [
      DIRECTORY,
      {
        json: {
          version: 1,
          title: '大众网',
          channels: [{ id: 'hot', title: '热点新闻', kind: 'section', feed_url: 'feeds/hot.json' }],
        },
        etag: '"d1"',
      },
    ],
    [HOT, { json: feedJson(['a', 'b']), etag: '"h1"' }],
  ]);
}

/** Replies like the worker's sync jobs: news first (on the BroadcastChannel), then the reply. */
function workerStandIn(database: () => Promise<StoreDb>) {
  const listeners = new Set<(news: WorkerNews) => void>();
  const broadcast = (news: WorkerNews) => {
    // A BroadcastChannel delivers in a later task.
    setTimeout(() => {
      for (const listener of [...listeners]) listener(news);
    }, 0);
  };
  return {
    hasWorker: () => true,
    onWorkerNews: (listener: (news: WorkerNews) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    askWorker: async (request: WorkerRequest): Promise<WorkerReply> => {
      asked.push(request.type);
      const db = await database();
      const { requestId } = request;
      if (request.type === 'sync-directory') {
        const { outcome } = await syncDirectory(db, DIRECTORY);
        const stored = await storedVersion(db, DIRECTORY);
        if (outcome.status === 'updated') broadcast({ type: 'directory-updated', stored });
        return { requestId, ok: true, outcome, stored };
      }
      if (request.type === 'sync-page') {
        const { channelId, pageIndex, pageUrl } = request;
        const outcome = await syncFeedPage(db, channelId, pageIndex, pageUrl);
        const stored = await storedVersion(db, pageUrl);
        broadcast({ type: 'channel-updated', channelId, pageIndex, outcome, stored });
        return { requestId, ok: true, outcome, stored };
      }
      throw new Error(`The stand-in worker does not do ${request.type}`);
    },
  };
}

/** A fresh copy of the data layer over a fresh database, its reads counted. */
async function freshDataLayer({ worker }: { worker: boolean }): Promise<DataLayer> {
  vi.resetModules();
  vi.doMock('../../src/app/data/reads', async (importOriginal) => {
    const actual = await importOriginal<typeof ReadsModule>();
    return {
      ...actual,
      readPage: (...args: Parameters<typeof actual.readPage>) => {
        reads.page += 1;
        return actual.readPage(...args);
      },
      readDirectory: (...args: Parameters<typeof actual.readDirectory>) => {
        reads.directory += 1;
        return actual.readDirectory(...args);
      },
    };
  });
  if (worker) {
    vi.doMock('../../src/app/pwa/worker-client', async (importOriginal) => {
      const actual = await importOriginal<typeof WorkerClientModule>();
      const { localDatabase } = await import('../../src/app/data/database');
      return {
        ...actual,
        ...workerStandIn(async () => {
          const db = await localDatabase();
          if (!db) throw new Error('no IndexedDB');
          return db;
        }),
      };
    });
  }
  const { localDatabase } = await import('../../src/app/data/database');
  const db = await localDatabase();
  if (!db) throw new Error('the data layer has no IndexedDB');
  return {
    cache: await import('../../src/app/data/cache'),
    channelPages: await import('../../src/app/data/channel-pages'),
    directory: await import('../../src/app/data/directory'),
    live: await import('../../src/app/data/live'),
    news: await import('../../src/app/data/news'),
    db,
  };
}

/** Lets queued tasks (news, re-reads, fake-indexeddb's callbacks) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

function resetCounts(): void {
  reads = { page: 0, directory: 0 };
  asked = [];
}

beforeEach(() => {
  routes = publishedApi();
  clock = 1_000_000;
  resetCounts();
  stubPageGlobals({
    url: `${ORIGIN}/channel/hot`,
    fetch: fakeNetwork(routes).fetch,
    indexedDB: new IDBFactory(),
    onLine: () => true,
  });
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
});

afterEach(() => {
  vi.doUnmock('../../src/app/data/reads');
  vi.doUnmock('../../src/app/pwa/worker-client');
  restorePageGlobals();
});

describe.each([
  { path: 'the worker', worker: true },
  { path: 'the page', worker: false },
])('when $path writes', ({ worker }) => {
  it('the page reads a refreshed page back only when the reply names a copy it does not hold', async () => {
    const data = await freshDataLayer({ worker });
    const first = await data.channelPages.getChannelPage('hot');
    const channel = data.directory.findChannel(await data.directory.getDirectory(), 'hot');
    if (!channel) throw new Error('no channel hot');
    expect(first.revision).toBeDefined();
    await settle();

    // Stale, unchanged on the server: a 304, and the reply says memory holds that copy.
    clock += LATER;
    resetCounts();
    const ref = data.channelPages.firstPageOf(channel);
    const again = await data.channelPages.loadPage(channel, ref, { preferFresh: true });
    await settle();
    if (worker) expect(asked).toEqual(['sync-page']);
    // The one read is the look at what is stored before deciding to refresh.
    expect(reads.page).toBe(1);
    expect(again.revision).toBe(first.revision);
    expect(again.fetchedAt).toBe(clock);
    expect(again.items.map((item) => item.id)).toEqual(['a', 'b']);

    // Changed on the server: read once, whichever of the reply and the news comes first.
    routes.set(HOT, { json: feedJson(['c', 'a', 'b']), etag: '"h2"' });
    clock += LATER;
    resetCounts();
    const changed = await data.channelPages.loadPage(channel, ref, { preferFresh: true });
    await settle();
    expect(reads.page).toBe(2);
    expect(changed.revision).not.toBe(first.revision);
    expect(changed.items.map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });

  it('reads the directory once per background refresh, and not at all after a 304', async () => {
    const data = await freshDataLayer({ worker });
    await data.directory.getDirectory();
    await settle();
    const version = data.live.directoryVersion.get();

    clock += LATER;
    resetCounts();
    data.live.watchDirectory();
    await settle();
    if (worker) expect(asked).toEqual(['sync-directory']);
    expect(reads.directory).toBe(0);
    // The fetch time moved in memory all the same («更新于» re-renders quietly).
    expect(data.cache.cachedDirectory()?.fetchedAt).toBe(clock);
    expect(data.live.directoryVersion.get()).toBe(version + 1);

    const json = publishedApi().get(DIRECTORY) as { json: { channels: unknown[] } };
    json.json.channels.push({
      id: 'jinan',
      title: '济南',
      kind: 'city',
      feed_url: 'feeds/jinan.json',
    });
    routes.set(DIRECTORY, { json: json.json, etag: '"d2"' });
    clock += LATER;
    resetCounts();
    data.live.watchDirectory();
    await settle();
    expect(reads.directory).toBe(1);
    expect(data.directory.peekDirectory()?.channels.map((channel) => channel.id)).toEqual([
      'hot',
      'jinan',
    ]);
    expect(data.live.directoryVersion.get()).toBe(version + 2);
  });
});

describe('news of a channel page', () => {
  it('of the copy memory holds reads nothing; of a new one re-reads and tells the listeners the count', async () => {
    const data = await freshDataLayer({ worker: false });
    const page = await data.channelPages.getChannelPage('hot');
    await settle();
    const changes: LiveModule.ChannelChange[] = [];
    data.live.onChannelChange((change) => changes.push(change));
    const revision = page.revision;
    if (revision === undefined) throw new Error('the page has no revision');

    resetCounts();
    const unchanged = { status: 'not-modified', added: 0, changed: 0, skipped: 0 } as const;
    data.news.emitNews({
      type: 'channel-updated',
      channelId: 'hot',
      pageIndex: 0,
      outcome: unchanged,
      stored: { revision, fetchedAt: page.fetchedAt },
    });
    await settle();
    expect(reads.page).toBe(0);
    expect(changes).toEqual([]);

    // Another tab's worker stored a new copy of the page.
    routes.set(HOT, { json: feedJson(['n', 'a', 'b']), etag: '"h2"' });
    clock += LATER;
    const outcome = await syncFeedPage(data.db, 'hot', 0, HOT);
    const stored = await storedVersion(data.db, HOT);
    expect(stored?.revision).not.toBe(revision);
    data.news.emitNews({
      type: 'channel-updated',
      channelId: 'hot',
      pageIndex: 0,
      outcome,
      stored,
    });
    await settle();
    expect(reads.page).toBe(1);
    expect(changes).toEqual([{ channelId: 'hot', pageIndex: 0, count: 1 }]);
    const now = data.cache.cachedPage('hot', 0);
    expect(now?.revision).toBe(stored?.revision);
    expect(now?.items.map((item) => item.id)).toEqual(['n', 'a', 'b']);
  });

  it('without validators, re-reads and re-renders quietly when only the fetch time moved', async () => {
    routes.set(HOT, { json: feedJson(['a', 'b']) });
    const data = await freshDataLayer({ worker: false });
    const page = await data.channelPages.getChannelPage('hot');
    await settle();
    expect(page.revision).toBeUndefined();
    const changes: LiveModule.ChannelChange[] = [];
    data.live.onChannelChange((change) => changes.push(change));

    clock += LATER;
    resetCounts();
    const outcome = await syncFeedPage(data.db, 'hot', 0, HOT);
    expect(await storedVersion(data.db, HOT)).toBeUndefined();
    data.news.emitNews({ type: 'channel-updated', channelId: 'hot', pageIndex: 0, outcome });
    await settle();
    expect(reads.page).toBe(1);
    expect(changes).toEqual([{ channelId: 'hot', pageIndex: 0, count: 0 }]);
    expect(data.cache.cachedPage('hot', 0)?.fetchedAt).toBe(clock);

    // The same news again: memory already holds that copy.
    data.news.emitNews({ type: 'channel-updated', channelId: 'hot', pageIndex: 0, outcome });
    await settle();
    expect(changes).toHaveLength(1);
  });
});
