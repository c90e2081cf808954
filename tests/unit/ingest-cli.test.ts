import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, generatedFeed, SEED_CAPTURE, treeHashes } from './ingest/helpers';

/**
 * `npm run ingest` as an operator runs it: a child process, its exit code and its output, and
 * what a kill -9 in the middle leaves behind.
 */

const CLI = ['--import', 'tsx', path.resolve('src/ingest/cli.ts')];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the command; `killWhen` is polled and the process killed with SIGKILL once it holds. */
function ingest(args: readonly string[], killWhen?: () => boolean): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...CLI, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let poll: NodeJS.Timeout | undefined;
    if (killWhen) {
      poll = setInterval(() => {
        if (killWhen()) {
          child.kill('SIGKILL');
          clearInterval(poll);
        }
      }, 2);
    }
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      done({ code, signal, stdout, stderr });
    });
  });
}

let dir = '';
let store = '';
let out = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qilu-cli-'));
  store = path.join(dir, 'store');
  out = path.join(dir, 'api');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const paths = (): string[] => ['--store', store, '--out', out];

describe('npm run ingest', { timeout: 20_000 }, () => {
  it('prints help in Chinese and English', async () => {
    const run = await ingest(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法 Usage: npm run ingest');
    expect(run.stdout).toContain('--dry-run');
    expect(run.stdout).toContain('show what would change');
  });

  it('ingests the seed capture and reports a summary; a second run reports 0 changed', async () => {
    const first = await ingest([...paths(), SEED_CAPTURE]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/新增 added 1 · 更新 updated 0/);
    expect(existsSync(path.join(out, 'channels.json'))).toBe(true);
    const second = await ingest([...paths(), SEED_CAPTURE]);
    expect(second.stdout).toMatch(/合计 total: 新增 added 0 · 更新 updated 0 · 未变 unchanged 1/);
    expect(second.stdout).toMatch(/写入 written 0/);
    // Not a terminal: plain progress lines, no carriage returns.
    expect(second.stderr).toContain('来源 source 1/1');
    expect(second.stderr).not.toContain('\r');
  });

  it('exits 1 when nothing could be ingested, naming each source and reason', async () => {
    const run = await ingest([
      ...paths(),
      path.join(FIXTURES, 'empty.txt'),
      path.join(FIXTURES, 'feed-billion-laughs.xml'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('empty.txt');
    expect(run.stdout).toContain('文件为空');
    expect(run.stdout).toContain('XML 含有实体扩展攻击');
    expect(existsSync(out)).toBe(true); // an empty but valid API: channels.json and empty channels
  });

  it('exits 0 when some sources fail, and 1 with --strict', async () => {
    const sources = [SEED_CAPTURE, path.join(FIXTURES, 'empty.txt')];
    expect((await ingest([...paths(), ...sources])).code).toBe(0);
    expect((await ingest([...paths(), '--strict', ...sources])).code).toBe(1);
  });

  it('reads a list of sources with default channels and charset overrides', async () => {
    const list = path.join(dir, 'sources.json');
    await writeFile(
      list,
      JSON.stringify({
        sources: [
          {
            url: path.relative(dir, path.join(FIXTURES, 'rss-gbk.xml')),
            channel: 'hot',
            charset: 'gbk',
          },
          { url: path.relative(dir, SEED_CAPTURE) },
        ],
      }),
    );
    const run = await ingest([...paths(), '--sources', list]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rss-gbk\.xml \(rss, gb18030\)/);
    const hot = (await import(path.join(out, 'feeds/hot.json'), { with: { type: 'json' } })) as {
      default: { items: unknown[] };
    };
    expect(hot.default.items).toHaveLength(3);
  });

  it('refuses usage errors with exit code 2', async () => {
    expect((await ingest([...paths()])).code).toBe(2);
    expect((await ingest([...paths(), '--channel', 'nowhere', SEED_CAPTURE])).code).toBe(2);
    expect((await ingest(['--bogus'])).code).toBe(2);
  });

  it('leaves the previous API intact when killed with SIGKILL while writing it; the next run completes', async () => {
    const feed = path.join(dir, 'gen.json');
    await writeFile(feed, generatedFeed(3000, { city: '济南' }));
    expect((await ingest([...paths(), '--channel', 'jinan', feed])).code).toBe(0);
    const before = await treeHashes(out);

    // Every article changes: the run has thousands of files to stage.
    await writeFile(feed, generatedFeed(3000, { modified: '2025-01-01T08:00:00+08:00' }));
    const staging = (): boolean => readdirSync(dir).some((n) => n.startsWith('.api.staging-'));
    const killed = await ingest([...paths(), '--channel', 'jinan', feed], staging);
    expect(killed.signal).toBe('SIGKILL');
    expect(await treeHashes(out)).toEqual(before);

    const again = await ingest([...paths(), '--channel', 'jinan', feed]);
    expect(again.code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('.api.'))).toEqual([]);
    // The completed API equals one built afresh from the same store.
    const fresh = path.join(dir, 'fresh');
    await ingest(['--store', store, '--out', fresh, '--channel', 'jinan', feed]);
    expect(await treeHashes(out)).toEqual(await treeHashes(fresh));
    expect(await treeHashes(out)).not.toEqual(before);
  }, 90_000);

  it('keeps the store and the API when killed while committing the store', async () => {
    const feed = path.join(dir, 'gen.json');
    await writeFile(feed, generatedFeed(500));
    await ingest([...paths(), feed]);
    const before = await treeHashes(out);
    await writeFile(feed, generatedFeed(3000));
    const killed = await ingest([...paths(), feed], () => existsSync(path.join(store, '.dirty')));
    expect(killed.signal).toBe('SIGKILL');
    expect(await treeHashes(out)).toEqual(before);
    const again = await ingest([...paths(), feed]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/内容库 store: 3000 篇/);
  }, 90_000);
});
