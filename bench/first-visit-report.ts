import type { FirstVisitResult } from './first-visit';
import { FIRST_VISIT_CSS_BUDGET, FIRST_VISIT_JS_BUDGET } from './first-visit';
import { pageGzipBytes } from './first-visit-totals';
import type { KindTotal } from './first-visit-totals';

/**
 * The 「First visit」 section of docs/BENCHMARKS.md, from a first-visit run
 * (bench/first-visit.ts) or its error.
 */

/** The section's heading: also how `npm run bench -- --only first-visit` finds it in the file. */
export const FIRST_VISIT_HEADING =
  '## First visit, everything fetched until quiet (budget: ≤ 30 KB gzip JS, ≤ 8 KB gzip CSS)';

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const yes = (ok: boolean): string => (ok ? 'yes' : '**no**');
// The browser does not report the wire size of some worker downloads (the worker script).
const encoded = (total: KindTotal): string =>
  total.encodedBytes > 0 ? kb(total.encodedBytes) : '—';
// Sorted: the order requests finish in changes from run to run.
const files = (total: KindTotal): string =>
  [...total.urls]
    .sort()
    .map((url) => `\`${url}\``)
    .join(', ');

/** The section's lines, for a result or an error message. */
export function firstVisitSection(
  outcome: { ok: true; value: FirstVisitResult; load: number } | { ok: false; error: string },
): string[] {
  const heading = [FIRST_VISIT_HEADING, ''];
  if (!outcome.ok) return [...heading, `**Failed:** ${outcome.error.replaceAll('\n', ' ')}`, ''];
  const r = outcome.value;
  return [
    ...heading,
    'Each route opened in a fresh profile (new browser context: empty cache, no service worker), ' +
      '412×823 mobile viewport, from the production server (server/) over a copy of `dist/`; every request ' +
      'recorded until none had been in flight for 1 s. The page’s requests are counted apart from the service ' +
      'worker’s (its precache downloads; Playwright’s `request.serviceWorker()`). Sizes: “encoded” is the body ' +
      'as it came over the wire (gzip: Chromium offers brotli only over HTTPS), “gzip” is the decoded body ' +
      `gzipped at level 9 here, so it does not depend on the server. ${r.browser}, headless.`,
    '',
    '| route | JS files | JS gzip KB | budget KB | within | CSS files | CSS gzip KB | budget KB | within | all page requests | page gzip KB | worker requests | worker gzip KB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.routes.map((route) => {
      const js = pageGzipBytes(route.totals, 'script');
      const css = pageGzipBytes(route.totals, 'stylesheet');
      const count = (kinds: readonly KindTotal[]): number =>
        kinds.reduce((sum, total) => sum + total.count, 0);
      const gzip = (kinds: readonly KindTotal[]): number =>
        kinds.reduce((sum, total) => sum + total.gzipBytes, 0);
      const jsFiles = route.totals.page.find((total) => total.kind === 'script')?.count ?? 0;
      const cssFiles = route.totals.page.find((total) => total.kind === 'stylesheet')?.count ?? 0;
      return (
        `| \`${route.route}\` | ${jsFiles} | ${kb(js)} | ${kb(FIRST_VISIT_JS_BUDGET)} | ${yes(js <= FIRST_VISIT_JS_BUDGET)} | ` +
        `${cssFiles} | ${kb(css)} | ${kb(FIRST_VISIT_CSS_BUDGET)} | ${yes(css <= FIRST_VISIT_CSS_BUDGET)} | ` +
        `${count(route.totals.page)} | ${kb(gzip(route.totals.page))} | ${count(route.totals.serviceWorker)} | ${kb(gzip(route.totals.serviceWorker))} |`
      );
    }),
    '',
    'A first visit rests (src/app/first-visit): the prerendered page runs only the entry until the reader ' +
      'uses a control. The first use (here a tap on the header’s 城市 toggle, once the visit was quiet) brings ' +
      'the app, which renders over the page and answers the tap; what that costs, until quiet again:',
    '',
    '| route | scripts on first use | gzip KB | from the worker’s precache | stylesheets | all requests |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.routes.map((route) => {
      const scripts = route.firstUse.page.find((total) => total.kind === 'script');
      const sheets = route.firstUse.page.find((total) => total.kind === 'stylesheet');
      const all = route.firstUse.page.reduce((sum, total) => sum + total.count, 0);
      return (
        `| \`${route.route}\` | ${scripts?.count ?? 0} | ${kb(scripts?.gzipBytes ?? 0)} | ` +
        `${route.firstUseFromWorker ? 'yes' : 'no'} | ${sheets?.count ?? 0} | ${all} |`
      );
    }),
    '',
    ...r.routes.flatMap((route) => [
      `### \`${route.route}\` (a worker controlled the page when quiet: ${route.controlledAtEnd ? 'yes' : 'no'})`,
      '',
      '| by | kind | count | encoded KB | raw KB | gzip KB | files |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...route.totals.page.map(
        (t) =>
          `| page | ${t.kind} | ${t.count} | ${encoded(t)} | ${kb(t.rawBytes)} | ${kb(t.gzipBytes)} | ${files(t)} |`,
      ),
      ...route.totals.serviceWorker.map(
        (t) =>
          `| worker | ${t.kind} | ${t.count} | ${encoded(t)} | ${kb(t.rawBytes)} | ${kb(t.gzipBytes)} | ${t.count <= 5 ? files(t) : `${t.count} files`} |`,
      ),
      '',
    ]),
  ];
}
