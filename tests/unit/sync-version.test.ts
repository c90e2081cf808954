import { afterEach, describe, expect, it } from 'vitest';
import { readDirectory, readPage } from '../../src/app/data/reads';
import type { FeedMetaRecord } from '../../src/shared/store/index';
import { storedVersion, syncDirectory, syncFeedPage } from '../../src/shared/sync/index';
import { documentRevision, revisionOfCopy } from '../../src/shared/sync/version';
import { CHANNELS_URL, fixtureJson } from './fixtures/feed/load';
import { closeStores, freshStore, pageUrl } from './store-fixtures';
import type { Route } from './sync-fixtures';
import { fakeNetwork, feedJson } from './sync-fixtures';

/**
 * The revision of a stored feed document (src/shared/sync/version.ts): what
 * the worker's replies and news carry, and what the page's reads attach, so
 * that a page holding a copy can tell it is current without reading it again.
 */

afterEach(closeStores);

const JINAN = pageUrl('jinan');
const LAST_MODIFIED = 'Sat, 06 May 2023 02:30:13 GMT';

function meta(overrides: Partial<FeedMetaRecord> = {}): FeedMetaRecord {
  return { url: JINAN, etag: '"v1"', lastModified: LAST_MODIFIED, fetchedAt: 1000, ...overrides };
}

describe('documentRevision and revisionOfCopy', () => {
  it('names no revision without meta or without validators', () => {
    expect(documentRevision(undefined)).toBeUndefined();
    expect(documentRevision({ url: JINAN, fetchedAt: 1000 })).toBeUndefined();
    expect(revisionOfCopy({ url: JINAN, fetchedAt: 1000 }, 1000)).toBeUndefined();
    expect(revisionOfCopy(undefined, 1000)).toBeUndefined();
  });

  it('is built from either validator alone, and differs with each of them and the URL', () => {
    const both = documentRevision(meta());
    const etagOnly = documentRevision(meta({ lastModified: undefined }));
    const dateOnly = documentRevision(meta({ etag: undefined }));
    expect(etagOnly).toBeDefined();
    expect(dateOnly).toBeDefined();
    const revisions = [
      both,
      etagOnly,
      dateOnly,
      documentRevision(meta({ etag: '"v2"' })),
      documentRevision(meta({ url: pageUrl('hot') })),
    ];
    expect(new Set(revisions).size).toBe(revisions.length);
    // The fetch time is not part of it: a 304 keeps the revision.
    expect(documentRevision(meta({ fetchedAt: 2000 }))).toBe(both);
  });

  it('gives a copy the revision only when its fetch time is the meta’s (no write came in between)', () => {
    expect(revisionOfCopy(meta(), 1000)).toBe(documentRevision(meta()));
    expect(revisionOfCopy(meta(), 999)).toBeUndefined();
    expect(revisionOfCopy(meta({ fetchedAt: undefined }), 1000)).toBeUndefined();
  });
});

describe('storedVersion', () => {
  async function synced(route: Route) {
    const db = await freshStore();
    const routes = new Map<string, Route>([[JINAN, route]]);
    const net = fakeNetwork(routes);
    await syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch, now: () => 1000 });
    return { db, routes, net };
  }

  it('keeps the revision across a 304 and moves only the fetch time, as the page read does', async () => {
    const { db, net } = await synced({ json: feedJson(['a', 'b']), etag: '"v1"' });
    const first = await storedVersion(db, JINAN);
    expect(first).toMatchObject({ fetchedAt: 1000 });
    expect((await readPage(db, 'jinan', 0))?.page.revision).toBe(first?.revision);

    const outcome = await syncFeedPage(db, 'jinan', 0, JINAN, {
      fetch: net.fetch,
      now: () => 2000,
    });
    expect(outcome.status).toBe('not-modified');
    const second = await storedVersion(db, JINAN);
    expect(second).toEqual({ revision: first?.revision, fetchedAt: 2000 });
    expect((await readPage(db, 'jinan', 0))?.page).toMatchObject({
      revision: first?.revision,
      fetchedAt: 2000,
    });
  });

  it('names a new revision when new content comes with new validators', async () => {
    const { db, routes, net } = await synced({ json: feedJson(['a']), etag: '"v1"' });
    const first = await storedVersion(db, JINAN);
    routes.set(JINAN, { json: feedJson(['b', 'a']), etag: '"v2"' });
    await syncFeedPage(db, 'jinan', 0, JINAN, { fetch: net.fetch, now: () => 2000 });
    const second = await storedVersion(db, JINAN);
    expect(second?.revision).toBeDefined();
    expect(second?.revision).not.toBe(first?.revision);
    expect((await readPage(db, 'jinan', 0))?.page.revision).toBe(second?.revision);
  });

  it('is absent for a document served without validators', async () => {
    const { db } = await synced({ json: feedJson(['a']) });
    expect(await storedVersion(db, JINAN)).toBeUndefined();
    expect((await readPage(db, 'jinan', 0))?.page.revision).toBeUndefined();
  });

  it('names the directory’s copy too, kept across a 304', async () => {
    const db = await freshStore();
    const net = fakeNetwork(
      new Map([
        [CHANNELS_URL, { json: fixtureJson('channels.json'), lastModified: LAST_MODIFIED }],
      ]),
    );
    await syncDirectory(db, CHANNELS_URL, { fetch: net.fetch, now: () => 10 });
    const first = await storedVersion(db, CHANNELS_URL);
    expect(first?.revision).toBeDefined();
    expect((await readDirectory(db))?.revision).toBe(first?.revision);
    const { outcome } = await syncDirectory(db, CHANNELS_URL, { fetch: net.fetch, now: () => 20 });
    expect(outcome.status).toBe('not-modified');
    expect(await storedVersion(db, CHANNELS_URL)).toEqual({
      revision: first?.revision,
      fetchedAt: 20,
    });
    expect(await readDirectory(db)).toMatchObject({ revision: first?.revision, fetchedAt: 20 });
  });
});
