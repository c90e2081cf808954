import type { Page } from '@playwright/test';
import { DEFAULT_TIMEOUT_MS } from '../../src/shared/feed/fetch';
import { DEFAULT_RETRY } from '../../src/shared/feed/retry';
import { feedErrorUserMessage } from '../../src/shared/feed/errors';
import type { FeedErrorCode } from '../../src/shared/feed/errors';
import { expect, routeReady, withoutPrerenderedPages } from './fixtures';
import type { AppServer, Fault } from './offline-helpers';
import {
  offlineIndicator,
  offlineTest as test,
  openFirstListedArticle,
  readStore,
  routeFingerprint,
  waitForStoredChannel,
  waitForWorkerControl,
} from './offline-helpers';

/**
 * A fault-injecting server in front of the feeds (AppServer.fault): real sockets that stall,
 * trickle, reset and lie, in front of the real service worker and IndexedDB. Whatever the
 * feed does, what is stored stays readable and unchanged, the reader is told calmly and
 * specifically what happened, transient faults are retried with backoff and refusals are not.
 */

/** The page asks for a refresh once stored data is older than five minutes (lib/freshness.ts). */
const PAST_STALE_MS = 6 * 60 * 1000;
const FEED = '/api/feeds/jinan.json';

/** What the reader should meet after a fault: fresh news, or this message over the stored news. */
type Outcome =
  | { readonly reads: true; readonly requests: number }
  | {
      readonly reads: false;
      readonly code: FeedErrorCode;
      readonly status?: number;
      /** Requests the worker makes before it gives up (retries included). */
      readonly requests: number;
    };

interface Case {
  readonly name: string;
  readonly fault: (app: AppServer) => Fault;
  /** How many requests get the fault (default: all). */
  readonly times?: number;
  readonly outcome: Outcome;
}

const ALL_TRIES = DEFAULT_RETRY.attempts;

const CASES: readonly Case[] = [
  {
    name: '3 s of latency',
    fault: () => ({ kind: 'latency', ms: 3_000 }),
    outcome: { reads: true, requests: 1 },
  },
  {
    name: 'a 20 KB/s link',
    fault: () => ({ kind: 'throttle', bytesPerSecond: 20 * 1024 }),
    outcome: { reads: true, requests: 1 },
  },
  {
    name: 'one 429 with Retry-After: 1',
    fault: () => ({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }),
    times: 1,
    outcome: { reads: true, requests: 2 },
  },
  {
    name: 'one connection reset mid-body',
    fault: () => ({ kind: 'reset' }),
    times: 1,
    outcome: { reads: true, requests: 2 },
  },
  {
    name: 'JSON served as text/html',
    fault: () => ({ kind: 'content-type', type: 'text/html; charset=utf-8' }),
    outcome: { reads: true, requests: 1 },
  },
  {
    name: 'a server that never answers',
    fault: () => ({ kind: 'hang' }),
    // A stall is tried once more, not twice: each costs the whole time limit.
    outcome: { reads: false, code: 'timeout', requests: 2 },
  },
  {
    name: 'connection resets every time',
    fault: () => ({ kind: 'reset' }),
    outcome: { reads: false, code: 'network', requests: ALL_TRIES },
  },
  {
    name: 'a truncated body',
    fault: () => ({ kind: 'truncate' }),
    outcome: { reads: false, code: 'json', requests: 2 },
  },
  {
    name: 'HTTP 500',
    fault: () => ({ kind: 'status', status: 500 }),
    outcome: { reads: false, code: 'http', status: 500, requests: ALL_TRIES },
  },
  {
    name: 'HTTP 503 with Retry-After: 1',
    fault: () => ({ kind: 'status', status: 503, headers: { 'retry-after': '1' } }),
    outcome: { reads: false, code: 'http', status: 503, requests: ALL_TRIES },
  },
  {
    name: 'HTTP 429 with Retry-After of an hour',
    fault: () => ({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }),
    outcome: { reads: false, code: 'http', status: 429, requests: 1 },
  },
  {
    name: 'HTTP 404',
    fault: () => ({ kind: 'status', status: 404 }),
    outcome: { reads: false, code: 'http', status: 404, requests: 1 },
  },
  {
    name: 'an HTML maintenance page with status 200',
    fault: () => ({ kind: 'html' }),
    outcome: { reads: false, code: 'not-feed', requests: 1 },
  },
  {
    name: 'a redirect to another origin',
    // localhost is another origin than 127.0.0.1, though the same server.
    fault: (app) => ({
      kind: 'redirect',
      location: `${app.origin.replace('127.0.0.1', 'localhost')}${FEED}`,
    }),
    // Asked once without following (the redirect is seen as one), once following (refused).
    outcome: { reads: false, code: 'moved', requests: 2 },
  },
  {
    name: 'a 10 MB document',
    fault: () => ({ kind: 'huge', bytes: 10 * 1024 * 1024 }),
    outcome: { reads: false, code: 'too-large', requests: 1 },
  },
];

/** Opens 济南 with the page clock faked from now, and waits until the worker stored it. */
async function firstVisit(page: Page): Promise<number> {
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.goto('/channel/jinan');
  await routeReady(page);
  await waitForWorkerControl(page);
  await waitForStoredChannel(page, 'jinan');
  return start;
}

/** What IndexedDB holds for 济南, without the times a refresh may touch. */
async function storedJinan(page: Page) {
  const pages = (await readStore(page, 'channelPages')).filter(
    (record) => record.channelId === 'jinan',
  );
  const articles = await readStore(page, 'articles');
  return {
    pages: pages.map((record) => ({ ...record, fetchedAt: 0 })),
    articles: articles.map((record) => ({ ...record, storedAt: 0 })),
  };
}

test.describe('a feed behind a broken network or server, after a first visit', () => {
  for (const entry of CASES) {
    const { outcome } = entry;
    const expectation = outcome.reads
      ? 'the news is refreshed'
      : outcome.code === 'network'
        ? 'the stored 济南 stays, unchanged, and the header says 「离线」'
        : `the stored 济南 stays, unchanged, and says 「${feedErrorUserMessage(outcome.code, outcome.status)}」`;
    test(`with ${entry.name}: ${expectation}`, async ({ page, app, problems }) => {
      test.setTimeout(90_000);
      // The browser logs failed requests and the worker its failures: expected here.
      problems.allow(/\/api\/feeds\/jinan\.json/);
      problems.allow(/status of \d{3}/);
      const start = await firstVisit(page);
      await app.settled();
      const before = await routeFingerprint(page);
      const stored = await storedJinan(page);
      const feedUrl = `${app.origin}${FEED}`;
      const metaBefore = (await readStore(page, 'feedMeta')).find((meta) => meta.url === feedUrl);

      const seen = app.requestsTo(FEED).length;
      app.fault(FEED, entry.fault(app), entry.times);
      // Back a while later: the stored copy is stale, so opening the channel refreshes it.
      await page.clock.setSystemTime(start + PAST_STALE_MS);
      await page.reload();
      await routeReady(page);
      const main = page.getByRole('main');
      const slowest = 2 * DEFAULT_TIMEOUT_MS + 20_000;

      if (outcome.reads) {
        await expect
          .poll(
            async () =>
              (await readStore(page, 'feedMeta')).find((meta) => meta.url === feedUrl)?.fetchedAt ??
              0,
            { timeout: slowest, message: 'the refresh got through' },
          )
          .toBeGreaterThan(metaBefore?.fetchedAt ?? Infinity);
        const meta = (await readStore(page, 'feedMeta')).find((m) => m.url === feedUrl);
        expect(meta?.lastError).toBeUndefined();
      } else {
        if (outcome.code === 'network') {
          // The server cannot be reached: the header's 「离线」 says so, not a notice per list.
          await expect(offlineIndicator(page)).toBeVisible({ timeout: slowest });
        } else {
          const message = feedErrorUserMessage(outcome.code, outcome.status);
          await expect(main).toContainText(message, { timeout: slowest });
        }
        const meta = (await readStore(page, 'feedMeta')).find((m) => m.url === feedUrl);
        expect(meta?.lastError).toMatchObject({
          code: outcome.code,
          ...(outcome.status !== undefined && { httpStatus: outcome.status }),
        });
        // Nothing half-written: the pages and articles are what they were.
        expect(await storedJinan(page)).toEqual(stored);
      }
      await app.settled(1_000);
      expect(app.requestsTo(FEED).length - seen, 'requests, retries included').toBe(
        outcome.requests,
      );
      // What is on screen is what was stored (or its refresh), and it still opens.
      expect((await routeFingerprint(page)).articleLinks).toEqual(before.articleLinks);
      await openFirstListedArticle(page);
    });
  }
});

test.describe('one bad channel never blocks the others', () => {
  test('on a first visit with 热点新闻 hanging, 滚动, 图片新闻 and the cities read at once; 热点新闻 then says it timed out and 重试 works', async ({
    page,
    app,
    problems,
  }) => {
    test.setTimeout(90_000);
    problems.allow(/\/api\/feeds\/hot\.json/);
    app.fault('/api/feeds/hot.json', { kind: 'hang' });
    // A front page the app reads from the network (a prerendered one carries its lists and, on a
    // first visit, runs no app: it shows the build's 热点新闻 whatever the feed does).
    await withoutPrerenderedPages(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const name of ['滚动', '图片新闻']) {
      await expect(
        page.getByRole('region', { name, exact: true }).locator('a[href^="/article/"]').first(),
      ).toBeVisible();
    }
    await expect(
      page.getByRole('navigation', { name: '城市' }).getByRole('link').first(),
    ).toBeVisible();
    const hot = page.getByRole('region', { name: '热点新闻', exact: true });
    await expect(hot).toContainText(feedErrorUserMessage('timeout'), {
      timeout: 2 * DEFAULT_TIMEOUT_MS + 15_000,
    });

    app.clearFault('/api/feeds/hot.json');
    await hot.getByRole('button', { name: '重试', exact: true }).click();
    await expect(hot.locator('a[href^="/article/"]').first()).toBeVisible();
    await expect(hot).not.toContainText(feedErrorUserMessage('timeout'));
  });
});
