import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isChannelId } from '../../../content/lib/channels';
import { IngestError } from '../errors';

/**
 * A newsroom's list of sources (`--sources <file>`), so a scheduled run is one line:
 *
 * ```json
 * { "sources": [
 *     { "url": "https://news.example.cn/weifang/rss.xml", "channel": "weifang", "charset": "gbk" },
 *     { "url": "captures/", "kind": "native" },
 *     { "kind": "demo" } ] }
 * ```
 * Relative paths resolve against the list file's folder. `kind` is `auto` (default: sniffed
 * from the content), `native` (a folder of article files in content/README.md's format) or
 * `demo` (the built-in demo generator).
 */

/** One source to ingest. */
export interface SourceSpec {
  /** Path or http(s) URL; for `demo`, a display name. */
  readonly location: string;
  readonly kind: 'auto' | 'native' | 'demo';
  /** Channel every item of this source also goes to. */
  readonly channel?: string;
  /** Charset that overrides the document's declarations (still verified against the bytes). */
  readonly charset?: string;
}

/** The display name of the built-in demo generator as a source. */
export const DEMO_SOURCE = 'qilu:demo';

/** Reads and validates a source list file. */
export async function readSourceList(file: string): Promise<SourceSpec[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new IngestError(
      'bad-source-list',
      `not readable JSON (${(error as Error).message})`,
      file,
    );
  }
  const list = (doc as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(list)) {
    throw new IngestError('bad-source-list', 'must be an object with a "sources" array', file);
  }
  const folder = path.dirname(path.resolve(file));
  return list.map((entry: unknown, i): SourceSpec => {
    const fail = (problem: string): never => {
      throw new IngestError('bad-source-list', `sources[${i}]: ${problem}`, file);
    };
    if (typeof entry !== 'object' || entry === null) return fail('must be an object');
    const { url, kind = 'auto', channel, charset } = entry as Record<string, unknown>;
    if (kind !== 'auto' && kind !== 'native' && kind !== 'demo') {
      return fail('kind must be "auto", "native" or "demo"');
    }
    if (channel !== undefined && (typeof channel !== 'string' || !isChannelId(channel))) {
      return fail(`channel "${String(channel)}" is not a channel id`);
    }
    if (charset !== undefined && typeof charset !== 'string')
      return fail('charset must be a string');
    if (kind === 'demo') return { location: DEMO_SOURCE, kind };
    if (typeof url !== 'string' || url.trim() === '') return fail('url must be a path or URL');
    const location = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : path.resolve(folder, url);
    return {
      location,
      kind,
      ...(channel !== undefined ? { channel } : {}),
      ...(charset !== undefined ? { charset } : {}),
    };
  });
}
