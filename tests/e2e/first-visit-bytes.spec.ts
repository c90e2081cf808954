import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIRST_VISIT_ROUTES, measureFirstVisit } from '../../bench/first-visit';

/**
 * The first-visit benchmark (bench/first-visit.ts) run for real: a fresh profile per
 * route against the production server over dist/. Byte budgets are not asserted here
 * (the bundle is being shrunk); what the measurement must always see is.
 */
const dist = path.resolve(import.meta.dirname, '../../dist');
const entry = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(
  readFileSync(path.join(dist, 'index.html'), 'utf8'),
)?.[1];

test('a first visit fetches only from its own origin, the entry script included, precache apart', async () => {
  test.setTimeout(180_000);
  expect(entry, 'index.html names a module script').toMatch(/^\/assets\/.+\.js$/);
  const result = await measureFirstVisit(dist);
  expect(result.routes.map((route) => route.route)).toEqual([...FIRST_VISIT_ROUTES]);
  for (const route of result.routes) {
    const foreign = route.requests.filter((request) => !request.sameOrigin);
    expect(
      foreign.map((request) => request.url),
      `third-party requests on ${route.route}`,
    ).toEqual([]);
    const pageScripts = route.totals.page.find((total) => total.kind === 'script');
    expect(pageScripts?.urls, `the page's scripts on ${route.route}`).toContain(entry);
    expect(route.totals.page.find((total) => total.kind === 'document')?.urls).toEqual([
      route.route,
    ]);
    // The worker's precache downloads are seen, and kept out of the page's totals.
    expect(route.totals.serviceWorker.length, `worker requests on ${route.route}`).toBeGreaterThan(
      0,
    );
  }
});
