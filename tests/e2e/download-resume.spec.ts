import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { stopServiceWorkers } from '../../bench/service-worker-control';
import { expect, routeReady } from './fixtures';
import type { AppServer, LoggedRequest } from './offline-helpers';
import {
  allowOfflineFailures,
  holdImages,
  offlineTest as test,
  readStore,
  waitForStoredChannel,
  waitForWorkerControl,
} from './offline-helpers';

/**
 * 下载离线 cut off by a stopped service worker or by closing every tab resumes the next time
 * the worker starts, from the pages it had stored (the server sees none of them twice), and a
 * paused one that the reader cancels never resumes. 滨州 has three feed pages, more than the
 * depth of one, so a download can be stopped with pages both behind and ahead of it.
 */

const CHANNEL = 'binzhou';
const PROGRESS = /已下载 \d+ 篇文章，\d+(\.\d)? [KM]B（第 \d+ \/ \d+ 步）/;

/** The paths of the channel's feed pages, in order, and the ids of all their items. */
async function feedOf(
  request: APIRequestContext,
): Promise<{ title: string; paths: string[]; ids: string[] }> {
  const directory = (await (await request.get('/api/channels.json')).json()) as {
    channels: { id: string; title: string; feed_url: string }[];
  };
  const channel = directory.channels.find((entry) => entry.id === CHANNEL);
  if (!channel) throw new Error(`no channel ${CHANNEL}`);
  const base = 'http://feed.invalid/api/channels.json';
  const paths: string[] = [];
  const ids = new Set<string>();
  let url: string | undefined = new URL(channel.feed_url, base).href;
  while (url) {
    const path = new URL(url).pathname;
    paths.push(path);
    const page = (await (await request.get(path)).json()) as {
      items: { id: string }[];
      next_url?: string;
    };
    for (const item of page.items) ids.add(item.id);
    url = page.next_url ? new URL(page.next_url, url).href : undefined;
  }
  return { title: channel.title, paths, ids: [...ids] };
}

/** The app's requests for `path` since request number `from` (not the test's own reads). */
function requestsSince(app: AppServer, from: number, path: string): LoggedRequest[] {
  return app.requests.slice(from).filter((entry) => entry.url.split('?')[0] === path);
}

/** Those the server answered to the end (a request cut off by a stop has no status). */
function answered(app: AppServer, from: number, path: string): number {
  return requestsSince(app, from, path).filter((entry) => entry.status !== undefined).length;
}

/**
 * Opens the channel, waits for the worker, and starts 下载离线 with the third page hanging.
 * @returns the number of requests the server saw before the download.
 */
async function startWithThirdPageHanging(
  page: Page,
  app: AppServer,
  title: string,
  paths: readonly string[],
): Promise<number> {
  const third = paths[2];
  if (!third) throw new Error('the channel needs three feed pages');
  await page.goto(`/channel/${CHANNEL}`);
  await routeReady(page);
  await waitForWorkerControl(page);
  // The worker stores what the prerendered page showed: after that, every request is the download's.
  await waitForStoredChannel(page, CHANNEL);
  app.fault(third, { kind: 'hang' }, 1);
  const from = app.requests.length;
  await page
    .getByRole('main')
    .getByRole('button', { name: `下载离线：${title}`, exact: true })
    .click();
  // The worker asks for the third page only after the first two are stored and recorded.
  await expect.poll(() => requestsSince(app, from, third).length, { timeout: 20_000 }).toBe(1);
  return from;
}

/**
 * A gate on requests for `path` (page and worker): open until `close`d, then held until
 * `release`. Routes are set before any worker is stopped: adding one after a stop waits
 * on the stopped worker's target.
 */
async function gatePath(
  context: BrowserContext,
  path: string,
): Promise<{ close: () => void; release: () => void }> {
  let closed = false;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route(`**${path}*`, async (route) => {
    if (closed) await gate;
    await route.continue();
  });
  return {
    close: () => {
      closed = true;
    },
    release,
  };
}

/** Every page requested once, but for the one in flight at the stop: asked again, answered once. */
function expectNoPageFetchedTwice(app: AppServer, from: number, paths: readonly string[]): void {
  const [first, second, third] = paths;
  if (!first || !second || !third) throw new Error('three pages expected');
  expect(requestsSince(app, from, first).length, first).toBe(1);
  expect(requestsSince(app, from, second).length, second).toBe(1);
  expect(
    requestsSince(app, from, third).length,
    `${third}: the cut request and the resumed one`,
  ).toBe(2);
  for (const path of paths) expect(answered(app, from, path), path).toBe(1);
}

test.describe('下载离线 resumes after an interruption', () => {
  test('a worker stopped mid-download resumes it from the stored pages when it next starts', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(90_000);
    allowOfflineFailures(problems);
    const { title, paths, ids } = await feedOf(request);
    const release = await holdImages(context);
    const from = await startWithThirdPageHanging(page, app, title, paths);

    const cdp = await context.newCDPSession(page);
    await stopServiceWorkers(cdp);
    // What the stopped worker left: its plan and the two pages it stored, still to resume.
    const [record, ...others] = await readStore(page, 'downloads');
    expect(others).toEqual([]);
    expect(record?.status).toBe('running');
    expect(record?.pages.map((done) => done.pageIndex)).toEqual([0, 1]);

    // Any event starts the worker again; a plain fetch from the page is the least of them.
    await page.evaluate(async () => {
      await fetch('/robots.txt');
    });
    const main = page.getByRole('main');
    await expect(main.getByText('已从中断处继续下载')).toBeVisible({ timeout: 20_000 });
    await expect(main.getByText(PROGRESS)).toBeVisible();
    release();
    await expect(main.getByText(`下载完成：${ids.length} 篇文章`)).toBeVisible({
      timeout: 30_000,
    });

    expectNoPageFetchedTwice(app, from, paths);
    expect(await readStore(page, 'downloads')).toEqual([]);
    const stored = new Set((await readStore(page, 'articles')).map((entry) => entry.article.id));
    expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  });

  test('closing every tab mid-download: the app opened again continues it and shows its progress', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(90_000);
    allowOfflineFailures(problems);
    const { title, paths, ids } = await feedOf(request);
    const thirdPage = await gatePath(context, paths[2] ?? '');
    const releaseImages = await holdImages(context);
    const from = await startWithThirdPageHanging(page, app, title, paths);

    // A tab of another site keeps the browser open; the app's only tab goes.
    const other = await context.newPage();
    const cdp = await context.newCDPSession(other);
    await page.close();
    // A closed tab leaves the worker running until the browser stops it.
    await stopServiceWorkers(cdp);

    thirdPage.close();
    await other.goto(`/channel/${CHANNEL}`);
    await routeReady(other);
    // Now that the page listens, let the resumed download move on.
    thirdPage.release();
    const main = other.getByRole('main');
    await expect(main.getByText('已从中断处继续下载')).toBeVisible({ timeout: 20_000 });
    await expect(main.getByText(PROGRESS)).toBeVisible();
    await expect(main.getByRole('button', { name: '取消下载', exact: true })).toBeVisible();
    releaseImages();
    await expect(main.getByText(`下载完成：${ids.length} 篇文章`)).toBeVisible({
      timeout: 30_000,
    });

    expectNoPageFetchedTwice(app, from, paths);
    expect(await readStore(other, 'downloads')).toEqual([]);
    const stored = new Set((await readStore(other, 'articles')).map((entry) => entry.article.id));
    expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  });

  test('取消下载 of a paused download forgets it: it never resumes', async ({
    page,
    context,
    request,
    app,
    problems,
  }) => {
    test.setTimeout(90_000);
    allowOfflineFailures(problems);
    const { title, paths } = await feedOf(request);
    const second = paths[1] ?? '';
    await page.goto(`/channel/${CHANNEL}`);
    await routeReady(page);
    await waitForWorkerControl(page);
    const main = page.getByRole('main');

    // The connection goes as the worker asks for the second page.
    let cut = false;
    await context.route(`**${second}*`, async (route) => {
      if (!cut) {
        cut = true;
        await context.setOffline(true);
        await route.abort('internetdisconnected');
        return;
      }
      await route.continue();
    });
    const from = app.requests.length;
    await main.getByRole('button', { name: `下载离线：${title}`, exact: true }).click();
    await expect(main.getByText(/网络已断开，下载已暂停/)).toBeVisible({ timeout: 20_000 });

    // Opened again while still offline: the paused download is shown, with what it stored.
    await page.reload();
    await routeReady(page);
    await expect(main.getByText(/已下载 \d+ 篇文章，.*下载已暂停/)).toBeVisible();
    expect((await readStore(page, 'downloads')).length).toBe(1);
    await main.getByRole('button', { name: '取消下载', exact: true }).click();
    await expect(main.getByText('已取消下载')).toBeVisible();
    await expect.poll(() => readStore(page, 'downloads')).toEqual([]);

    // Back online, with a freshly started worker and a new launch: nothing resumes it.
    await context.setOffline(false);
    await page.goto('about:blank');
    await stopServiceWorkers(await context.newCDPSession(page));
    await page.goto(`/channel/${CHANNEL}`);
    await routeReady(page);
    await app.settled(1_000);
    expect(requestsSince(app, from, second)).toEqual([]);
    await expect(main.getByText('已从中断处继续下载')).toHaveCount(0);
    await expect(
      main.getByRole('button', { name: `下载离线：${title}`, exact: true }),
    ).toBeVisible();
    expect(await readStore(page, 'downloads')).toEqual([]);
  });
});
