import path from 'node:path';
import { generateDemoArticles } from '../../../content/demo/generate';
import type { GeneratorOptions } from '../../../content/demo/generate';
import { poolImage, renderPool } from '../../../content/images/pool';
import type { ArticleRecord } from '../../../content/lib/model';
import { loadSources } from '../../../content/lib/sources';
import type { IngestItem, ReadDocument } from '../model';
import { apiFileUrl } from '../pipeline/api-urls';

/**
 * The project's own content as ingest sources, read like any other: a folder of hand-written
 * article files (content/articles, format in content/README.md) and the deterministic demo
 * generator. Their articles choose their own ids and channels; their images are files of the
 * illustration pool, published with the API as assets.
 */

/** URL the native documents pretend to live at, so `../images/x.svg` resolves inside the API. */
export const NATIVE_DOC_URL = apiFileUrl('feeds/native.json');

/** A native article record as an ingest item. */
export function recordToItem(record: ArticleRecord): IngestItem {
  return {
    guid: record.id,
    guidIsUrl: false,
    ...(record.url ? { url: record.url } : {}),
    title: record.title,
    datePublished: record.datePublished,
    contentHtml: record.contentHtml,
    ...(record.image
      ? { image: apiFileUrl(`images/${record.image.name}.svg`), imageAlt: record.image.alt }
      : {}),
    ...(record.authors ? { authors: record.authors } : {}),
    ...(record.kicker ? { kicker: record.kicker } : {}),
    ...(record.subtitles ? { subtitles: record.subtitles } : {}),
    ...(record.source ? { source: record.source } : {}),
    ...(record.editor ? { editor: record.editor } : {}),
    ...(record.credit ? { credit: record.credit } : {}),
    ...(record.city ? { city: record.city } : {}),
    channels: record.channels,
    language: 'zh-CN',
  };
}

/** Reads a folder of hand-written article files. Invalid files fail the source, naming the field. */
export async function readNativeFolder(folder: string): Promise<ReadDocument> {
  const records = await loadSources(
    folder,
    (name) => poolImage(name) !== undefined,
    path.dirname(path.dirname(folder)),
  );
  return { kind: 'native', items: records.map(recordToItem), skipped: [] };
}

/** The demo generator's articles. */
export function readDemoGenerator(options?: GeneratorOptions): ReadDocument {
  return { kind: 'native', items: generateDemoArticles(options).map(recordToItem), skipped: [] };
}

/** The illustration pool: path in the API → SVG bytes. */
export function poolAssets(): Map<string, Uint8Array> {
  return new Map([...renderPool()].map(([file, svg]) => [file, Buffer.from(svg, 'utf8')]));
}
