import type { SearchBenchResult } from './search';
import { SEARCH_TARGETS } from './search';

/**
 * The 「Offline search」 section of docs/BENCHMARKS.md, from a search
 * benchmark run (bench/search.ts) or its error.
 */

/** The section's heading: also how `npm run bench -- --only search` finds it in the file. */
export const SEARCH_HEADING =
  '## Offline search over 10,000 articles (targets: indexing ≤ 5 ms per article, index ≤ 2× the text, first query ≤ 1 s, p95 ≤ 50 ms at 4× CPU)';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const ms = (value: number): string =>
  value < 10 ? value.toFixed(1) : Math.round(value).toString();
const pct = (share: number): string => `${(share * 100).toFixed(1)} %`;
const yes = (ok: boolean): string => (ok ? 'yes' : '**no**');

/** The section's lines, for a result or an error message. */
export function searchSection(
  outcome: { ok: true; value: SearchBenchResult; load: number } | { ok: false; error: string },
): string[] {
  const heading = [SEARCH_HEADING, ''];
  if (!outcome.ok) return [...heading, `**Failed:** ${outcome.error.replaceAll('\n', ' ')}`, ''];
  const r = outcome.value;
  const { ours, mini, corpus } = r;
  const sizeRatio = ours.indexBytes / corpus.textBytes;
  const kinds = Object.keys(ours.recall.byKind);
  return [
    ...heading,
    `${corpus.articles.toLocaleString('en')} generated Chinese articles (bench/search-corpus.ts: sentences and headlines ` +
      `of content/ with generated people, places, figures and Latin tokens; mean body ${Math.round(corpus.meanChars)} ` +
      `characters; ${mb(corpus.textBytes)} MB of plain text in all fields, ${mb(corpus.storedBytes)} MB as the store ` +
      `keeps the articles) and ${corpus.queries} queries of ${kinds.length} kinds, in ${r.browser}, headless. ` +
      'This app: the corpus written through `putFeedPage` (20 a page, one transaction each) with the service ' +
      'worker’s indexer, then the upkeep’s merges; queries through `SearchEngine` as the search page asks ' +
      '(one page of results, confirmed and with excerpts). MiniSearch 7.2 with an `Intl.Segmenter` word tokenizer ' +
      '(NFKC, lower case; same fields and title boost), its index kept in IndexedDB as JSON. CPU slowdown by CDP ' +
      '`Emulation.setCPUThrottlingRate` on the tab. ' +
      `Load average at the end: ${outcome.load.toFixed(1)}.`,
    '',
    '| measure | this app | MiniSearch + Intl.Segmenter | target | within |',
    '| --- | --- | --- | --- | --- |',
    `| indexing, per article | ${ms(ours.indexMsPerArticle)} ms (write with index ${ms(r.indexed.writeMs / corpus.articles)} ms − without ${ms(r.plain.writeMs / corpus.articles)} ms, + merges ${ms(r.indexed.upkeepMs / corpus.articles)} ms) | ${ms(mini.indexMsPerArticle)} ms (in memory; saving the JSON ${Math.round(mini.saveMs)} ms in all) | ${SEARCH_TARGETS.indexMsPerArticle} ms | ${yes(ours.indexMsPerArticle <= SEARCH_TARGETS.indexMsPerArticle)} |`,
    `| index size | ${mb(ours.indexBytes)} MB = ${sizeRatio.toFixed(2)}× the text (${r.size.segments} segments, ${r.size.postingRecords.toLocaleString('en')} posting records; disk growth by the browser’s estimate ${mb(r.indexed.usageBytes - r.plain.usageBytes)} MB) | ${mb(mini.indexBytes)} MB of JSON = ${(mini.indexBytes / corpus.textBytes).toFixed(2)}× | ≤ ${SEARCH_TARGETS.sizeRatio}× | ${yes(sizeRatio <= SEARCH_TARGETS.sizeRatio)} |`,
    `| first query on a cold start, engine (1× / 4×) | ${ms(ours.firstQueryMs.normal)} / ${ms(ours.firstQueryMs.slow)} ms (open, segment list, query) | ${ms(mini.firstQueryMs.normal)} / ${ms(mini.firstQueryMs.slow)} ms (read JSON, \`loadJSON\`, query) | ${SEARCH_TARGETS.firstQueryMs} ms | ${yes(ours.firstQueryMs.slow <= SEARCH_TARGETS.firstQueryMs)} |`,
    `| first result on screen, app start (1× / 4×) | ${ms(r.appFirstResultMs.normal)} / ${ms(r.appFirstResultMs.slow)} ms (navigation to \`/search?q=济南\`, cold service worker, until the first result is painted) | — | ${SEARCH_TARGETS.firstQueryMs} ms | ${yes(r.appFirstResultMs.normal <= SEARCH_TARGETS.firstQueryMs)} (1×) |`,
    `| query latency p50 / p95 / max, 1× | ${ms(ours.latency.normal.p50)} / ${ms(ours.latency.normal.p95)} / ${ms(ours.latency.normal.max)} ms | ${ms(mini.latency.normal.p50)} / ${ms(mini.latency.normal.p95)} / ${ms(mini.latency.normal.max)} ms | — | — |`,
    `| query latency p50 / p95 / max, 4× CPU | ${ms(ours.latency.slow.p50)} / ${ms(ours.latency.slow.p95)} / ${ms(ours.latency.slow.max)} ms | ${ms(mini.latency.slow.p50)} / ${ms(mini.latency.slow.p95)} / ${ms(mini.latency.slow.max)} ms | p95 ≤ ${SEARCH_TARGETS.p95Ms} ms | ${yes(ours.latency.slow.p95 <= SEARCH_TARGETS.p95Ms)} |`,
    `| recall (first 500 results) | ${pct(ours.recall.recall)}; every answer for ${ours.recall.complete} of ${corpus.queries} queries | ${pct(mini.recall.recall)}; every answer for ${mini.recall.complete} of ${corpus.queries} | — | — |`,
    `| results without the query in their text | ${pct(ours.recall.wrongShare)} | ${pct(mini.recall.wrongShare)} | — | — |`,
    '',
    'Recall by kind of query (right answers found among the first 500 results; right = the folded text of the ' +
      'article contains every phrase of the query, as a scan of all articles finds):',
    '',
    '| kind | queries | this app | MiniSearch + Intl.Segmenter |',
    '| --- | --- | --- | --- |',
    ...kinds.map(
      (kind) =>
        `| ${kind} | ${corpus.queryKinds[kind] ?? 0} | ${pct(ours.recall.byKind[kind] ?? NaN)} | ${pct(mini.recall.byKind[kind] ?? NaN)} |`,
    ),
    '',
    'The app’s query latency includes reading and confirming the shown articles and building their excerpts; ' +
      'MiniSearch’s is the in-memory search alone (it returns ids). Its cold start reads and parses the whole ' +
      'serialized index; the app’s reads the segment list and the live document numbers only (no rebuild).',
    '',
  ];
}
