/**
 * The demo content as an API, through the ingest pipeline (src/ingest): `content/sources.json`
 * names this folder's sources (the hand-written articles and the demo generator), ingest reads
 * them like any newsroom's sources into a content store, and the API is built from the store.
 * The Vite plugin (tools/content-api.ts) serves and emits the result; tests inspect it directly.
 */
import path from 'node:path';
import { planApi, renderApi, signAssets } from '../../src/ingest/api/plan';
import { DEFAULT_SITE } from '../../src/ingest/api/site';
import { runIngest } from '../../src/ingest/run';
import { ContentStore } from '../../src/ingest/store/content-store';
import { readSourceList } from '../../src/ingest/sources/list';
import { generateDemoArticles } from '../demo/generate';
import type { GeneratorOptions } from '../demo/generate';
import { poolImage } from '../images/pool';
import { assertUniqueIds } from './feeds';
import type { ArticleRecord } from './model';
import { loadSources } from './sources';
import { ContentError } from './errors';

/** One file of the API. */
export interface ApiFile {
  readonly body: string;
  readonly contentType: string;
}

/** Options of the content build; all optional. */
export interface ContentBuildOptions {
  /** The `content/` folder (holding `sources.json`). Default: `./content`. */
  readonly contentDir?: string;
  /** Options passed to the demo generator. */
  readonly generator?: GeneratorOptions;
  /**
   * A content store to build on (e.g. the one `npm run ingest` fills), opened read-only: the
   * demo sources are merged into it in memory, and the store on disk is never written.
   */
  readonly storeDir?: string;
}

/** Loads every native article: hand-written sources plus generated demo stories. */
export async function loadAllArticles(options: ContentBuildOptions = {}): Promise<ArticleRecord[]> {
  const contentDir = path.resolve(options.contentDir ?? 'content');
  const sources = await loadSources(
    path.join(contentDir, 'articles'),
    (name) => poolImage(name) !== undefined,
    path.dirname(contentDir),
  );
  const records = [...sources, ...generateDemoArticles(options.generator)];
  assertUniqueIds(records);
  return records;
}

/** Builds the API map. Deterministic: the same content gives byte-identical files. */
export async function buildContentApi(
  options: ContentBuildOptions = {},
): Promise<Map<string, ApiFile>> {
  const contentDir = path.resolve(options.contentDir ?? 'content');
  const store = options.storeDir
    ? await ContentStore.open(options.storeDir, { readOnly: true })
    : ContentStore.memory();
  const sources = await readSourceList(path.join(contentDir, 'sources.json'));
  const summary = await runIngest(sources, {
    store,
    // Never commit: a read-only store on disk stays as it is, a memory store has nowhere to go.
    dryRun: true,
    ...(options.generator ? { demo: options.generator } : {}),
  });
  // The demo content is ours: any refused source or skipped item is a bug to fix, not to hide.
  for (const report of summary.sources) {
    if (report.error) throw new ContentError(report.source, '', report.error.message);
    if (report.skipped.length > 0) {
      throw new ContentError(report.source, '', `items skipped: ${report.skipped.join('; ')}`);
    }
  }
  const plan = planApi(store, DEFAULT_SITE);
  await signAssets(plan);
  const files = new Map<string, ApiFile>();
  for (const [file, { body, contentType }] of await renderApi(plan)) {
    files.set(file, {
      body: typeof body === 'string' ? body : Buffer.from(body).toString('utf8'),
      contentType,
    });
  }
  return files;
}
