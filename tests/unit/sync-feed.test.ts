import { afterEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/shared/feed/index';
import {
  getChannelArticles,
  getChannelPageRecord,
  getDirectoryRecord,
  getFeedMeta,
  StoreError,
} from '../../src/shared/store/index';
import type { StoreDb } from '../../src/shared/store/index';
import { syncDirectory, syncFeedPage, toSyncFailure } from '../../src/shared/sync/index';
import { CHANNELS_URL, fixtureJson } from './fixtures/feed/load';
import { closeStores, freshStore, pageUrl } from './store-fixtures';
import type { Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

afterEach(closeStores);

const JINAN = pageUrl('jinan');
const LAST_MODIFIED = 'Sat, 06 May 2023 02:30:13 GMT';

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the promise to reject'),
    (reason: unknown) => reason,
  );
}

/** A store with jinan's first page synced from a server that sends ETag and Last-Modified. */
async function syncedJinan(): Promise<{
  db: StoreDb;
  routes: Map<string, Route>;
  net: ReturnType<typeof fakeNetwork>;
}> {
  const db = await freshStore();
  const routes = new Map<string, Route>([
    [
      JINAN,
      { json: feedJson(['a', 'b'], 'jinan-2.json'), etag: '"v1"', lastModified: LAST_MODIFIED },
    ],
  ]);
  const net = fakeNetwork(routes);
  await syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch, now: () => 1000 });
  return { db, routes, net };
}

describe('syncFeedPage', () => {
  it('on a 200, validates and stores the page with its validators', async () => {
    const db = await freshStore();
    const net = fakeNetwork(
      new Map([[JINAN, { json: feedJson(['a', 'b'], 'jinan-2.json'), etag: '"v1"' }]]),
    );
    const outcome = await syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch, now: () => 5 });
    expect(outcome).toEqual({ status: 'updated', added: 2, changed: 0, skipped: 0 });
    expect((await getChannelArticles(db, 'jinan')).map((a) => a.title)).toEqual([
      '标题 a',
      '标题 b',
    ]);
    expect(await getChannelPageRecord(db, 'jinan', 0)).toMatchObject({
      url: JINAN,
      nextUrl: pageUrl('jinan', 2),
      fetchedAt: 5,
    });
    expect(await getFeedMeta(db, JINAN)).toEqual({ url: JINAN, etag: '"v1"', fetchedAt: 5 });
    // Nothing stored yet: the first request must not be conditional.
    expect(net.requests[0]?.headers.get('If-None-Match')).toBeNull();
  });

  it('sends If-None-Match and If-Modified-Since, and on a 304 stores nothing but the time', async () => {
    const { db, net } = await syncedJinan();
    const before = await getChannelPageRecord(db, 'jinan', 0);
    const outcome = await syncFeedPage(db, 'jinan', 0, JINAN, {
      fetch: net.fetch,
      now: () => 2000,
    });
    expect(outcome).toEqual({ status: 'not-modified', added: 0, changed: 0, skipped: 0 });
    const request = net.requests[1];
    expect(request?.headers.get('If-None-Match')).toBe('"v1"');
    expect(request?.headers.get('If-Modified-Since')).toBe(LAST_MODIFIED);
    expect(await getChannelPageRecord(db, 'jinan', 0)).toEqual({ ...before, fetchedAt: 2000 });
    expect(await getFeedMeta(db, JINAN)).toEqual({
      url: JINAN,
      etag: '"v1"',
      lastModified: LAST_MODIFIED,
      fetchedAt: 2000,
    });
  });

  it('stores a changed page and counts what changed', async () => {
    const { db, routes, net } = await syncedJinan();
    routes.set(JINAN, { json: feedJson(['c', 'a']), etag: '"v2"' });
    const outcome = await syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch });
    expect(outcome).toEqual({ status: 'updated', added: 1, changed: 0, skipped: 0 });
    expect((await getChannelArticles(db, 'jinan')).map((a) => a.id)).toEqual(['c', 'a']);
    expect((await getFeedMeta(db, JINAN))?.etag).toBe('"v2"');
  });

  it('counts the invalid items a feed contains as skipped', async () => {
    const db = await freshStore();
    const json = feedJson(['a']) as { items: unknown[] };
    json.items.push({ id: 'bad' });
    const net = fakeNetwork(new Map([[JINAN, { json }]]));
    expect((await syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch })).skipped).toBe(1);
  });

  describe('when the feed starts failing, keeps the previous page and records the error', () => {
    const failures: [string, Route, FeedError['code']][] = [
      ['HTTP 500', { status: 500 }, 'http'],
      [
        'truncated JSON',
        { text: '{"version":"https://jsonfeed.org/version/1.1","items":[{"id"' },
        'json',
      ],
      ['an invalid document', { json: { version: 'nope', items: 'none' } }, 'schema'],
      ['a timeout', { hang: true }, 'timeout'],
    ];
    for (const [what, route, code] of failures) {
      it(`on ${what}`, async () => {
        const { db, routes, net } = await syncedJinan();
        routes.set(JINAN, route);
        const error = await failureOf(
          syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch, timeoutMs: 30, now: () => 3000 }),
        );
        expect(error).toBeInstanceOf(FeedError);
        expect((error as FeedError).code).toBe(code);
        expect((await getChannelArticles(db, 'jinan')).map((a) => a.id)).toEqual(['a', 'b']);
        const meta = await getFeedMeta(db, JINAN);
        expect(meta?.etag).toBe('"v1"');
        expect(meta?.fetchedAt).toBe(1000);
        expect(meta?.lastError).toMatchObject({ code, at: 3000 });
      });
    }
  });

  it('clears the recorded error with the next success', async () => {
    const { db, routes, net } = await syncedJinan();
    routes.set(JINAN, { status: 503 });
    await failureOf(syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch }));
    routes.set(JINAN, { json: feedJson(['a', 'b']), etag: '"v1"' });
    await syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch });
    expect((await getFeedMeta(db, JINAN))?.lastError).toBeUndefined();
  });

  it('does not record the caller’s own cancellation as a feed error', async () => {
    const { db, routes, net } = await syncedJinan();
    routes.set(JINAN, { hang: true });
    const controller = new AbortController();
    const syncing = failureOf(
      syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch, signal: controller.signal }),
    );
    controller.abort();
    expect(toSyncFailure(await syncing).code).toBe('cancelled');
    expect((await getFeedMeta(db, JINAN))?.lastError).toBeUndefined();
  });

  it('does not send validators for a page index stored from another URL', async () => {
    const { db, net } = await syncedJinan();
    const other = pageUrl('jinan', 9);
    await failureOf(syncFeedPage(db, 'jinan', 0, other, { fetch: net.fetch }));
    expect(net.requests[1]?.url).toBe(other);
    expect(net.requests[1]?.headers.get('If-None-Match')).toBeNull();
  });
});

describe('syncDirectory', () => {
  it('stores the directory, then refreshes it conditionally', async () => {
    const db = await freshStore();
    const routes = new Map<string, Route>([
      [CHANNELS_URL, { json: fixtureJson('channels.json'), etag: '"d1"' }],
    ]);
    const net = fakeNetwork(routes);
    const first = await syncDirectory(db, CHANNELS_URL, { fetch: net.fetch, now: () => 10 });
    expect(first.outcome).toEqual({ status: 'updated', added: 19, changed: 0, skipped: 0 });
    expect(first.directory.channels[3]).toEqual({
      id: 'jinan',
      title: '济南',
      kind: 'city',
      feedUrl: 'https://news.example.com/api/feeds/jinan.json',
    });
    expect((await getDirectoryRecord(db))?.directory).toEqual(first.directory);

    const second = await syncDirectory(db, CHANNELS_URL, { fetch: net.fetch, now: () => 20 });
    expect(net.requests[1]?.headers.get('If-None-Match')).toBe('"d1"');
    expect(second.outcome.status).toBe('not-modified');
    expect(second.directory).toEqual(first.directory);
    expect((await getDirectoryRecord(db))?.fetchedAt).toBe(20);
  });

  it('counts channels added and changed', async () => {
    const db = await freshStore();
    const json = fixtureJson('channels.json') as { channels: Record<string, unknown>[] };
    const routes = new Map<string, Route>([[CHANNELS_URL, { json }]]);
    const net = fakeNetwork(routes);
    await syncDirectory(db, CHANNELS_URL, { fetch: net.fetch });
    const edited = structuredClone(json);
    edited.channels[0] = { ...edited.channels[0], title: '热点' };
    edited.channels.push({
      id: 'extra',
      title: '新频道',
      kind: 'section',
      feed_url: 'feeds/extra.json',
    });
    routes.set(CHANNELS_URL, { json: edited });
    const { outcome } = await syncDirectory(db, CHANNELS_URL, { fetch: net.fetch });
    expect(outcome).toEqual({ status: 'updated', added: 1, changed: 1, skipped: 0 });
  });

  it('keeps the stored directory when channels.json turns invalid', async () => {
    const db = await freshStore();
    const routes = new Map<string, Route>([[CHANNELS_URL, { json: fixtureJson('channels.json') }]]);
    const net = fakeNetwork(routes);
    await syncDirectory(db, CHANNELS_URL, { fetch: net.fetch });
    routes.set(CHANNELS_URL, { json: { version: 2 } });
    const error = await failureOf(syncDirectory(db, CHANNELS_URL, { fetch: net.fetch }));
    expect((error as FeedError).code).toBe('schema');
    expect((await getDirectoryRecord(db))?.directory.channels).toHaveLength(19);
    expect((await getFeedMeta(db, CHANNELS_URL))?.lastError?.code).toBe('schema');
  });
});

describe('toSyncFailure', () => {
  it('keeps a FeedError’s code and detail', () => {
    expect(toSyncFailure(new FeedError('timeout', 'x: slow'))).toEqual({
      code: 'timeout',
      message: 'x: slow',
    });
  });

  it('reports store failures, quota included, as storage', () => {
    expect(toSyncFailure(new StoreError('disk')).code).toBe('storage');
    expect(toSyncFailure(new DOMException('full', 'QuotaExceededError')).code).toBe('storage');
  });

  it('reports an abort as cancelled and anything else as unknown', () => {
    expect(toSyncFailure(new DOMException('stop', 'AbortError')).code).toBe('cancelled');
    expect(toSyncFailure(new TypeError('boom'))).toEqual({
      code: 'unknown',
      message: 'TypeError: boom',
    });
    expect(toSyncFailure('plain')).toEqual({ code: 'unknown', message: 'plain' });
  });
});
