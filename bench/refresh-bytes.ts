import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseChannelDirectory } from '../src/shared/feed';
import type { WorkerReply, WorkerRequest } from '../src/shared/messages';
import { launchBenchChromium } from './bench-browser';
import type { BenchServer, ServedResponse } from './bench-server';
import { copyBuild, serveBuild } from './bench-server';
import { askWorkerAll } from './page-scripts';
import { waitForController } from './service-worker-control';
import { mean, withTimeout } from './stats';

/** The target for one unchanged feed's refresh, response bytes on the wire. */
export const REFRESH_TARGET_BYTES = 2048;

const STEP_TIMEOUT_MS = 60_000;

/** Sizes of one kind of refreshed document, in bytes. */
export interface RefreshSizes {
  readonly count: number;
  readonly meanResponseBytes: number;
  readonly maxResponseBytes: number;
  readonly meanRequestBytes: number;
  readonly maxRequestBytes: number;
  /** The same documents' last full download (200 responses) before the refresh, summed. */
  readonly fullResponseBytes: number;
}

/** The unchanged-refresh benchmark's results. */
export interface RefreshBytesResult {
  /** The first page of every channel. */
  readonly feeds: RefreshSizes;
  /** channels.json. */
  readonly directory: RefreshSizes;
  /** Response bytes of the whole refresh (every feed and the directory). */
  readonly totalResponseBytes: number;
  /** Requests the refresh caused, and how many of them the server answered 304. */
  readonly requests: number;
  readonly notModified: number;
  /** Worker replies saying `not-modified` (nothing stored). */
  readonly repliesNotModified: number;
  readonly replies: number;
  readonly browser: string;
}

function pathOf(url: string): string {
  return new URL(url, 'http://x.invalid').pathname;
}

/** Every request of one refresh of all channels: the directory, then each first page. */
async function refreshRequests(dist: string, origin: string): Promise<WorkerRequest[]> {
  const json: unknown = JSON.parse(await readFile(path.join(dist, 'api', 'channels.json'), 'utf8'));
  const directory = parseChannelDirectory(json, `${origin}/api/channels.json`);
  return [
    { type: 'sync-directory', requestId: randomUUID() },
    ...directory.channels.map((channel): WorkerRequest => ({
      type: 'sync-page',
      requestId: randomUUID(),
      channelId: channel.id,
      pageIndex: 0,
      pageUrl: channel.feedUrl,
    })),
  ];
}

/** Sends every request to the controlling worker at once (as a refresh of everything does). */
async function ask(page: Page, requests: readonly WorkerRequest[]): Promise<WorkerReply[]> {
  const fresh = requests.map((request) => ({ ...request, requestId: randomUUID() }));
  const replies = await withTimeout(
    page.evaluate<WorkerReply[]>(askWorkerAll(fresh, STEP_TIMEOUT_MS)),
    STEP_TIMEOUT_MS,
    'the worker replies',
  );
  const failed = replies.find((reply) => !reply.ok);
  if (failed && !failed.ok) {
    throw new Error(`The worker failed a sync: ${failed.failure.code} ${failed.failure.message}`);
  }
  return replies;
}

function sizes(
  refreshed: readonly ServedResponse[],
  full: readonly ServedResponse[],
): RefreshSizes {
  const responseBytes = refreshed.map((r) => r.responseBytes);
  const requestBytes = refreshed.map((r) => r.requestBytes);
  return {
    count: refreshed.length,
    meanResponseBytes: mean(responseBytes),
    maxResponseBytes: Math.max(...responseBytes),
    meanRequestBytes: mean(requestBytes),
    maxRequestBytes: Math.max(...requestBytes),
    fullResponseBytes: full.reduce((sum, r) => sum + r.responseBytes, 0),
  };
}

/**
 * Bytes of an unchanged refresh of all channels. A fresh browser profile opens
 * the app (the worker installs and takes control); the worker is then asked,
 * over the app's own message protocol, to sync channels.json and the first
 * page of every channel (empty store → full downloads). Once the server is
 * idle, the same requests are sent again: with nothing changed, each must be a
 * conditional request answered 304. The server counts each response's bytes
 * on the socket (status line, headers, body) and each request head's bytes.
 */
export async function measureRefreshBytes(dist: string): Promise<RefreshBytesResult> {
  const build = await copyBuild(dist);
  let server: BenchServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await serveBuild(build.root);
    browser = await launchBenchChromium();
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(`${server.origin}/`);
    await waitForController(page);
    await withTimeout(server.settled(), STEP_TIMEOUT_MS, 'the first visit settling');

    const requests = await refreshRequests(build.root, server.origin);
    await ask(page, requests);
    await withTimeout(server.settled(), STEP_TIMEOUT_MS, 'the first sync settling');

    const mark = server.responses.length;
    const replies = await ask(page, requests);
    await withTimeout(server.settled(), STEP_TIMEOUT_MS, 'the refresh settling');

    const urls = new Set(
      requests.map((r) => pathOf(r.type === 'sync-page' ? r.pageUrl : '/api/channels.json')),
    );
    const refreshed = server.responses.slice(mark).filter((r) => pathOf(r.url).startsWith('/api/'));
    // The latest full download of each refreshed document, for comparison.
    const latestFull = new Map<string, ServedResponse>();
    for (const r of server.responses.slice(0, mark)) {
      if (r.status === 200 && urls.has(pathOf(r.url))) latestFull.set(pathOf(r.url), r);
    }
    const firstDownloads = [...latestFull.values()];
    const isDirectory = (r: ServedResponse): boolean => pathOf(r.url) === '/api/channels.json';
    return {
      feeds: sizes(
        refreshed.filter((r) => !isDirectory(r)),
        firstDownloads.filter((r) => !isDirectory(r)),
      ),
      directory: sizes(refreshed.filter(isDirectory), firstDownloads.filter(isDirectory)),
      totalResponseBytes: refreshed.reduce((sum, r) => sum + r.responseBytes, 0),
      requests: refreshed.length,
      notModified: refreshed.filter((r) => r.status === 304).length,
      repliesNotModified: replies.filter((r) => r.ok && r.outcome?.status === 'not-modified')
        .length,
      replies: replies.length,
      browser: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
    await build.dispose();
  }
}
