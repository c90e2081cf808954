import { describe, expect, it } from 'vitest';
import { parseWorkerRequest } from '../../src/sw/request-guard';
import { KeyedQueue, SingleFlight } from '../../src/shared/single-flight';

describe('a message to the service worker', () => {
  it('is accepted when it is one of the protocol requests', () => {
    const requests = [
      { type: 'sync-directory', requestId: 'r1' },
      {
        type: 'sync-page',
        requestId: 'r2',
        channelId: 'jinan',
        pageIndex: 1,
        pageUrl: 'https://reader.example/api/feeds/jinan-2.json',
      },
      {
        type: 'download',
        requestId: 'r3',
        channelIds: ['jinan', 'qingdao'],
        depth: 3,
        images: true,
      },
      { type: 'cancel-download', requestId: 'r4', downloadId: 'r3' },
      { type: 'skip-waiting', requestId: 'r5' },
      { type: 'save-article', requestId: 'r6', articleId: 'seed-271a4622fc35748e' },
      { type: 'repair-shell', requestId: 'r7' },
      { type: 'prune-images', requestId: 'r8' },
    ];
    for (const request of requests) expect(parseWorkerRequest(request)).toEqual(request);
  });

  it("treats workbox-window's messageSkipWaiting() as a skip-waiting request", () => {
    expect(parseWorkerRequest({ type: 'SKIP_WAITING' })).toEqual({
      type: 'skip-waiting',
      requestId: '',
    });
  });

  it('drops what it adds to a request: only protocol fields are kept', () => {
    expect(parseWorkerRequest({ type: 'sync-directory', requestId: 'r', extra: 1 })).toEqual({
      type: 'sync-directory',
      requestId: 'r',
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'sync-directory'],
    ['an unknown type', { type: 'sync-everything', requestId: 'r' }],
    ['no requestId', { type: 'sync-directory' }],
    ['an empty requestId', { type: 'sync-directory', requestId: '' }],
    [
      'a page URL that is not http(s)',
      { type: 'sync-page', requestId: 'r', channelId: 'x', pageIndex: 0, pageUrl: 'javascript:1' },
    ],
    [
      'a relative page URL',
      { type: 'sync-page', requestId: 'r', channelId: 'x', pageIndex: 0, pageUrl: 'x.json' },
    ],
    [
      'a negative page index',
      {
        type: 'sync-page',
        requestId: 'r',
        channelId: 'x',
        pageIndex: -1,
        pageUrl: 'https://a.example/x.json',
      },
    ],
    [
      'a fractional page index',
      {
        type: 'sync-page',
        requestId: 'r',
        channelId: 'x',
        pageIndex: 0.5,
        pageUrl: 'https://a.example/x.json',
      },
    ],
    [
      'a download of no channel',
      { type: 'download', requestId: 'r', channelIds: [], depth: 1, images: false },
    ],
    [
      'a download depth of 0',
      { type: 'download', requestId: 'r', channelIds: ['a'], depth: 0, images: false },
    ],
    [
      'a download depth of 11',
      { type: 'download', requestId: 'r', channelIds: ['a'], depth: 11, images: false },
    ],
    [
      'a channel id that is not text',
      { type: 'download', requestId: 'r', channelIds: [1], depth: 1, images: false },
    ],
    [
      'images not a boolean',
      { type: 'download', requestId: 'r', channelIds: ['a'], depth: 1, images: 'yes' },
    ],
    ['a cancel without downloadId', { type: 'cancel-download', requestId: 'r' }],
    ['a save without articleId', { type: 'save-article', requestId: 'r' }],
    ['a save of an empty articleId', { type: 'save-article', requestId: 'r', articleId: '' }],
  ])('is ignored when it is %s', (_label, data) => {
    expect(parseWorkerRequest(data)).toBeUndefined();
  });
});

describe('a sync-article message', () => {
  it('carries only the article id: the worker derives the URL itself', () => {
    expect(
      parseWorkerRequest({
        type: 'sync-article',
        requestId: 'r7',
        articleId: 'demo-jinan-01',
        articleUrl: 'https://elsewhere.example/x.json',
      }),
    ).toEqual({ type: 'sync-article', requestId: 'r7', articleId: 'demo-jinan-01' });
  });

  it.each([
    ['without articleId', { type: 'sync-article', requestId: 'r' }],
    ['with an empty articleId', { type: 'sync-article', requestId: 'r', articleId: '' }],
    ['with an articleId that is not text', { type: 'sync-article', requestId: 'r', articleId: 7 }],
  ])('is ignored %s', (_label, data) => {
    expect(parseWorkerRequest(data)).toBeUndefined();
  });

  it('may say when the reader opened it (a resting first visit has the worker record the read)', () => {
    const readAt = Date.now() - 5000;
    expect(
      parseWorkerRequest({ type: 'sync-article', requestId: 'r', articleId: 'a', readAt }),
    ).toEqual({ type: 'sync-article', requestId: 'r', articleId: 'a', readAt });
  });

  it.each([
    ['a readAt that is not a number', '2026-12-04'],
    ['a readAt that is not finite', Number.POSITIVE_INFINITY],
    ['a readAt before the epoch', -1],
    ['a readAt of zero', 0],
    ['a readAt in the future', Date.now() + 24 * 3600 * 1000],
  ])('is ignored with %s', (_label, readAt) => {
    expect(
      parseWorkerRequest({ type: 'sync-article', requestId: 'r', articleId: 'a', readAt }),
    ).toBeUndefined();
  });
});

describe('the messages of a resting first visit', () => {
  const page = { type: 'sync-page', requestId: 'r', channelId: 'jinan', pageIndex: 0 };
  const pageUrl = 'https://reader.example/api/feeds/jinan.json';

  it('a sync-page may name the ids the page shows of it', () => {
    expect(parseWorkerRequest({ ...page, pageUrl, shownIds: ['a', 'b'] })).toEqual({
      ...page,
      pageUrl,
      shownIds: ['a', 'b'],
    });
  });

  it.each([
    ['ids that are not a list', 'a,b'],
    ['an id that is not text', ['a', 7]],
    ['an empty id', ['a', '']],
    ['more ids than a page holds', Array.from({ length: 201 }, (_, index) => `id-${index}`)],
  ])('a sync-page is ignored with %s', (_label, shownIds) => {
    expect(parseWorkerRequest({ ...page, pageUrl, shownIds })).toBeUndefined();
  });

  it('a set-position carries an article and a fraction of 0..1', () => {
    const request = { type: 'set-position', requestId: 'r', articleId: 'a', fraction: 0.6 };
    expect(parseWorkerRequest(request)).toEqual(request);
    for (const fraction of [-0.1, 1.5, Number.NaN, '0.5']) {
      expect(parseWorkerRequest({ ...request, fraction })).toBeUndefined();
    }
    expect(parseWorkerRequest({ ...request, articleId: '' })).toBeUndefined();
  });
});

/** A promise with its resolve function, to finish a job when the test says so. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('single-flight jobs', () => {
  it('share one run between requests for the same key while it runs', async () => {
    const flight = new SingleFlight<number>();
    const gate = deferred<number>();
    let runs = 0;
    const job = () => {
      runs += 1;
      return gate.promise;
    };
    const first = flight.run('jinan#0', job);
    const second = flight.run('jinan#0', job);
    expect(flight.has('jinan#0')).toBe(true);
    gate.resolve(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(runs).toBe(1);
  });

  it('run again once the previous run settled, even after a failure', async () => {
    const flight = new SingleFlight<number>();
    await expect(flight.run('k', () => Promise.reject(new Error('offline')))).rejects.toThrow(
      'offline',
    );
    expect(flight.has('k')).toBe(false);
    expect(await flight.run('k', () => Promise.resolve(2))).toBe(2);
  });

  it('do not join across keys', async () => {
    const flight = new SingleFlight<string>();
    const [a, b] = await Promise.all([
      flight.run('a', () => Promise.resolve('a')),
      flight.run('b', () => Promise.resolve('b')),
    ]);
    expect([a, b]).toEqual(['a', 'b']);
  });
});

describe('a keyed queue', () => {
  it('runs jobs of one key one after another, in order, past failures', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    const gate = deferred<undefined>();
    const first = queue.run('jinan#0', async () => {
      order.push('first started');
      await gate.promise;
      order.push('first done');
      throw new Error('write failed');
    });
    const second = queue.run('jinan#0', async () => {
      order.push('second started');
      return 2;
    });
    const other = queue.run('qingdao#0', async () => {
      order.push('other key started');
      return 3;
    });
    expect(await other).toBe(3);
    expect(order).toEqual(['first started', 'other key started']);
    gate.resolve(undefined);
    await expect(first).rejects.toThrow('write failed');
    expect(await second).toBe(2);
    expect(order).toEqual(['first started', 'other key started', 'first done', 'second started']);
  });
});
