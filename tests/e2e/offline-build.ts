import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The second version of the app for the update-prompt test: dist/ is version 1, this is the
 * same sources with one trivial change (see offline-v2.vite.config.ts). Built once by the
 * global setup, in parallel with the cross-origin build; ignored by lint and git like every dist-*.
 * Named after DIST_DIR, so two test runs with different DIST_DIRs never share a directory.
 */
export const V2_DIR = resolve(`${process.env.DIST_DIR ?? 'dist'}-offline-v2`);

/** What the marked build writes to `<html data-build>`; dist/ (version 1) writes nothing. */
export const V2_TAG = 'v2';

/** The build directory of version 1 (the one every other test serves). */
export function v1Dir(): string {
  return resolve(process.env.DIST_DIR ?? 'dist');
}

/** Builds {@link V2_DIR}; rejects with vite's output when the build fails. */
export async function buildSecondVersion(): Promise<void> {
  const vite = resolve('node_modules/vite/bin/vite.js');
  const config = resolve('tests/e2e/offline-v2.vite.config.ts');
  try {
    await run(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], {
      env: { ...process.env, OUT_DIR: V2_DIR, QILU_E2E_BUILD_TAG: V2_TAG, NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`The second-version build failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}
