import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers hold by construction: ESLint (eslint.config.js, `restrict(…)`) refuses an import
 * across them, and one into the page's data layer other than through its public entries. Each case lints a one-line module as if it lived at that path.
 */

const eslint = new ESLint();

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(
    `import { x } from '${specifier}';\nexport const y = x;\n`,
    {
      filePath,
    },
  );
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['src/app/pwa/periodic-sync.ts', '../../sw/periodic-sync'],
    ['src/app/data/x.ts', '../../ingest/run'],
    ['src/sw/x.ts', '../app/data/index'],
    ['src/sw/boot/x.ts', '../../app/lib/page'],
    ['src/shared/store/x.ts', '../../app/data/index'],
    ['src/shared/feed/x.ts', '../../sw/sw'],
    // The data layer is imported through its public entries (src/app/data/index.ts).
    ['src/app/routes/home/index.tsx', '../../data/cache'],
    ['src/app/components/x/index.tsx', '../../data/search/stored-search'],
    ['src/app/pwa/x.ts', '../data/live'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toHaveLength(1);
  });

  it.each([
    ['src/app/pwa/periodic-sync.ts', '../../shared/periodic-sync-tag'],
    ['src/sw/x.ts', '../shared/messages'],
    ['src/shared/sync/x.ts', '../store/index'],
    ['src/ingest/run.ts', '../shared/feed/limits'],
    ['src/app/routes/home/index.tsx', '../../data'],
    ['src/app/routes/search/index.tsx', '../../data/search'],
    ['src/app/components/x/index.tsx', '../../data/saved'],
    ['src/app/data/channel-pages.ts', './cache'],
    ['src/app/data/search/run-search.ts', '../directory'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toEqual([]);
  });
});
