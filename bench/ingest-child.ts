/**
 * One ingest run in a process of its own, so the benchmark reads that run's own peak memory
 * (maxRSS) and wall time. Prints one JSON line: { ms, maxRssMb, summary }.
 * Usage: node --import tsx bench/ingest-child.ts <store> <out> <precompress:0|1> <source>…
 */
import { performance } from 'node:perf_hooks';
import { runIngest } from '../src/ingest/run';

const [store = '', out = '', precompress = '1', ...sources] = process.argv.slice(2);
const start = performance.now();
const summary = await runIngest(
  sources.map((location) => ({ location, kind: 'auto' as const })),
  { store, out, precompress: precompress === '1' },
);
const ms = performance.now() - start;
const failed = summary.sources.filter((s) => s.error).map((s) => s.error?.message);
process.stdout.write(
  `${JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    added: summary.sources.reduce((n, s) => n + s.added, 0),
    updated: summary.sources.reduce((n, s) => n + s.updated, 0),
    skipped: summary.sources.reduce((n, s) => n + s.skipped.length, 0),
    failed,
    articles: summary.articles,
    timings: summary.timings,
    written: summary.api?.written.length ?? 0,
    writtenFiles: summary.api?.written.slice(0, 12) ?? [],
  })}\n`,
);
