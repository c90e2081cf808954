import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GeneratorOptions } from '../../content/demo/generate';
import { IngestError } from './errors';
import type { ApiWriteReport } from './api/write';
import { writeApi } from './api/write';
import { planApi, signAssets } from './api/plan';
import { DEFAULT_SITE } from './api/site';
import type { SiteConfig } from './api/site';
import type { SourceLimits } from './fetch-source';
import { acceptItem } from './pipeline/accept';
import { ContentStore } from './store/content-store';
import type { SourceSpec } from './sources/list';
import { poolAssets } from './sources/native';
import { readSourceDocument } from './sources/read';

/**
 * One ingest run: every source into the store, then the API out of the store.
 *
 * Sources are read one after another; each is read whole before any of its items is accepted,
 * and a source that fails is reported and leaves nothing behind. The store is committed once,
 * after all sources, and the API is written from it afterwards (atomically, see api/write.ts),
 * so a run that dies anywhere leaves the previous store and API in place, and the next run
 * finishes the job.
 */

/** What happened to one source. */
export interface SourceReport {
  readonly source: string;
  readonly kind?: string;
  readonly charset?: string;
  readonly detectedCharset?: boolean;
  added: number;
  updated: number;
  unchanged: number;
  /** Items left out, each with its reason. */
  readonly skipped: string[];
  /** Optional fields shortened or dropped. */
  readonly repairs: string[];
  /** Set when the whole source was refused. */
  error?: IngestError;
}

/** The outcome of a run. */
export interface IngestSummary {
  readonly sources: readonly SourceReport[];
  /** Articles in the store after the run. */
  readonly articles: number;
  /** The API write, when an output folder was given. */
  readonly api?: ApiWriteReport;
  readonly dryRun: boolean;
  /** Milliseconds per phase: open (store index), sources, commit (store), plan, write (API). */
  readonly timings: Readonly<Record<'open' | 'sources' | 'commit' | 'plan' | 'write', number>>;
}

/** Progress events, for the command's progress bar. */
export interface IngestProgress {
  /** Source `index` (0-based) of `total` starts; called once more with `index === total` at the end. */
  source(index: number, total: number, name: string): void;
  apiFile(done: number, total: number): void;
}

/** Options of {@link runIngest}. */
export interface IngestOptions {
  /** The store: a folder, or an open store (memory stores for builds and tests). */
  readonly store: string | ContentStore;
  /** The API folder to write; none → no API written. */
  readonly out?: string;
  /** Channels every item of this run also goes to (`--channel`). */
  readonly channels?: readonly string[];
  readonly dryRun?: boolean;
  /** Write `.br`/`.gz` siblings of every written file (default false: CDNs compress themselves). */
  readonly precompress?: boolean;
  readonly limits?: Partial<SourceLimits>;
  readonly site?: SiteConfig;
  /** Options of the demo generator, for a `demo` source. */
  readonly demo?: GeneratorOptions;
  readonly progress?: IngestProgress;
}

/** Runs ingest over `sources`. Never throws for a bad source: see the reports. */
export async function runIngest(
  sources: readonly SourceSpec[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const site = options.site ?? DEFAULT_SITE;
  const dryRun = options.dryRun ?? false;
  const timings = { open: 0, sources: 0, commit: 0, plan: 0, write: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof timings): void => {
    const now = performance.now();
    timings[phase] = Math.round(now - mark);
    mark = now;
  };
  const store =
    typeof options.store === 'string'
      ? await ContentStore.open(options.store, { readOnly: dryRun })
      : options.store;
  lap('open');
  try {
    const reports: SourceReport[] = [];
    for (const [index, spec] of sources.entries()) {
      options.progress?.source(index, sources.length, spec.location);
      reports.push(await ingestSource(store, spec, options));
    }
    options.progress?.source(sources.length, sources.length, '');
    lap('sources');
    if (!dryRun) await store.commit();
    lap('commit');

    let api: ApiWriteReport | undefined;
    if (options.out) {
      const plan = planApi(store, site);
      await signAssets(plan);
      lap('plan');
      api = await writeApi(plan, options.out, {
        dryRun,
        precompress: options.precompress ?? false,
        onFile: (done, total) => options.progress?.apiFile(done, total),
      });
    }
    if (api) lap('write');
    return { sources: reports, articles: store.size, ...(api ? { api } : {}), dryRun, timings };
  } finally {
    if (typeof options.store === 'string') await store.close();
  }
}

/**
 * How a source is recorded in the store: URLs as they are, paths relative to the working
 * directory, so a store does not depend on where the checkout lives.
 */
export function sourceName(location: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) return location;
  const relative = path.relative(process.cwd(), path.resolve(location));
  return relative.split(path.sep).join('/') || '.';
}

async function ingestSource(
  store: ContentStore,
  spec: SourceSpec,
  options: IngestOptions,
): Promise<SourceReport> {
  const report: SourceReport = {
    source: sourceName(spec.location),
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped: [],
    repairs: [],
  };
  let read;
  try {
    read = await readSourceDocument(spec, {
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.demo ? { demo: options.demo } : {}),
    });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    report.error = error;
    return report;
  }
  Object.assign(report, {
    kind: read.doc.kind,
    ...(read.charset ? { charset: read.charset, detectedCharset: read.detected } : {}),
  });
  report.skipped.push(...read.doc.skipped);
  if (read.native) {
    for (const [file, data] of poolAssets()) await store.putAsset(file, data);
  }
  const channels = [...(options.channels ?? []), ...(spec.channel ? [spec.channel] : [])];
  for (const item of read.doc.items) {
    const result = await acceptItem(store, item, {
      origin: sourceName(spec.location),
      docUrl: read.docUrl,
      channels,
      nativeIds: read.native,
    });
    if (result.outcome === 'skipped') report.skipped.push(result.reason);
    else {
      report[result.outcome] += 1;
      report.repairs.push(...result.repairs);
    }
  }
  return report;
}
