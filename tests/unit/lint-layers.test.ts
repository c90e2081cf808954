import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers hold by construction: ESLint (eslint.config.js, `layer(…)`) refuses an import
 * across them, and an import of src/app/install other than its index from outside it. Each
 * case lints a one-line module as if it lived at that path.
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
    ['src/app/routes/settings/index.tsx', '../../install/settings-section'],
    ['src/app/app.tsx', './install/banner'],
    ['src/app/pwa/x.ts', '../install/capture.ts'],
    ['src/app/install/flow.ts', '../../sw/sw'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toHaveLength(1);
  });

  it.each([
    ['src/app/pwa/periodic-sync.ts', '../../shared/periodic-sync-tag'],
    ['src/sw/x.ts', '../shared/messages'],
    ['src/shared/sync/x.ts', '../store/index'],
    ['src/ingest/run.ts', '../shared/feed/limits'],
    ['src/app/app.tsx', './install'],
    ['src/app/routes/settings/index.tsx', '../../install/index'],
    ['src/app/install/banner/index.tsx', '../flow'],
    ['src/app/install/index.ts', './banner-slot'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toEqual([]);
  });
});
