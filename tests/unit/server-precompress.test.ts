import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../tools/precompress';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qilu-precompress-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const text = (n: number) => '山东新闻 lorem ipsum '.repeat(n);

describe('precompressDir', () => {
  it('writes .br and .gz next to every large text file, in nested folders too', async () => {
    const files = [
      'index.html',
      'assets/app-12345678.js',
      'assets/app-12345678.css',
      'api/feeds/jinan.json',
      'api/images/a.svg',
      'manifest.webmanifest',
      'robots.txt',
      'sitemap.xml',
    ];
    for (const name of files) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), text(100));
    }
    const report = await precompressDir(dir);
    expect(report).toEqual({ files: files.length, brotli: files.length, gzip: files.length });
    for (const name of files) {
      const original = await readFile(join(dir, name), 'utf8');
      expect(brotliDecompressSync(await readFile(join(dir, `${name}.br`))).toString('utf8')).toBe(
        original,
      );
      expect(gunzipSync(await readFile(join(dir, `${name}.gz`))).toString('utf8')).toBe(original);
    }
  });

  it('leaves small files, binary formats and already compressed files alone', async () => {
    await writeFile(join(dir, 'tiny.js'), 'export {};');
    await writeFile(join(dir, 'photo.png'), randomBytes(4096));
    await writeFile(join(dir, 'big.js'), text(100));
    await precompressDir(dir);
    expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'photo.png.br'))).toBe(false);
    expect(existsSync(join(dir, 'big.js.br.br'))).toBe(false);
    expect(existsSync(join(dir, 'big.js.gz.gz'))).toBe(false);
  });

  it('skips a variant that would not be smaller than the original', async () => {
    // Random bytes do not compress; the gzip and Brotli framing only add to them.
    await writeFile(join(dir, 'noise.txt'), randomBytes(600));
    const report = await precompressDir(dir);
    expect(report).toEqual({ files: 1, brotli: 0, gzip: 0 });
    expect(existsSync(join(dir, 'noise.txt.br'))).toBe(false);
    expect(existsSync(join(dir, 'noise.txt.gz'))).toBe(false);
  });

  it('can run twice on the same output without compressing its own siblings', async () => {
    await writeFile(join(dir, 'a.json'), text(100));
    await precompressDir(dir);
    const second = await precompressDir(dir);
    expect(second.files).toBe(1);
  });
});
