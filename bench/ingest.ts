/**
 * Ingest at archive scale (issue 10): generated articles across the 16 cities into a fresh
 * store and API, then one new article and an incremental rebuild. Each run is a child process
 * (bench/ingest-child.ts) so its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The 16 cities and a county of each, so headlines exercise place-name channel assignment. */
const PLACES = [
  ['济南', '章丘'],
  ['青岛', '即墨'],
  ['淄博', '博山'],
  ['枣庄', '滕州'],
  ['东营', '广饶'],
  ['烟台', '蓬莱'],
  ['潍坊', '寿光'],
  ['济宁', '曲阜'],
  ['泰安', '新泰'],
  ['威海', '文登'],
  ['日照', '莒县'],
  ['临沂', '沂水'],
  ['德州', '齐河'],
  ['聊城', '临清'],
  ['滨州', '惠民'],
  ['菏泽', '曹县'],
] as const;

const SENTENCES = [
  '示例内容：近日，当地组织开展了形式多样的便民服务活动，吸引了众多市民参与。',
  '相关负责人介绍，下一步将继续完善配套设施，提升服务水平，让群众有更多获得感。',
  '活动现场秩序井然，工作人员耐心解答群众提出的各类问题，并发放宣传资料。',
  '据统计，今年以来已累计开展类似活动数十场，覆盖社区和乡村，受到广泛好评。',
];

/** One generated article: about 1.5 KB of body HTML, like a short local news story. */
function article(n: number): object {
  const [city, county] = PLACES[n % PLACES.length] ?? PLACES[0];
  const place = n % 3 === 0 ? county : city;
  const paragraphs = Array.from({ length: 5 }, (_, i) => SENTENCES[(n + i) % SENTENCES.length]);
  const published = new Date(Date.parse('2020-01-01T08:00:00+08:00') + n * 15 * 60_000);
  return {
    id: `bench-${n}`,
    url: `https://news.example.cn/${n % 16}/${n}.html`,
    title: `山东${place}：示例新闻第${n}号`,
    content_html: paragraphs.map((p) => `<p>${p}（编号${n}）</p>`).join(''),
    date_published: published.toISOString().replace('.000Z', 'Z'),
    authors: [{ name: '张三' }],
    tags: n % 5 === 0 ? [city] : [],
    _news: { source: '示例来源', editor: '李四' },
  };
}

/** Writes `count` articles as JSON Feed files of 1,000 items (numbered from `first`); returns their paths. */
export function writeFeeds(dir: string, first: number, count: number): string[] {
  const files: string[] = [];
  for (let start = first; start < first + count; start += 1000) {
    const items = [];
    for (let n = start; n < Math.min(first + count, start + 1000); n++) items.push(article(n));
    const file = path.join(dir, `feed-${start}.json`);
    writeFileSync(
      file,
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: '示例', items }),
    );
    files.push(file);
  }
  return files;
}

/** What one ingest child reports. */
export interface ChildResult {
  ms: number;
  maxRssMb: number;
  added: number;
  updated: number;
  skipped: number;
  failed: string[];
  articles: number;
  timings: Record<string, number>;
  written: number;
  writtenFiles: string[];
}

/** Runs one ingest in a child process (bench/ingest-child.ts) and returns what it printed. */
export function runChild(
  root: string,
  store: string,
  out: string,
  precompress: boolean,
  sources: string[],
): ChildResult {
  const stdout = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'bench/ingest-child.ts'),
      store,
      out,
      precompress ? '1' : '0',
      ...sources,
    ],
    { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
  if (result.failed.length > 0) throw new Error(`ingest failed: ${result.failed.join('; ')}`);
  return result;
}

/** Bytes and count of the files below `dir`, precompressed siblings counted apart. */
function tree(dir: string): {
  files: number;
  bytes: number;
  siblings: number;
  siblingBytes: number;
} {
  const t = { files: 0, bytes: 0, siblings: 0, siblingBytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(path.join(entry.parentPath, entry.name)).size;
    if (/\.(br|gz)$/.test(entry.name)) {
      t.siblings += 1;
      t.siblingBytes += size;
    } else {
      t.files += 1;
      t.bytes += size;
    }
  }
  return t;
}

/** One scale's figures. */
export interface IngestScaleResult {
  readonly articles: number;
  readonly precompress: boolean;
  readonly full: ChildResult;
  readonly api: ReturnType<typeof tree>;
  readonly store: ReturnType<typeof tree>;
  readonly incremental: ChildResult;
  readonly second: ChildResult;
}

/** Measures ingest of `count` generated articles, then one more, then the same source again. */
export function measureIngestScale(
  root: string,
  count: number,
  precompress: boolean,
): IngestScaleResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'qilu-bench-ingest-'));
  try {
    const feeds = writeFeeds(dir, 0, count);
    const store = path.join(dir, 'store');
    const out = path.join(dir, 'api');
    const full = runChild(root, store, out, precompress, feeds);
    const api = tree(out);
    const storeTree = tree(store);
    const [extra = ''] = writeFeeds(path.join(dir), count, 1);
    const incremental = runChild(root, store, out, precompress, [extra]);
    // The whole archive again: everything is recognised as unchanged, nothing is written.
    const second = runChild(root, store, out, precompress, feeds);
    return { articles: count, precompress, full, api, store: storeTree, incremental, second };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ingest benchmark: 10,000 and 100,000 articles. */
export function measureIngest(root: string): IngestScaleResult[] {
  return [10_000, 100_000].map((count) => measureIngestScale(root, count, false));
}
