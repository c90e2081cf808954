import { afterEach, describe, expect, it } from 'vitest';
import { articleDocumentUrl, FeedError } from '../../src/shared/feed/index';
import { getArticleRecord, getFeedMeta } from '../../src/shared/store/index';
import { syncArticleDocument, syncFeedPage } from '../../src/shared/sync/index';
import { API_BASE, feedDocument, feedItem } from './fixtures/feed/load';
import { closeStores, freshStore, pageUrl } from './store-fixtures';
import type { Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

afterEach(closeStores);

const DOC = articleDocumentUrl(API_BASE, 'a1');

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the promise to reject'),
    (reason: unknown) => reason,
  );
}

describe('articleDocumentUrl', () => {
  it('is articles/{encodeURIComponent(id)}.json under FEED_BASE, whatever the id holds', () => {
    expect(articleDocumentUrl(API_BASE, 'seed-271a4622fc35748e')).toBe(
      'https://news.example.com/api/articles/seed-271a4622fc35748e.json',
    );
    expect(articleDocumentUrl(API_BASE, '../x/济南?#')).toBe(
      'https://news.example.com/api/articles/..%2Fx%2F%E6%B5%8E%E5%8D%97%3F%23.json',
    );
    expect(articleDocumentUrl(API_BASE, '..')).toBe(
      'https://news.example.com/api/articles/...json',
    );
  });
});

describe('syncArticleDocument', () => {
  it('stores the article of the document, listed by no channel, with the validators', async () => {
    const db = await freshStore();
    const net = fakeNetwork(
      new Map([
        [
          DOC,
          {
            json: feedDocument([feedItem('a1', { image: '../images/a1.svg' })]),
            etag: '"d1"',
          },
        ],
      ]),
    );
    const outcome = await syncArticleDocument(db, 'a1', DOC, { fetch: net.fetch, now: () => 7 });
    expect(outcome).toEqual({ status: 'updated', added: 1, changed: 0, skipped: 0 });
    const stored = await getArticleRecord(db, 'a1');
    expect(stored).toMatchObject({ channelIds: [], storedAt: 7 });
    // Relative URLs resolve against the document's own URL.
    expect(stored?.article.image?.src).toBe('https://news.example.com/api/images/a1.svg');
    expect(await getFeedMeta(db, DOC)).toMatchObject({ etag: '"d1"', fetchedAt: 7 });

    // Asked again while it is stored: a conditional request, and a 304 changes nothing.
    const again = await syncArticleDocument(db, 'a1', DOC, { fetch: net.fetch, now: () => 9 });
    expect(again.status).toBe('not-modified');
    expect(net.requests[1]?.headers.get('If-None-Match')).toBe('"d1"');
    expect((await getArticleRecord(db, 'a1'))?.storedAt).toBe(7);
  });

  it('keeps the channels of an article a page stored before, and counts new content as changed', async () => {
    const db = await freshStore();
    const routes = new Map<string, Route>([
      [pageUrl('jinan'), { json: feedJson(['a1', 'a2']) }],
      [DOC, { json: feedDocument([feedItem('a1', { title: '新标题' })]) }],
    ]);
    const net = fakeNetwork(routes);
    await syncFeedPage(db, 'jinan', 0, pageUrl('jinan'), { fetch: net.fetch });
    const outcome = await syncArticleDocument(db, 'a1', DOC, { fetch: net.fetch });
    expect(outcome).toMatchObject({ added: 0, changed: 1 });
    expect(await getArticleRecord(db, 'a1')).toMatchObject({
      channelIds: ['jinan'],
      article: { title: '新标题' },
    });
  });

  it('stores only the article asked for from a document that holds more', async () => {
    const db = await freshStore();
    const net = fakeNetwork(
      new Map([[DOC, { json: feedDocument([feedItem('other'), feedItem('a1')]) }]]),
    );
    await syncArticleDocument(db, 'a1', DOC, { fetch: net.fetch });
    expect(await getArticleRecord(db, 'a1')).toBeDefined();
    expect(await getArticleRecord(db, 'other')).toBeUndefined();
  });

  it('fails as schema, recorded against the document, when it does not hold the article', async () => {
    const db = await freshStore();
    const net = fakeNetwork(new Map([[DOC, { json: feedDocument([feedItem('other')]) }]]));
    const error = await failureOf(syncArticleDocument(db, 'a1', DOC, { fetch: net.fetch }));
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).code).toBe('schema');
    expect((await getFeedMeta(db, DOC))?.lastError?.code).toBe('schema');
    expect(await getArticleRecord(db, 'other')).toBeUndefined();
  });

  it('fails as http 404 when the producer publishes no such document', async () => {
    const db = await freshStore();
    const net = fakeNetwork(new Map());
    const error = await failureOf(syncArticleDocument(db, 'a1', DOC, { fetch: net.fetch }));
    expect(error).toMatchObject({ code: 'http', status: 404 });
    expect(await getArticleRecord(db, 'a1')).toBeUndefined();
  });
});
