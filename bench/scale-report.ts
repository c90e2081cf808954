import path from 'node:path';
import type { ChartRow } from './scale-chart';
import { writeChartGroup } from './scale-chart';
import type { CityDownload } from './scale-download';

/** Heading of the scale section in docs/BENCHMARKS.md (`--only scale` replaces it). */
export const SCALE_HEADING =
  '## Scale: one city offline from the 100,000-article API (aim: ≤ 100 KB gzip at the default depth)';

/** Aim for a city download at the default 「下载页数」 (3), gzip bytes: proposed here, not in DESIGN.md. */
export const CITY_DOWNLOAD_AIM_BYTES = 100 * 1024;
/** The app's default 「下载页数」 (DEFAULT_PREFS.depth). */
const DEFAULT_DEPTH = 3;

type Outcome<T> = { ok: true; value: T; load: number } | { ok: false; error: string };

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** The chart's rows: the figures of this section against their budgets. */
export function scaleChartRows(r: CityDownload): ChartRow[] {
  const chosen = r.depths.find((d) => d.depth === DEFAULT_DEPTH);
  return [
    {
      label: `济南 offline, depth ${DEFAULT_DEPTH}, gzip`,
      value: (chosen?.pages.gzip ?? NaN) / 1024,
      budget: CITY_DOWNLOAD_AIM_BYTES / 1024,
      unit: 'KB',
    },
    ...r.depths
      .filter((d) => d.depth !== DEFAULT_DEPTH)
      .map((d) => ({
        label: `depth ${d.depth}, gzip`,
        value: d.pages.gzip / 1024,
        budget: CITY_DOWNLOAD_AIM_BYTES / 1024,
        unit: 'KB',
      })),
  ];
}

/** The section's lines; redraws its bars of the chart `docs/benchmarks-chart.svg` under `root`. */
export function scaleSection(outcome: Outcome<CityDownload>, root: string): string[] {
  const heading = [SCALE_HEADING, ''];
  if (!outcome.ok) return [...heading, `**Failed:** ${outcome.error}`, ''];
  const r = outcome.value;
  writeChartGroup(path.join(root, 'docs', 'benchmarks-chart.svg'), 'scale', scaleChartRows(r));
  return [
    ...heading,
    `${r.articles.toLocaleString('en')} generated articles (bench/ingest.ts) ingested by the real \`runIngest\` into a fresh ` +
      `API; the city channel \`${r.city}\` holds ${r.channelArticles.toLocaleString('en')} of them in ${r.all.files.length} pages. ` +
      'The documents 下载离线 fetches are computed from that API’s files by the walk the app’s download makes ' +
      '(bench/scale-files.ts `pageChain`: the first page, then up to depth − 1 `next_url`s; no images, the generated ' +
      'articles have none), sized as stored and as the ingest’s own precompressed siblings (gzip level 9, brotli 5), ' +
      'which the production server sends. Not fetched in a browser: these are byte counts, deterministic. ' +
      'The aim of 100 KB gzip at the default depth is proposed here (DESIGN.md has no budget for it). ' +
      `Load average at the end: ${outcome.load.toFixed(1)}.`,
    '',
    '![One city offline against the aim](benchmarks-chart.svg)',
    '',
    '| 「下载页数」 | files | articles | raw KB | gzip KB | brotli KB | within aim |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.depths.map(
      (d) =>
        `| ${d.depth}${d.depth === DEFAULT_DEPTH ? ' (default)' : ''} | ${d.pages.files.length} | ${d.articles} | ` +
        `${kb(d.pages.raw)} | ${kb(d.pages.gzip)} | ${kb(d.pages.br)} | ${d.pages.gzip <= CITY_DOWNLOAD_AIM_BYTES ? 'yes' : '**no**'} |`,
    ),
    `| every page (no depth limit) | ${r.all.files.length} | ${r.channelArticles.toLocaleString('en')} | ${kb(r.all.raw)} | ${kb(r.all.gzip)} | ${kb(r.all.br)} | — |`,
    '',
    `Each row is one 「下载页数」 choice: the files are the channel’s pages the download fetches (20 articles each, ` +
      `every article’s whole text inside the page, so nothing else is needed to read it offline; the first page ` +
      `repeats some of the newest archive page, so articles are counted once), and the sizes are what they weigh ` +
      `as stored and as sent compressed. The generated bodies reuse four sentences, so they compress far better ` +
      `(about 11×) than real news would (about 3×): read the raw column as the upper bound. The app also needs \`channels.json\` to know the channel ` +
      `(${kb(r.directory.raw)} KB, ${kb(r.directory.gzip)} KB gzip), which any earlier visit has stored. ` +
      `The last row shows why the depth is capped: reading every ${r.city} article offline would mean ` +
      `${r.all.files.length} pages and ${kb(r.all.gzip)} KB gzip.`,
    '',
  ];
}
