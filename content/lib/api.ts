/**
 * Builds the whole static API in memory: path (relative to the API root) →
 * body and Content-Type. The Vite plugin writes this map to `dist/api/` and
 * serves it in dev; tests inspect it directly.
 */
import path from 'node:path';
import { generateDemoArticles } from '../demo/generate';
import type { GeneratorOptions } from '../demo/generate';
import { poolImage, renderPool } from '../images/pool';
import { CHANNELS } from './channels';
import {
  articleDocument,
  articleDocumentPath,
  assertUniqueIds,
  channelDirectory,
  channelMembers,
  channelPages,
  compareNewestFirst,
} from './feeds';
import type { ArticleRecord } from './model';
import { loadSources } from './sources';

/** One file of the API. */
export interface ApiFile {
  readonly body: string;
  readonly contentType: string;
}

/** Options of the content build; all optional. */
export interface ContentBuildOptions {
  /** The `content/` folder (hand-written sources live in its `articles/`). Default: `./content`. */
  readonly contentDir?: string;
  /** Options passed to the demo generator. */
  readonly generator?: GeneratorOptions;
}

/** Content-Type of a feed page. */
export const FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';
/** Content-Type of `channels.json`. */
export const JSON_CONTENT_TYPE = 'application/json';
/** Content-Type of the pool images. */
export const SVG_CONTENT_TYPE = 'image/svg+xml';

/** Loads every article: hand-written sources plus generated demo stories. */
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
  const sorted = (await loadAllArticles(options)).sort(compareNewestFirst);
  const files = new Map<string, ApiFile>();
  files.set('channels.json', {
    body: `${JSON.stringify(channelDirectory())}\n`,
    contentType: JSON_CONTENT_TYPE,
  });
  for (const channel of CHANNELS) {
    for (const [name, doc] of channelPages(channel, channelMembers(channel, sorted))) {
      files.set(`feeds/${name}`, {
        body: `${JSON.stringify(doc)}\n`,
        contentType: FEED_CONTENT_TYPE,
      });
    }
  }
  for (const record of sorted) {
    files.set(articleDocumentPath(record.id), {
      body: `${JSON.stringify(articleDocument(record))}\n`,
      contentType: FEED_CONTENT_TYPE,
    });
  }
  for (const [name, svg] of renderPool())
    files.set(name, { body: svg, contentType: SVG_CONTENT_TYPE });
  return files;
}
