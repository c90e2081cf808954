import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The project root (where vite.config.ts is). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A production build of the app in a temporary directory. */
export interface ProductionBuild {
  readonly outDir: string;
  /** Deletes the build. */
  dispose(): Promise<void>;
}

/**
 * Builds the app with the project's own vite.config.ts into a fresh temporary directory,
 * as `npm run build` would: what the build tests check is what readers get.
 */
export async function buildForTest(prefix: string): Promise<ProductionBuild> {
  const outDir = await mkdtemp(path.join(tmpdir(), prefix));
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
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { outDir, dispose: () => rm(outDir, { recursive: true, force: true }) };
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
