import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { ENV, serverUrl } from './env';

export { expect };

/** A CSP or Trusted Types violation, as watchPage reports it. */
const VIOLATION = /CSP violation|Trusted ?Type|TrustedHTML|TrustedScript/i;

/**
 * Collects what must never happen on a page: console errors (Chromium reports CSP and Trusted
 * Types violations there), uncaught page errors, failed requests and HTTP errors from our servers.
 * A test that provokes an error on purpose says which ones with {@link PageProblems.allow}; a CSP
 * or Trusted Types violation is excused only by {@link PageProblems.allowViolation}, which only
 * the test that probes the policy itself uses.
 */
export class PageProblems {
  private readonly seen: string[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly allowedViolations: RegExp[] = [];

  /** Records a problem. */
  add(problem: string): void {
    this.seen.push(problem);
  }

  /** Expects problems matching `pattern` (e.g. the console error of a deliberately broken feed). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /** Expects CSP or Trusted Types violations matching `pattern` (a probe of the policy). */
  allowViolation(pattern: RegExp): void {
    this.allowedViolations.push(pattern);
  }

  /** The problems nobody asked for. */
  unexpected(): string[] {
    return this.seen.filter((problem) => {
      const excuses = VIOLATION.test(problem) ? this.allowedViolations : this.allowed;
      return !excuses.some((pattern) => pattern.test(problem));
    });
  }
}

/** Servers a test started itself (e.g. one it stops to go offline), per worker process. */
const testOrigins = new Set<string>();

/** Treats failures from `origin`, a server the test started, like those from the global servers. */
export function addOurOrigin(origin: string): void {
  testOrigins.add(origin);
}

/** Origins whose failures are ours to fix (third parties are not contacted at all). */
function ourOrigins(): string[] {
  return [
    ...[ENV.baseUrl, ENV.xoriginUrl, ENV.apiOrigin].flatMap((name) => process.env[name] ?? []),
    ...testOrigins,
  ];
}

function isOurs(url: string): boolean {
  return ourOrigins().some((origin) => url.startsWith(`${origin}/`));
}

/** Makes CSP violations loud even when the app catches the exception a Trusted Types sink throws. */
function reportViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(
      `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
    );
  });
}

/** Watches `page` and records every problem into `problems`. */
export async function watchPage(page: Page, problems: PageProblems): Promise<void> {
  await page.addInitScript(reportViolations);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (where.endsWith('/favicon.ico')) return; // See the response handler below.
    problems.add(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.add(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // Aborted requests are the app cancelling work it no longer needs (route changes).
    if (reason === 'net::ERR_ABORTED' || !isOurs(request.url())) return;
    problems.add(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    // A tab that shows a plain file (a JSON document) makes the browser ask for /favicon.ico on
    // its own; the app's pages name their icons.
    if (new URL(response.url()).pathname === '/favicon.ico') return;
    if (response.status() >= 400 && isOurs(response.url())) {
      problems.add(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
}

export interface Fixtures {
  /** Problems seen on `page`; any unexpected one fails the test after it ran. */
  problems: PageProblems;
}

/**
 * Playwright's `test`, pointed at the production server and failing on any console error,
 * CSP violation, page error or failed request to our servers.
 */
export const test = base.extend<Fixtures>({
  // The server's port is only known once the global setup ran, hence a fixture, not config.
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  baseURL: async ({}, use) => {
    await use(serverUrl(ENV.baseUrl));
  },
  problems: [
    async ({ page, context }, use) => {
      const problems = new PageProblems();
      await watchPage(page, problems);
      // Every other tab the test opens is watched too (a second reader tab, a scratch page).
      const others: Promise<void>[] = [];
      context.on('page', (other) => {
        if (other !== page) others.push(watchPage(other, problems));
      });
      await use(problems);
      await Promise.all(others);
      expect(
        problems.unexpected(),
        'console errors, CSP violations, page errors or failed requests',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

/** A channel as listed by channels.json (only the fields the tests use). */
export interface ChannelInfo {
  id: string;
  title: string;
  kind: 'section' | 'city';
  feed_url: string;
}

/** A JSON Feed item (only the fields the tests use). */
export interface FeedItem {
  id: string;
  title: string;
  content_html?: string;
  image?: string;
}

/** Reads channels.json from the server, so no test hard-codes the channel list. */
export async function channelDirectory(request: APIRequestContext): Promise<ChannelInfo[]> {
  const response = await request.get('/api/channels.json');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { channels: ChannelInfo[] };
  return body.channels;
}

/** Every page of one channel's feed, following next_url, as item lists. */
export async function feedPages(
  request: APIRequestContext,
  channel: ChannelInfo,
): Promise<FeedItem[][]> {
  const pages: FeedItem[][] = [];
  let url: string | undefined = new URL(
    channel.feed_url,
    new URL('/api/channels.json', serverUrl(ENV.baseUrl)),
  ).href;
  while (url && pages.length < 50) {
    const response = await request.get(url);
    expect(response.ok(), url).toBe(true);
    const page = (await response.json()) as { items: FeedItem[]; next_url?: string };
    pages.push(page.items);
    url = page.next_url ? new URL(page.next_url, url).href : undefined;
  }
  return pages;
}

/** The route of an article, as the app links it. */
export function articlePath(id: string): string {
  return `/article/${encodeURIComponent(id)}`;
}

/**
 * Waits until the route is ready for the reader: the app has taken over from the service
 * worker's boot view of a stored article (src/shared/boot.ts) and rendered over a prerendered
 * page, or the page rests on a first visit (src/app/first-visit: its HTML is the app's markup,
 * and the first use of a control brings the app, which then answers it); its h1 is there and
 * nothing is still loading.
 */
export async function routeReady(page: Page): Promise<void> {
  await expect(page.locator('html.booting, #boot, html.prerendered:not(.resting)')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '正在加载' })).toHaveCount(0);
}

/** The axe tags the product is held to (WCAG 2.2 AA plus best practices). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the page and returns the violations in a readable form (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
      violation.nodes
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
        .join('\n'),
  );
}

/** The paths the build prerenders (tools/prerender.ts): home, channels, articles, about pages. */
function isPrerenderedPath(url: URL): boolean {
  return url.pathname === '/' || /^\/(?:channel|article|about)\//.test(url.pathname);
}

/**
 * Answers every navigation of `target` to a prerendered path with the unrendered shell
 * (shell.html), as the server does for a page the build did not prerender (an article ingested
 * after it) and the worker does for a repeat visit: for tests of how the app reads what a page
 * shows by itself, from IndexedDB or the network, rather than from the page's HTML.
 */
export async function withoutPrerenderedPages(target: Page | BrowserContext): Promise<void> {
  await target.route(isPrerenderedPath, async (route) => {
    const request = route.request();
    if (!request.isNavigationRequest()) {
      await route.fallback();
      return;
    }
    const response = await route.fetch({ url: new URL('/shell.html', request.url()).href });
    await route.fulfill({ response });
  });
}

/**
 * Waits until the app runs the page: it has rendered over a prerendered page (on a resting first
 * visit, once something brought it). For tests of what only the running app does.
 */
export async function appRunning(page: Page): Promise<void> {
  await expect(page.locator('html.booting, #boot, html.prerendered')).toHaveCount(0);
}

/**
 * Opens `path` as a returning reader does: a first visit installs the worker, and the page opened
 * again under it runs the app at once (a resting first visit, src/app/first-visit, follows links
 * as plain links). For tests of the app's in-page navigation.
 */
export async function openWithApp(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await routeReady(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
  await page.reload();
  await routeReady(page);
  await appRunning(page);
}
