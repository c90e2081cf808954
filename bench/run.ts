/**
 * `npm run bench`: measures what the budgets in DESIGN.md talk about and writes the
 * numbers, with the command and the machine, to docs/BENCHMARKS.md.
 *
 * Benchmarks live here rather than in tests: a timed assertion fails on a busy CI
 * machine for reasons that have nothing to do with the code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureFirstLoad } from './first-load';
import { measureFeedParsing } from './feed-parsing';
import { runLighthouse } from './lighthouse';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

if (!existsSync(path.join(dist, 'index.html')) || process.argv.includes('--build')) {
  console.log('Building dist/ first…');
  execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
}

const firstLoad = measureFirstLoad(dist);
const parsing = await measureFeedParsing(root);
const lighthouse = process.argv.includes('--no-lighthouse') ? [] : runLighthouse(root);

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const lines = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (`node --import tsx bench/run.ts`; add `--build` to rebuild `dist/`).',
  `Last run: ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}.`,
  '',
  '## First load of the shell route (budget: ≤ 30 KB gzip JS, ≤ 8 KB gzip CSS)',
  '',
  'What `index.html` loads before anything else: its module scripts, their static imports',
  '(modulepreload) and its stylesheets, each gzipped at level 9 as the server precompresses them.',
  '',
  '| kind | files | raw KB | gzip KB | budget KB | within |',
  '| --- | --- | --- | --- | --- | --- |',
  `| JS | ${firstLoad.js.files.length} | ${kb(firstLoad.js.raw)} | ${kb(firstLoad.js.gzip)} | 30 | ${firstLoad.js.gzip <= 30 * 1024 ? 'yes' : '**no**'} |`,
  `| CSS | ${firstLoad.css.files.length} | ${kb(firstLoad.css.raw)} | ${kb(firstLoad.css.gzip)} | 8 | ${firstLoad.css.gzip <= 8 * 1024 ? 'yes' : '**no**'} |`,
  '',
  `Files: ${[...firstLoad.js.files, ...firstLoad.css.files].map((f) => '`' + f + '`').join(', ')}.`,
  '',
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
  '## Lighthouse, mobile, default simulated throttling',
  '',
  'Budgets: performance ≥ 0.98, the other categories 1; LCP ≤ 1.5 s, TBT ≤ 50 ms, CLS ≤ 0.02.',
  'One cold first visit per URL of `lighthouserc.json`, against `node server/serve.js`.',
  '',
  '| route | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...lighthouse.map(
    (row) =>
      `| \`${row.url}\` | ${row.scores.performance} | ${row.scores.accessibility} | ${row.scores['best-practices']} | ${row.scores.seo} | ${Math.round(row.lcpMs)} | ${Math.round(row.tbtMs)} | ${row.cls.toFixed(3)} |`,
  ),
  '',
];
const out = path.join(root, 'docs', 'BENCHMARKS.md');
writeFileSync(out, lines.join('\n'));
console.log(lines.join('\n'));
console.log(`Written to ${path.relative(root, out)}`);
