import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's one shared production build goes (tests/unit/production-build.ts). */
    sharedBuildDir: string;
  }
}

/**
 * Vitest global setup: names one directory for the run's production build. Several
 * test files read a production build; the first to ask builds it there, the others
 * wait for it (tests/unit/production-build.ts), so a run pays for one build instead
 * of one per file (about 30 s each on a 2-core machine). Nothing is built when no
 * test asks. Removed when the run ends.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = path.join(tmpdir(), `qilu-test-build-${process.pid}-${Date.now().toString(36)}`);
  project.provide('sharedBuildDir', dir);
  return async () => {
    await Promise.all(
      [dir, `${dir}.lock`, `${dir}.done`].map((entry) =>
        rm(entry, { recursive: true, force: true }),
      ),
    );
  };
}
