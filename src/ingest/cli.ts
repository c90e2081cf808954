import { parseArgs } from 'node:util';
import { isChannelId } from '../../content/lib/channels';
import { progressReporter } from './cli/progress';
import { formatSummary } from './cli/summary';
import { IngestError } from './errors';
import { readSourceList } from './sources/list';
import type { SourceSpec } from './sources/list';
import { runIngest } from './run';
import { StoreLockedError } from './store/lock';

/**
 * `npm run ingest -- [options] <source>…`: newsroom feeds, pages and captures into the
 * content store, and the store into the static API. docs/INGEST.md is the manual.
 */

const HELP = `用法 Usage: npm run ingest -- [选项 options] <来源 source>…

把订阅源、文章网页和文本稿导入内容库，并生成应用读取的静态 API。
Ingests feeds, article pages and text captures into the content store and builds the static API.

来源 source: 文件路径或 http(s) 地址 · a file path or an http(s) URL:
  RSS 2.0, Atom 1.0, JSON Feed 1.0/1.1, 文章网页 article pages (HTML), 文本稿 text captures,
  或文章文件夹 or a folder of article files (content/README.md). UTF-8, GBK, GB18030, Big5.

选项 options:
  --sources <file>    来源列表 a list of sources (JSON: url, channel, charset; docs/INGEST.md)
  --channel <id>      每篇文章另加入此频道 also put every item in this channel (repeatable)
  --charset <name>    强制文字编码 force the charset of the sources given on the command line
  --store <dir>       内容库目录 the content store (default: content/store)
  --out <dir>         API 输出目录 where the API is written (default: dist/api)
  --no-api            只更新内容库 update the store only
  --precompress       同时写 .br/.gz 预压缩文件 also write precompressed siblings (for server/serve.js)
  --timeout <ms>      每个来源的超时 timeout per source (default: 30000)
  --max-bytes <n>     每个来源的大小上限 size limit per source (default: 52428800)
  --dry-run           只显示将要发生的变化 show what would change, write nothing
  --strict            任何来源失败即返回非零 exit non-zero when any source fails
  -h, --help          显示本帮助 show this help

退出码 exit codes: 0 成功 success · 1 没有任何来源能导入 no source could be ingested
  (or, with --strict, any source failed) · 2 用法错误 usage error · 3 内容库被占用 store locked
`;

/** Parses the arguments and runs; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        sources: { type: 'string', multiple: true },
        channel: { type: 'string', multiple: true },
        charset: { type: 'string' },
        store: { type: 'string', default: 'content/store' },
        out: { type: 'string', default: 'dist/api' },
        'no-api': { type: 'boolean', default: false },
        precompress: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'max-bytes': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`用法错误 usage error: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const usage = (problem: string): number => {
    process.stderr.write(`用法错误 usage error: ${problem}\n（npm run ingest -- --help）\n`);
    return 2;
  };
  for (const channel of values.channel ?? []) {
    if (!isChannelId(channel)) return usage(`--channel ${channel}: 没有这个频道 no such channel`);
  }
  const limits: { timeoutMs?: number; maxBytes?: number } = {};
  for (const [flag, key] of [
    ['timeout', 'timeoutMs'],
    ['max-bytes', 'maxBytes'],
  ] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) return usage(`--${flag} must be a positive integer`);
    limits[key] = n;
  }

  const specs: SourceSpec[] = positionals.map((location) => ({
    location,
    kind: 'auto',
    ...(values.charset ? { charset: values.charset } : {}),
  }));
  try {
    for (const file of values.sources ?? []) specs.push(...(await readSourceList(file)));
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    process.stderr.write(`${error.chinese}\n`);
    return 2;
  }
  if (specs.length === 0) return usage('没有给出来源 no source given');

  let summary;
  try {
    summary = await runIngest(specs, {
      store: values.store,
      ...(values['no-api'] ? {} : { out: values.out }),
      channels: values.channel ?? [],
      dryRun: values['dry-run'],
      precompress: values.precompress,
      limits,
      progress: progressReporter(),
    });
  } catch (error) {
    if (error instanceof StoreLockedError) {
      process.stderr.write(`${error.message}\n`);
      return 3;
    }
    if (error instanceof IngestError) {
      // The store is written; the API was refused (e.g. --out names a folder that is no API).
      process.stderr.write(`${error.chinese}\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(formatSummary(summary));
  const failed = summary.sources.filter((s) => s.error).length;
  if (failed === summary.sources.length) return 1;
  if (values.strict && failed > 0) return 1;
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `导入意外失败 ingest failed unexpectedly: ${(error as Error).stack ?? String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
