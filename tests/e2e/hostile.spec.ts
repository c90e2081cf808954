import type { BrowserContext, Page } from '@playwright/test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { BOOT_ELEMENT_ID } from '../../src/shared/boot';
import { stopServiceWorkers } from '../../bench/service-worker-control';
import { hostileFeed, hostileId, hostileItem, hostileTitle } from '../fixtures/hostile/feed';
import type { CheckedElement } from '../fixtures/hostile/markup';
import { unsafeElement, visible } from '../fixtures/hostile/markup';
import { BEACON_HOST, VECTORS } from '../fixtures/hostile/vectors';
import { articlePath, expect, routeReady } from './fixtures';
import {
  allowOfflineFailures,
  offlineTest as test,
  storedArticleIds,
  waitForWorkerControl,
} from './offline-helpers';
import type { AppServer } from './offline-helpers';
import type { PageProblems } from './fixtures';

/**
 * The hostile corpus (tests/fixtures/hostile) through the real app: the feeds of two cities are
 * replaced by pages whose every item carries ten vectors in every text and HTML field (the
 * body as content_html for even items, content_text for odd ones) and a scripted URL in `url`
 * and `image`. The service worker fetches, parses and stores them; the page lists them,
 * searches them and opens each one online; then, with the server stopped and the worker
 * stopped before every navigation, the worker's boot view opens each one again. Tripwires in
 * every frame: a canary function the vectors call, a dialog listener, a route that records any
 * request to the beacon host, and the fixtures' CSP and Trusted Types violation watch.
 */

/** The two channels whose first pages the corpus replaces, each with half of it. */
const CHANNELS = ['jinan', 'qingdao'] as const;

/**
 * Vectors per article. Each vector is also tested alone in every field by the unit corpus
 * test; here ten share an article so that the whole corpus crosses the real browser in a few
 * minutes (each in its own element of the body, entry of a list, or part of a text field).
 */
const GROUP = 10;
const GROUPS = Array.from({ length: Math.ceil(VECTORS.length / GROUP) }, (_v, index) =>
  VECTORS.slice(index * GROUP, (index + 1) * GROUP),
);

/** Everything a tripwire caught. */
interface Tripwires {
  readonly hits: string[];
}

/** Arms the canary, the dialog listener and the beacon route in every page and frame. */
async function armTripwires(context: BrowserContext): Promise<Tripwires> {
  const hits: string[] = [];
  await context.exposeBinding('__xssReport', ({ frame }, id: unknown) => {
    hits.push(`canary ${String(id)} in ${frame.url()}`);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __xssReport: (id: unknown) => void }).__xssReport;
    Object.defineProperty(window, '__xss', { value: (id: unknown) => report(id) });
  });
  const watchDialogs = (page: Page): void => {
    page.on('dialog', (dialog) => {
      hits.push(`dialog "${dialog.message()}" on ${page.url()}`);
      void dialog.dismiss();
    });
  };
  context.pages().forEach(watchDialogs);
  context.on('page', watchDialogs);
  // Images are the one kind of request a feed may cause by design (its figures and lead images,
  // `img-src https:` in the CSP); any other request to the beacon is live markup.
  await context.route(`*://${BEACON_HOST}/**`, async (route) => {
    const request = route.request();
    if (request.resourceType() !== 'image')
      hits.push(`beacon ${request.resourceType()} ${request.url()}`);
    await route.abort();
  });
  return { hits };
}

/** Serves the corpus as the first pages of {@link CHANNELS}. */
function serveCorpus(app: AppServer): void {
  const half = Math.ceil(GROUPS.length / CHANNELS.length);
  CHANNELS.forEach((channel, part) => {
    const items = GROUPS.slice(part * half, (part + 1) * half).map((vectors, offset) => {
      const index = part * half + offset;
      return hostileItem(vectors, index, index % 2 === 0 ? 'html' : 'text');
    });
    app.override(`/api/feeds/${channel}.json`, hostileFeed(items));
  });
}

/**
 * A scripted URL that is not one (`java\0script:…`, entity-encoded forms) is a relative link
 * to a page on the feed's server that does not exist: its image request answers 404.
 */
function allowHostileRelativeUrls(problems: PageProblems): void {
  problems.allow(/^HTTP 404: \S+\/api\/feeds\/(?!jinan|qingdao)/);
  problems.allow(
    /^console error: Failed to load resource: .* 404 .*\/api\/feeds\/(?!jinan|qingdao)/,
  );
}

/** The elements of the article (or of `selector`) that are not safe output. */
async function liveMarkup(page: Page, selector: string, origin: string): Promise<string[]> {
  const elements = await page.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root}, ${root} *`)].map((element) => ({
        name: element.localName,
        attributes: [...element.attributes].map((a) => [a.name, a.value] as [string, string]),
      })),
    selector,
  );
  return elements.flatMap((element: CheckedElement) => unsafeElement(element, origin) ?? []);
}

/** The elements of the boot view in the worker's HTML `html` that are not safe output. */
function bootMarkup(html: string, origin: string): string[] {
  const boot = DomUtils.getElementById(BOOT_ELEMENT_ID, parseDocument(html).children);
  if (!boot) return ['the HTML has no boot view'];
  return DomUtils.findAll(() => true, [boot]).flatMap(
    (element) =>
      unsafeElement({ name: element.name, attributes: Object.entries(element.attribs) }, origin) ??
      [],
  );
}

/** The ids of every hostile article, in corpus order. */
const IDS = GROUPS.map((_vectors, index) => hostileId(index));

/** Visits each city so the worker stores its (hostile) first page, and waits for all of it. */
async function storeCorpus(page: Page): Promise<void> {
  for (const channel of CHANNELS) {
    await page.goto(`/channel/${channel}`);
    await routeReady(page);
    await waitForWorkerControl(page);
  }
  await expect
    .poll(
      async () => {
        const stored = new Set(await storedArticleIds(page));
        return IDS.filter((id) => !stored.has(id));
      },
      { message: 'every hostile article is stored', timeout: 30_000 },
    )
    .toEqual([]);
}

test.describe('hostile feeds: nothing runs, nothing loads, the text still reads', () => {
  test('online: lists, search and every article page', async ({ page, context, app, problems }) => {
    test.setTimeout(180_000);
    allowHostileRelativeUrls(problems);
    const tripwires = await armTripwires(context);
    serveCorpus(app);
    await storeCorpus(page);

    for (const channel of CHANNELS) {
      await page.goto(`/channel/${channel}`);
      await routeReady(page);
      await expect(page.getByRole('main').getByRole('link', { name: /^恶意测试/ })).not.toHaveCount(
        0,
      );
      expect(await liveMarkup(page, '#main ul', app.origin)).toEqual([]);
    }

    await page.goto(`/search?q=${encodeURIComponent('恶意测试')}`);
    await routeReady(page);
    await expect(
      page
        .getByRole('main')
        .getByRole('link', { name: /^恶意测试/ })
        .first(),
    ).toBeVisible();
    expect(await liveMarkup(page, '#main ol, #main ul', app.origin)).toEqual([]);

    for (const [index, vectors] of GROUPS.entries()) {
      const [first] = vectors;
      if (!first) continue;
      await page.goto(articlePath(hostileId(index)));
      await routeReady(page);
      const heading = page.getByRole('heading', { level: 1 });
      expect(visible(await heading.innerText()), first.id).toBe(
        visible(hostileTitle(index, first)),
      );
      expect(await liveMarkup(page, '#main article', app.origin), first.id).toEqual([]);
    }
    expect(tripwires.hits).toEqual([]);
  });

  test('offline, cold worker: the boot view of every article', async ({
    page,
    context,
    app,
    problems,
  }) => {
    test.setTimeout(180_000);
    allowHostileRelativeUrls(problems);
    const tripwires = await armTripwires(context);
    serveCorpus(app);
    await storeCorpus(page);
    const origin = app.origin;

    allowOfflineFailures(problems);
    await app.stop();
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    for (const [index, vectors] of GROUPS.entries()) {
      const [vector] = vectors;
      if (!vector) continue;
      // Off the app first, so no open page of it can wake the worker between stop and visit.
      await page.goto('about:blank');
      await stopServiceWorkers(cdp);
      const response = await page.goto(articlePath(hostileId(index)));
      // The worker answered with the boot view: the stored article is in the HTML itself,
      // and nothing in that HTML is live markup.
      const html = (await response?.text()) ?? '';
      expect(html, vector.id).toContain(`恶意测试${index}：`);
      expect(bootMarkup(html, origin), vector.id).toEqual([]);
      await routeReady(page);
      const heading = page.getByRole('heading', { level: 1 });
      expect(visible(await heading.innerText()), vector.id).toBe(
        visible(hostileTitle(index, vector)),
      );
      expect(await liveMarkup(page, '#main article', origin), vector.id).toEqual([]);
    }
    expect(tripwires.hits).toEqual([]);
  });
});
