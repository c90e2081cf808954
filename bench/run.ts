/**
 * `npm run bench`: measures what the budgets in DESIGN.md talk about and writes the
 * numbers, with the command and the machine, to docs/BENCHMARKS.md.
 *
 * Benchmarks live here rather than in tests: a timed assertion fails on a busy CI
 * machine for reasons that have nothing to do with the code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureFeedParsing } from './feed-parsing';
import { measureFirstVisit } from './first-visit';
import { FIRST_VISIT_HEADING, firstVisitSection } from './first-visit-report';
import { measureIndexedDb } from './idb';
import { measureIngest } from './ingest';
import { INGEST_HEADING, ingestSection } from './ingest-report';
import { LIGHTHOUSE_HEADING, lighthouseSection, runLighthouse } from './lighthouse';
import { measureOfflineVisit } from './offline-visit';
import type { OfflineVisitResult } from './offline-visit';
import { REFRESH_TARGET_BYTES, measureRefreshBytes } from './refresh-bytes';
import type { RefreshBytesResult } from './refresh-bytes';
import { measureCityDownload } from './scale-download';
import { SCALE_HEADING, scaleSection } from './scale-report';
import { measureStoredScale } from './scale-stored';
import { SCALE_STORED_HEADING, scaleStoredSection } from './scale-stored-report';
import {
  firstVisitChartRows,
  lighthouseChartRows,
  offlineChartRows,
  slowFirstVisitChartRows,
} from './main-chart';
import type { ChartRow } from './scale-chart';
import { writeChartGroup } from './scale-chart';
import { measureSearch } from './search';
import {
  SLOW_FIRST_VISIT_HEADING,
  measureSlowFirstVisit,
  slowFirstVisitSection,
} from './slow-first-visit';
import { SEARCH_HEADING, searchSection } from './search-report';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

if (!existsSync(path.join(dist, 'index.html')) || process.argv.includes('--build')) {
  console.log('Building dist/ first…');
  execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
}

/**
 * A browser benchmark's result with the load average when it ended, or its
 * error: one that fails is reported in its section (and the run exits 1)
 * instead of losing every other number.
 */
type Outcome<T> = { ok: true; value: T; load: number } | { ok: false; error: string };
async function attempt<T>(name: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    const value = await run();
    return { ok: true, value, load: os.loadavg()[0] ?? NaN };
  } catch (error) {
    console.error(`${name} failed:`, error);
    process.exitCode = 1;
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const out = path.join(root, 'docs', 'BENCHMARKS.md');
const chartFile = path.join(root, 'docs', 'benchmarks-chart.svg');

/** Redraws `group`'s bars of the chart from a successful outcome (a failed one keeps the old bars). */
function chart<T>(group: string, outcome: Outcome<T>, rows: (value: T) => ChartRow[]): Outcome<T> {
  if (outcome.ok) writeChartGroup(chartFile, group, rows(outcome.value));
  return outcome;
}

/**
 * `npm run bench -- --only search`: runs the search benchmark alone (it takes
 * minutes) and replaces its section of docs/BENCHMARKS.md, leaving the others.
 */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const ms = (value: number): string => `${Math.round(value)} ms`;
const failed = (error: string): string[] => [`**Failed:** ${error.replaceAll('\n', ' ')}`, ''];

const OFFLINE_VISIT_HEADING =
  '## Offline repeat visit, cold service worker (targets: ≤ 250 ms at 1× CPU, ≤ 600 ms at 4× CPU, ≤ 1.3 × the service-worker floor)';

/** The benchmarks that can run alone (each takes minutes), with their section's heading. */
const ALONE: Record<string, { heading: string; section: () => Promise<string[]> }> = {
  search: {
    heading: SEARCH_HEADING,
    section: async () =>
      searchSection(await attempt('Offline search', () => measureSearch(root, dist))),
  },
  lighthouse: {
    heading: LIGHTHOUSE_HEADING,
    section: () => {
      const rows = runLighthouse(root);
      if (rows.length > 0) writeChartGroup(chartFile, 'lighthouse', lighthouseChartRows(rows));
      return Promise.resolve(lighthouseSection(rows));
    },
  },
  'first-visit': {
    heading: FIRST_VISIT_HEADING,
    section: async () =>
      firstVisitSection(
        chart(
          'first-visit',
          await attempt('First visit', () => measureFirstVisit(dist)),
          firstVisitChartRows,
        ),
      ),
  },
  'slow-first-visit': {
    heading: SLOW_FIRST_VISIT_HEADING,
    section: async () =>
      slowFirstVisitSection(
        chart(
          'slow-first-visit',
          await attempt('Slow 4G first visit', () => measureSlowFirstVisit(dist)),
          slowFirstVisitChartRows,
        ),
      ),
  },
  offline: {
    heading: OFFLINE_VISIT_HEADING,
    section: async () =>
      offlineVisitSection(
        chart(
          'offline',
          await attempt('Offline repeat visit', () => measureOfflineVisit(dist)),
          offlineChartRows,
        ),
      ),
  },
  ingest: {
    heading: INGEST_HEADING,
    section: async () =>
      ingestSection(await attempt('Ingest', () => Promise.resolve(measureIngest(root)))),
  },
  scale: {
    heading: SCALE_HEADING,
    section: async () =>
      scaleSection(await attempt('Scale', () => measureCityDownload(root)), root),
  },
  'scale-stored': {
    heading: SCALE_STORED_HEADING,
    section: async () =>
      scaleStoredSection(
        await attempt('10,000 stored', () => measureStoredScale(root, dist)),
        root,
      ),
  },
};
if (only !== undefined) {
  const alone = ALONE[only];
  if (!alone) {
    console.error(
      `--only ${only}: the benchmarks that run alone are ${Object.keys(ALONE).join(', ')}`,
    );
    process.exit(2);
  }
  const section = await alone.section();
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(alone.heading.slice(0, 20));
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + 3);
  const lighthouseAt = current.indexOf('\n## Lighthouse');
  const updated =
    start >= 0
      ? `${current.slice(0, start)}${section.join('\n').trimEnd()}\n${next < 0 ? '' : `\n${current.slice(next + 1)}`}`
      : lighthouseAt >= 0
        ? `${current.slice(0, lighthouseAt + 1)}${section.join('\n')}\n${current.slice(lighthouseAt + 1)}`
        : `${current}\n${section.join('\n')}`;
  writeFileSync(out, updated);
  console.log(section.join('\n'));
  console.log(`${only} section written to ${path.relative(root, out)}`);
  process.exit(process.exitCode ?? 0);
}

const firstVisit = chart(
  'first-visit',
  await attempt('First visit', () => measureFirstVisit(dist)),
  firstVisitChartRows,
);
const slowFirstVisit = chart(
  'slow-first-visit',
  await attempt('Slow 4G first visit', () => measureSlowFirstVisit(dist)),
  slowFirstVisitChartRows,
);
const parsing = await measureFeedParsing(root);
const idb = await measureIndexedDb(root);
const offlineVisit = chart(
  'offline',
  await attempt('Offline repeat visit', () => measureOfflineVisit(dist)),
  offlineChartRows,
);
const refreshBytes = await attempt('Unchanged refresh', () => measureRefreshBytes(dist));
const search = await attempt('Offline search', () => measureSearch(root, dist));
const ingest = await attempt('Ingest', () => Promise.resolve(measureIngest(root)));
const scale = await attempt('Scale', () => measureCityDownload(root));
const scaleStored = await attempt('10,000 stored', () => measureStoredScale(root, dist));
const lighthouse = process.argv.includes('--no-lighthouse') ? [] : runLighthouse(root);
if (lighthouse.length > 0)
  writeChartGroup(chartFile, 'lighthouse', lighthouseChartRows(lighthouse));

function offlineVisitSection(outcome: Outcome<OfflineVisitResult>): string[] {
  const heading = [OFFLINE_VISIT_HEADING, ''];
  if (!outcome.ok) return [...heading, ...failed(outcome.error)];
  const r = outcome.value;
  return [
    ...heading,
    'After one online visit of `/article/seed-271a4622fc35748e` (worker installed, article in IndexedDB) the context ' +
      'goes offline (`context.setOffline`); each run stops every service worker (CDP `ServiceWorker.stopAllWorkers`) ' +
      'and opens the article in a new tab, timing navigation start → its first body paragraph painted (an init-script ' +
      'MutationObserver sees the text, then the next frame). Beside it, the same headline and paragraphs as a plain ' +
      `static HTML file (${kb(r.staticBytes)} KB, ${kb(r.staticBrotliBytes)} KB brotli), online from the same server ` +
      'in a context without a worker. CPU slowdown by CDP `Emulation.setCPUThrottlingRate` on the tab. ' +
      'The app’s time splits into: the shell answered by the cold worker with the stored article written in ' +
      '(the boot view, src/sw/boot; navigation timing `responseEnd`), the last script or stylesheet that arrived ' +
      'before the text was in the DOM (resource timing; the app itself starts after the first paint), the text in the DOM. ' +
      'The **service-worker floor** (DESIGN.md, Budgets): the page the app’s worker answers (its boot view, saved ' +
      'without scripts, with the stylesheet the worker writes into it) behind the smallest offline worker (install caches the page and ' +
      'anything it still links; fetch answers from Cache Storage) on an origin of its own, offline, cold (workers stopped ' +
      'before each visit), same metric; the budget is app ≤ 1.3 × floor.',
    `Medians of ${r.runs} runs per row (app, floor and static alternate; one warm-up round first); ${r.browser}, headless. ` +
      `Requests reaching the server during the offline runs: ${r.offlineServerRequests}. ` +
      `Load average at the end: ${outcome.load.toFixed(1)}.`,
    '',
    '| CPU | app offline, text painted (min–max) | of which: shell + article from worker | assets before the text | text in DOM | service-worker floor, painted (min–max) | app / floor (≤ 1.3) | static HTML online, painted (min–max) | app / static | target | within |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.rows.map(
      (row) =>
        `| ${row.cpuSlowdown}× | ${ms(row.appMs)} (${Math.round(row.appMinMs)}–${Math.round(row.appMaxMs)}) | ` +
        `${ms(row.appShellMs)} | ${ms(row.appAssetsMs)} | ${ms(row.appDomMs)} | ` +
        `${ms(row.floorMs)} (${Math.round(row.floorMinMs)}–${Math.round(row.floorMaxMs)}) | ` +
        `${(row.appMs / row.floorMs).toFixed(2)}${row.appMs <= 1.3 * row.floorMs ? '' : ' **over**'} | ${ms(row.staticMs)} (${Math.round(row.staticMinMs)}–${Math.round(row.staticMaxMs)}) | ` +
        `${(row.appMs / row.staticMs).toFixed(1)} | ${row.targetMs} ms | ${row.appMs <= row.targetMs ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
}

function refreshBytesSection(outcome: Outcome<RefreshBytesResult>): string[] {
  const heading = [
    `## Unchanged refresh of all channels (target: ≤ ${REFRESH_TARGET_BYTES / 1024} KB per feed)`,
    '',
  ];
  if (!outcome.ok) return [...heading, ...failed(outcome.error)];
  const r = outcome.value;
  // Within only when small enough and really a 304 each time (nothing downloaded again).
  const allNotModified = r.notModified === r.requests && r.repliesNotModified === r.replies;
  const within = (bytes: number): string =>
    bytes <= REFRESH_TARGET_BYTES && allNotModified ? 'yes' : '**no**';
  return [
    ...heading,
    'A fresh profile opens the app; its service worker is asked over the app’s message protocol ' +
      '(`sync-directory`, and `sync-page` for the first page of every channel) to fill the empty store, then, with ' +
      'nothing changed on the server, to refresh the same documents again, all at once. The server counts each ' +
      'response’s bytes on the socket (status line, headers and body); request heads are counted separately. ' +
      '“First download” is the same documents’ full 200 responses (gzip: Chromium offers brotli only over HTTPS).',
    `Server answers 304: ${r.notModified} of ${r.requests}; worker replies “not-modified” (nothing stored): ` +
      `${r.repliesNotModified} of ${r.replies}. The whole refresh: ${r.requests} responses, ` +
      `${kb(r.totalResponseBytes)} KB (first download: ${kb(r.feeds.fullResponseBytes + r.directory.fullResponseBytes)} KB). ` +
      `${r.browser}, headless.`,
    '',
    '| document | count | response bytes, mean | max | request bytes, mean | first download, total | target | within |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| feed, first page | ${r.feeds.count} | ${Math.round(r.feeds.meanResponseBytes)} | ${r.feeds.maxResponseBytes} | ` +
      `${Math.round(r.feeds.meanRequestBytes)} | ${kb(r.feeds.fullResponseBytes)} KB | ${REFRESH_TARGET_BYTES} | ${within(r.feeds.maxResponseBytes)} |`,
    `| channels.json | ${r.directory.count} | ${Math.round(r.directory.meanResponseBytes)} | ${r.directory.maxResponseBytes} | ` +
      `${Math.round(r.directory.meanRequestBytes)} | ${kb(r.directory.fullResponseBytes)} KB | — | — |`,
    '',
  ];
}
const lines = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (`node --import tsx bench/run.ts`; add `--build` to rebuild `dist/`;',
  '`npm run bench -- --only search`, `--only ingest`, `--only offline`, `--only first-visit`, `--only slow-first-visit`, `--only scale`, `--only scale-stored` or `--only lighthouse` runs that benchmark alone and replaces its section).',
  `Last run: ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}.`,
  '',
  'Every figure against its budget (each benchmark redraws its own bars):',
  '',
  '![Main figures against their budgets and aims](benchmarks-chart.svg)',
  '',
  ...firstVisitSection(firstVisit),
  ...slowFirstVisitSection(slowFirstVisit),
  '## Feed parsing (validate + limits + HTML to block tree), Node, 1× CPU',
  '',
  `All ${parsing.pages} demo feed pages (${parsing.items} items, ${kb(parsing.bytes)} KB of JSON), ` +
    `parsed ${parsing.rounds} times after ${parsing.warmup} warm-up rounds.`,
  '',
  '| measure | value |',
  '| --- | --- |',
  `| per 20-item page, median | ${parsing.perPageMedianMs.toFixed(2)} ms |`,
  `| per 20-item page, p95 | ${parsing.perPageP95Ms.toFixed(2)} ms |`,
  `| per item, mean | ${parsing.perItemMeanMs.toFixed(3)} ms |`,
  '',
  '## IndexedDB store, real Chromium (budgets: 1,000 articles written ≤ 500 ms, newest 20 ≤ 25 ms, one article ≤ 5 ms)',
  '',
  `${idb.articles} demo articles (mean ${kb(idb.meanArticleBytes)} KB of JSON each) written through \`putFeedPage\` as ` +
    `${idb.pages} pages of 20, one transaction per page as a sync writes them, into a fresh database; ` +
    `${idb.browser}, headless. Medians over ${idb.runs} runs; reads are the median of ${idb.readsPerRun} per run. ` +
    `Load average at the end: ${os.loadavg()[0]?.toFixed(1) ?? '?'}.`,
  '',
  '| measure | median | budget | within |',
  '| --- | --- | --- | --- |',
  `| write 1,000 articles | ${idb.writeMs.toFixed(0)} ms | 500 ms | ${idb.writeMs <= 500 ? 'yes' : '**no**'} |`,
  `| newest 20 of a channel | ${idb.newest20Ms.toFixed(1)} ms | 25 ms | ${idb.newest20Ms <= 25 ? 'yes' : '**no**'} |`,
  `| newest 20, first read after opening | ${idb.newest20ColdMs.toFixed(1)} ms | 25 ms | ${idb.newest20ColdMs <= 25 ? 'yes' : '**no**'} |`,
  `| one article by id | ${idb.oneArticleMs.toFixed(1)} ms | 5 ms | ${idb.oneArticleMs <= 5 ? 'yes' : '**no**'} |`,
  '',
  ...offlineVisitSection(offlineVisit),
  ...refreshBytesSection(refreshBytes),
  ...searchSection(search),
  ...ingestSection(ingest),
  ...scaleSection(scale, root),
  ...scaleStoredSection(scaleStored, root),
  ...lighthouseSection(lighthouse),
];
writeFileSync(out, lines.join('\n'));
console.log(lines.join('\n'));
console.log(`Written to ${path.relative(root, out)}`);
