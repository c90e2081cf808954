import type { IngestScaleResult } from './ingest';

/** Heading of the ingest section in docs/BENCHMARKS.md (`--only ingest` replaces it). */
export const INGEST_HEADING =
  '## Ingest at archive scale (aims: 100,000 articles < 2 min, one new article < 2 s, peak memory < 1 GB)';

type Outcome<T> = { ok: true; value: T; load: number } | { ok: false; error: string };

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The section's lines. */
export function ingestSection(outcome: Outcome<IngestScaleResult[]>): string[] {
  const heading = [INGEST_HEADING, ''];
  if (!outcome.ok) return [...heading, `**Failed:** ${outcome.error}`, ''];
  const rows = outcome.value;
  const biggest = rows.at(-1);
  return [
    ...heading,
    'Generated articles (bench/ingest.ts: ~1.5 KB of body HTML each, headlines naming one of the 16 cities or a ' +
      'county, a fifth tagged with their city) as JSON Feed files of 1,000 items, ingested by `runIngest` in a child ' +
      'process of its own (bench/ingest-child.ts) into an empty store and API folder: read and parse, normalise and ' +
      'sanitise each body with the app’s own sanitizer, assign channels from place names, write the store, then the ' +
      'whole API (channel pages, one document per article, channels.json). “One new article” ingests a feed holding ' +
      'one more article into that store: an incremental rebuild. “Same archive again” re-reads every feed file and ' +
      'finds every article unchanged (the API is byte-identical afterwards). Peak memory is the child’s maxRSS. ' +
      `Without precompressed siblings (the default; \`--precompress\` adds them). Load average at the end: ${outcome.load.toFixed(1)}.`,
    '',
    '| articles | full ingest | peak memory | API files | API size | store size | one new article | files rewritten | same archive again |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.articles.toLocaleString('en')} | ${s(r.full.ms)} | ${r.full.maxRssMb.toFixed(0)} MB | ${r.api.files.toLocaleString('en')} | ` +
        `${mb(r.api.bytes)} | ${mb(r.store.bytes)} | ${s(r.incremental.ms)} | ${r.incremental.written} | ${s(r.second.ms)} |`,
    ),
    '',
    ...(biggest
      ? [
          `Where the time goes at ${biggest.articles.toLocaleString('en')} (ms): full ingest ${phases(biggest.full.timings)}; ` +
            `one new article ${phases(biggest.incremental.timings)}. “open” reads the store’s index, “sources” reads, ` +
            'parses and normalises, “commit” writes article files and the index, “plan” orders every channel and signs ' +
            'every API file from the index alone, “write” renders and stages changed files and moves them into place. ' +
            `The one new article rewrote: ${biggest.incremental.writtenFiles.map((f) => '`' + f + '`').join(', ')} ` +
            '(archive pages are counted from the oldest article: existing ones stay as they are, and every 20th new article completes a new one, as this one did).',
          '',
        ]
      : []),
  ];
}

function phases(timings: Readonly<Record<string, number>>): string {
  return Object.entries(timings)
    .map(([phase, ms]) => `${phase} ${ms}`)
    .join(', ');
}
