import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './stats';

/** How many Lighthouse runs each URL gets; the report shows their medians. */
export const LIGHTHOUSE_RUNS = 3;

/** One Lighthouse run's headline numbers, or the medians of several runs of one URL. */
export interface LighthouseRow {
  readonly url: string;
  /** How many runs the numbers are the medians of. */
  readonly runs: number;
  readonly scores: Readonly<Record<string, number>>;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
}

interface Lhr {
  readonly finalDisplayedUrl: string;
  readonly categories: Record<string, { score: number }>;
  readonly audits: Record<string, { numericValue: number }>;
}

/**
 * The median of each score and metric per URL: one slow run on a busy machine
 * moves a single Lighthouse figure a lot, the median of three much less.
 */
export function medianRows(rows: readonly LighthouseRow[]): LighthouseRow[] {
  const byUrl = new Map<string, LighthouseRow[]>();
  for (const row of rows) byUrl.set(row.url, [...(byUrl.get(row.url) ?? []), row]);
  return [...byUrl].map(([url, runs]) => ({
    url,
    runs: runs.length,
    scores: Object.fromEntries(
      Object.keys(runs[0]?.scores ?? {}).map((key) => [
        key,
        median(runs.map((run) => run.scores[key] ?? NaN)),
      ]),
    ),
    lcpMs: median(runs.map((run) => run.lcpMs)),
    tbtMs: median(runs.map((run) => run.tbtMs)),
    cls: median(runs.map((run) => run.cls)),
  }));
}

/**
 * Runs Lighthouse (mobile, default simulated throttling) through Lighthouse CI on
 * the URLs of lighthouserc.json, LIGHTHOUSE_RUNS times each, against the
 * production server, and returns each URL's medians. Chromium comes from
 * CHROME_PATH or /usr/bin/chromium.
 */
export function runLighthouse(root: string): LighthouseRow[] {
  // `lhci collect` always writes to .lighthouseci/ and clears it first.
  const outDir = path.join(root, '.lighthouseci');
  execFileSync('npx', ['lhci', 'collect', `--numberOfRuns=${LIGHTHOUSE_RUNS}`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  });
  const rows = readdirSync(outDir)
    .filter((name) => name.startsWith('lhr-') && name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(outDir, name), 'utf8')) as Lhr)
    .map((lhr) => ({
      url: new URL(lhr.finalDisplayedUrl).pathname,
      runs: 1,
      scores: Object.fromEntries(
        Object.entries(lhr.categories).map(([key, value]) => [key, value.score]),
      ),
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    }))
    .sort((a, b) => a.url.localeCompare(b.url));
  return medianRows(rows);
}

/** The section's heading: also how `npm run bench -- --only lighthouse` finds it in the file. */
export const LIGHTHOUSE_HEADING = '## Lighthouse, mobile, default simulated throttling';

/** The Lighthouse section of docs/BENCHMARKS.md. */
export function lighthouseSection(rows: readonly LighthouseRow[]): string[] {
  return [
    LIGHTHOUSE_HEADING,
    '',
    'Budgets: performance ≥ 0.98, the other categories 1; LCP ≤ 1.5 s, TBT ≤ 50 ms, CLS ≤ 0.02.',
    `Medians of ${LIGHTHOUSE_RUNS} cold first visits per URL of \`lighthouserc.json\` (\`lhci collect --numberOfRuns=${LIGHTHOUSE_RUNS}\`), ` +
      'against `node server/serve.js`.',
    '',
    '| route | runs | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| \`${row.url}\` | ${row.runs} | ${row.scores.performance} | ${row.scores.accessibility} | ${row.scores['best-practices']} | ${row.scores.seo} | ${Math.round(row.lcpMs)} | ${Math.round(row.tbtMs)} | ${row.cls.toFixed(3)} |`,
    ),
    '',
  ];
}
