import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { OBJECT_STORES } from '../../eslint.config.js';
import { closeStores, freshStore } from './store-fixtures';

/**
 * The layers hold by construction: ESLint (eslint.config.js, `layer(…)`) refuses an import
 * across them, an import of src/app/install other than its index from outside it, and one
 * into the page's data layer other than through its public entries. Each case lints a
 * one-line module as if it lived at that path.
 */

afterEach(closeStores);

const eslint = new ESLint();

/** The messages of `ruleId` when `code` is linted as the file at `filePath`. */
async function ruleErrors(filePath: string, code: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

function importErrors(filePath: string, specifier: string): Promise<string[]> {
  return ruleErrors(
    filePath,
    `import { x } from '${specifier}';\nexport const y = x;\n`,
    'no-restricted-imports',
  );
}

/** `statement` in a function over an idb database handle, linted as the file at `filePath`. */
function syntaxErrors(filePath: string, statement: string): Promise<string[]> {
  return ruleErrors(
    filePath,
    `export function f(db: { [k: string]: (...a: unknown[]) => unknown }) {\n  ${statement}\n}\n`,
    'no-restricted-syntax',
  );
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
    ['src/app/pwa/x.ts', '../install/engagement.ts'],
    ['src/app/install/flow.ts', '../../sw/sw'],
    ['src/app/install/flow.ts', '../data/reads'],
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
    ['src/app/app.tsx', './install'],
    ['src/app/main.tsx', './install/capture'],
    ['src/app/routes/settings/index.tsx', '../../install/index'],
    ['src/app/install/banner/index.tsx', '../flow'],
    ['src/app/install/index.ts', './banner-slot'],
    ['src/app/routes/home/index.tsx', '../../data'],
    ['src/app/routes/search/index.tsx', '../../data/search'],
    ['src/app/components/x/index.tsx', '../../data/saved'],
    ['src/app/data/channel-pages.ts', './cache'],
    ['src/app/data/search/run-search.ts', '../directory'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toEqual([]);
  });
});

describe('the store boundary', () => {
  it.each([
    ['src/shared/search/x.ts', '../store/schema'],
    ['src/shared/search/x.ts', '../store/search-records'],
    ['src/shared/search/x.ts', 'idb'],
    ['src/shared/sync/x.ts', '../store/search'],
    ['src/shared/sync/x.ts', '../store/feeds'],
    ['src/shared/x.ts', './store/records'],
    ['src/sw/x.ts', '../shared/store/user'],
    ['src/sw/x.ts', '../shared/store/article-document'],
    ['src/app/data/x.ts', '../../shared/store/search'],
    ['src/app/data/x.ts', '../../shared/store/transaction'],
    ['src/app/routes/search/x.ts', 'idb'],
    ['src/shared/store/x.ts', '../messages'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toHaveLength(1);
  });

  it.each([
    ['src/shared/search/x.ts', '../store/search'],
    ['src/shared/search/x.ts', '../store/index'],
    ['src/shared/sync/x.ts', '../store/article-document'],
    ['src/sw/x.ts', '../shared/store'],
    ['src/app/data/x.ts', '../../shared/store/index'],
    ['src/shared/store/x.ts', './schema'],
    ['src/shared/store/x.ts', 'idb'],
    ['src/shared/store/x.ts', '../sync-result'],
    ['src/ingest/api/x.ts', '../store/content-store'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toEqual([]);
  });

  // One error per object store named.
  it.each([
    ['src/shared/search/x.ts', "db.transaction(['articles', 'searchMeta'], 'readonly');", 2],
    ['src/shared/search/x.ts', "db.transaction('searchPostings', 'readonly');", 1],
    ['src/sw/x.ts', "db.objectStore('articles');", 1],
    ['src/shared/search/x.ts', "db.get('searchMeta', 'state');", 1],
    ['src/app/data/x.ts', "db.getAllFromIndex('user', 'savedAt');", 1],
  ])('%s may not run %s', async (file, statement, count) => {
    expect(await syntaxErrors(file, statement)).toHaveLength(count);
  });

  it.each([
    ['src/shared/store/x.ts', "db.transaction(['articles', 'searchMeta'], 'readonly');"],
    ['src/shared/store/x.ts', "db.get('searchMeta', 'state');"],
    ['src/shared/search/x.ts', "db.get('state');"],
    ['src/sw/x.ts', "db.transaction(names, 'readonly');"],
  ])('%s may run %s', async (file, statement) => {
    expect(await syntaxErrors(file, statement)).toEqual([]);
  });

  it('knows every object store of the schema, and forbids naming each outside the store', async () => {
    const db = await freshStore();
    expect([...OBJECT_STORES].sort()).toEqual([...db.objectStoreNames].sort());
    for (const name of OBJECT_STORES) {
      expect(await syntaxErrors('src/shared/sync/x.ts', `db.objectStore('${name}');`)).toHaveLength(
        1,
      );
      expect(await syntaxErrors('src/shared/sync/x.ts', `db.count('${name}');`)).toHaveLength(1);
    }
  });
});
