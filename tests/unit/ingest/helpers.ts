import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '../../../src/ingest/errors';

/** Fixtures written for the ingest tests. */
export const FIXTURES = path.resolve('tests/fixtures/ingest');

/** The seed capture inside the repository (a verbatim copy of ../shared/seed). */
export const SEED_CAPTURE = path.resolve('content/capture/000_271a4622fc35748e.txt');

/** Every file below `dir` → sha256 of its bytes (the API's exact state). */
export async function treeHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(
      path.relative(dir, full),
      createHash('sha256')
        .update(await readFile(full))
        .digest('hex'),
    );
  }
  return out;
}

/** Every file below `dir` → its mtime in ms (to see what was rewritten). */
export async function treeTimes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), (await stat(full)).mtimeMs);
  }
  return out;
}

/** A JSON Feed 1.1 document of `count` generated items (fictional), newest first. */
export function generatedFeed(
  count: number,
  options: { start?: number; city?: string; modified?: string; prefix?: string } = {},
): string {
  const start = options.start ?? 0;
  const prefix = options.prefix ?? 'gen';
  const items = Array.from({ length: count }, (_, i) => {
    const n = start + i;
    const date = new Date(Date.parse('2024-01-01T08:00:00+08:00') + n * 60_000);
    return {
      id: `${prefix}-${n}`,
      url: `https://news.example.cn/${prefix}/${n}.html`,
      title: `示例内容：${options.city ?? '济南'}第${n}条新闻`,
      content_html: `<p>示例内容：这是第${n}条生成的新闻正文。</p><p>第二段，编号${n}。</p>`,
      date_published: date.toISOString().replace('.000Z', 'Z'),
      ...(options.modified ? { date_modified: options.modified } : {}),
    };
  }).reverse();
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '生成的示例源',
    items,
  });
}

/** The IngestError `run` throws (failing the test when it throws nothing or something else). */
export function ingestErrorOf(run: () => unknown): IngestError {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}
