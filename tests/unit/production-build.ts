import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { inject } from 'vitest';

/** The project root (where vite.config.ts is). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A production build of the app in a temporary directory. */
export interface ProductionBuild {
  readonly outDir: string;
  /** Deletes the build. */
  dispose(): Promise<void>;
}

/** How often a test file waiting for the shared build looks whether it is there. */
const POLL_MS = 200;

/**
 * The app built with the project's own vite.config.ts, as `npm run build` would (what
 * the build tests check is what readers get): the run's one production build, shared by every test file that only reads it
 * (tests/unit/shared-build-setup.ts names the directory). The first file to ask
 * builds it; the others wait for its outcome, which is the build's error too.
 * Its `dispose` does nothing: the run's teardown removes it.
 */
export async function sharedBuild(): Promise<ProductionBuild> {
  const outDir = inject('sharedBuildDir');
  const done = `${outDir}.done`;
  const shared: ProductionBuild = { outDir, dispose: () => Promise.resolve() };
  let builder = true;
  try {
    // mkdir is atomic: exactly one test file (worker) wins and builds.
    await mkdir(`${outDir}.lock`);
  } catch {
    builder = false;
  }
  if (builder) {
    try {
      await buildInto(outDir);
      await writeFile(done, '');
    } catch (error) {
      await writeFile(
        done,
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      throw error;
    }
    return shared;
  }
  for (;;) {
    const outcome = await readFile(done, 'utf8').catch(() => undefined);
    if (outcome === '') return shared;
    if (outcome !== undefined) throw new Error(`The shared production build failed:\n${outcome}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function buildInto(outDir: string): Promise<void> {
  // Vitest runs with NODE_ENV=test; the worker build reads NODE_ENV for Workbox's dev
  // logging, and these tests are about the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: path.join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** One entry of the precache list Workbox's injectManifest wrote into sw.js. */
export interface PrecacheEntry {
  readonly url: string;
  readonly revision: string | null;
}

/** The precache list injected in place of `self.__WB_MANIFEST` in a built sw.js. */
export function injectedPrecache(swCode: string): PrecacheEntry[] {
  const found = /\[\{"(?:revision|url)":[^\]]*\]/.exec(swCode);
  if (!found) throw new Error('No precache manifest found in sw.js');
  return JSON.parse(found[0]) as PrecacheEntry[];
}
