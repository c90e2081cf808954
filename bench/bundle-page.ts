import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { copyBuild } from './bench-server';
import { withTimeout } from './stats';

/**
 * Bundles `bench/<name>.ts` (a benchmark's in-browser half, with the app
 * modules it imports) into `<outDir>/<name>.js` as one ES module, so a
 * benchmark measures the real store and engine code in real Chromium.
 */
export async function bundleBenchPage(root: string, outDir: string, name: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      lib: {
        entry: path.join(root, 'bench', `${name}.ts`),
        formats: ['es'],
        fileName: () => `${name}.js`,
      },
    },
  });
}

/**
 * A private copy of the build in `dist` with a benchmark page served from it
 * at `/<folder>/index.html`: `bench/<name>.ts` bundled beside it, and the
 * corpus pool (bench/search.ts `corpusPool`) as `/<folder>/pool.json`. The page
 * shares the app's origin, so what it writes is what the app reads.
 */
export async function buildWithBenchPage(
  root: string,
  dist: string,
  folder: string,
  name: string,
  pool: unknown,
): Promise<{ root: string; dispose: () => Promise<void> }> {
  const copy = await copyBuild(dist);
  try {
    const benchDir = path.join(copy.root, folder);
    await mkdir(benchDir, { recursive: true });
    await writeFile(path.join(benchDir, 'pool.json'), JSON.stringify(pool));
    await bundleBenchPage(root, benchDir, name);
    await writeFile(
      path.join(benchDir, 'index.html'),
      `<!doctype html><html lang="zh-CN"><title>${folder}</title><script type="module" src="/${folder}/${name}.js"></script></html>`,
    );
    return copy;
  } catch (error) {
    await copy.dispose();
    throw error;
  }
}

/**
 * Calls step `name` of the step table a benchmark page put on `window[global]`
 * with `args`, and rejects if it has not answered within `ms`.
 */
export function runPageStep(
  page: Page,
  global: string,
  name: string,
  args: readonly unknown[],
  ms: number,
): Promise<unknown> {
  const run = page.evaluate(
    ([table, stepName, stepArgs]) => {
      const steps = (window as unknown as Record<string, unknown>)[table] as
        Record<string, ((...a: unknown[]) => unknown) | undefined> | undefined;
      const fn = steps?.[stepName];
      if (!fn) throw new Error(`no step ${stepName} on window.${table}`);
      return fn(...stepArgs);
    },
    [global, name, args] as const,
  );
  return withTimeout(run, ms, `benchmark step ${name}`);
}
