// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @typedef {{ regex: string, message: string }} ImportPattern */

/**
 * The object stores of the IndexedDB schema (src/shared/store/schema.ts). Only
 * src/shared/store may name them; tests/unit/lint-layers.test.ts checks this
 * list against the schema, so a new store cannot be forgotten here.
 */
export const OBJECT_STORES = [
  'articles',
  'channelPages',
  'feedMeta',
  'directory',
  'user',
  'searchMeta',
  'searchSegments',
  'searchPostings',
  'searchDocs',
  'searchPending',
  'downloads',
  'generation',
];

/** Methods of idb's database handle that take an object store's name first. */
const DB_SHORTCUTS = [
  'add',
  'clear',
  'count',
  'countFromIndex',
  'delete',
  'get',
  'getAll',
  'getAllFromIndex',
  'getAllKeys',
  'getAllKeysFromIndex',
  'getFromIndex',
  'getKey',
  'getKeyFromIndex',
  'put',
];

/** Feed content must never reach the DOM as HTML (see DESIGN.md). */
const NO_HTML = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Feed content is rendered from the block tree, never as HTML.',
  },
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: 'Never assign innerHTML: build elements instead.',
  },
];

const STORE_NAME = `/^(${OBJECT_STORES.join('|')})$/`;
const STORE_ONLY = 'Only src/shared/store names object stores: call a store function instead.';

/** Naming an object store in a transaction, objectStore or idb database call. */
const NO_OBJECT_STORES = [
  {
    selector: `CallExpression[callee.property.name=/^(transaction|objectStore)$/] Literal[value=${STORE_NAME}]`,
    message: STORE_ONLY,
  },
  {
    selector: `CallExpression[callee.property.name=/^(${DB_SHORTCUTS.join('|')})$/][arguments.0.value=${STORE_NAME}]`,
    message: STORE_ONLY,
  },
];

/**
 * Import patterns that forbid the sibling folders of src/ named in `banned`.
 * @param {string[]} banned
 * @param {string} message
 */
function layerPatterns(banned, message) {
  return banned.map((folder) => ({ regex: `(^|/)(src/|\\.\\./)+${folder}(/|$)`, message }));
}

/**
 * Import patterns that keep code outside src/shared/store to the store's entry
 * modules `entries` (store/index, or the folder itself, always) and off idb.
 * @param {string[]} entries
 */
function storePatterns(entries) {
  return [
    {
      regex: `^((\\.{1,2}/)+|src/)(shared/)?store/(?!(${entries.join('|')})$)`,
      message:
        'Import the IndexedDB store through src/shared/store/index (eslint.config.js lists the exceptions).',
    },
    {
      regex: '^idb(/|$)',
      message: 'Only src/shared/store uses IndexedDB (idb): call a store function instead.',
    },
  ];
}

/**
 * Forbids files matching `files` (but not `ignores`) to import from the sibling
 * folders of src/ named in `banned` and, unless `store` is false, any module of
 * src/shared/store but `store`'s entries (and idb), plus any `more` patterns. A
 * later config for the same files replaces the whole rule, so each repeats the
 * layer's patterns.
 * @param {string | string[]} files
 * @param {string[]} banned
 * @param {string} message
 * @param {{ store?: string[] | false, more?: ImportPattern[], ignores?: string[] }} [options]
 * @returns {import('eslint').Linter.Config}
 */
function layer(files, banned, message, options = {}) {
  const { store = ['index'], more = [], ignores = [] } = options;
  const patterns = [
    ...layerPatterns(banned, message),
    ...(store ? storePatterns(store) : []),
    ...more,
  ];
  /** @type {import('eslint').Linter.RuleEntry} */
  const rule = ['error', { patterns }];
  return {
    files: typeof files === 'string' ? [files] : files,
    ignores,
    rules: { 'no-restricted-imports': rule },
  };
}

/**
 * src/app/install is entered through its index.ts, and by the first-load entry through
 * capture.ts (the browser's offer, without the Preact slots the index also exports); its
 * other modules are its own.
 */
const INSTALL_ENTRY = {
  regex: '(^|/)install/(?!(index|capture)(\\.[jt]sx?)?$)[^/]',
  message: 'Import the install feature from src/app/install (its index.ts, or capture.ts) only.',
};

/**
 * The public entries of src/app/data (see its index.ts): the index for the first load, and
 * one per feature that loads with its routes. Anything else in the folder is its own.
 */
const DATA_ENTRIES = [
  'index',
  'saved',
  'download',
  'storage',
  'read-count',
  'search',
  'search/index',
];

/** Outside src/app/data, an import of any of its modules but the public entries. */
const DATA_DEEP_IMPORT = {
  regex: `(^|/)data/(?!(${DATA_ENTRIES.join('|')})$)`,
  message: 'Import the data layer through its public entries (listed in src/app/data/index.ts).',
};

/** The store's entries for the page: the index, and its first load's reads. */
const PAGE_STORE_ENTRIES = ['index', 'reads'];

const PAGE = 'The page talks to the worker through src/shared/messages only.';
const WORKER = 'The worker shares code with the page only through src/shared.';
const SHARED = 'Shared code runs in the page and the worker: it imports neither.';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.lighthouseci/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', ...NO_HTML],
    },
  },
  {
    // The store is the one place that knows object stores (src/shared/store/index.ts).
    files: ['src/**'],
    ignores: ['src/shared/store/**'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HTML, ...NO_OBJECT_STORES] },
  },
  {
    files: ['src/app/**', 'public/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/sw/**'],
    languageOptions: { globals: globals.serviceworker },
  },
  // The layers (docs/ARCHITECTURE.md): the page and the worker share only src/shared;
  // shared code imports neither; ingest is a Node tool the app never loads. Outside
  // src/shared/store, the store is imported through its index, with two more entries
  // for lazily loaded code that the page's first load (which imports the index and
  // every module it names) must not carry: store/search for src/shared/search, and
  // store/article-document for src/shared/sync.
  // tests/unit/lint-layers.test.ts shows each rule failing on a deliberate violation.
  // The page's first load enters the store through store/reads (no writes: see its comment).
  layer('src/app/**', ['sw', 'ingest'], PAGE, { store: PAGE_STORE_ENTRIES }),
  // Outside src/app/data, the data layer is entered through its public entries only; outside
  // src/app/install, the install feature through its index only.
  layer('src/app/**', ['sw', 'ingest'], PAGE, {
    store: PAGE_STORE_ENTRIES,
    more: [DATA_DEEP_IMPORT],
    ignores: ['src/app/data/**'],
  }),
  layer('src/app/**', ['sw', 'ingest'], PAGE, {
    store: PAGE_STORE_ENTRIES,
    more: [DATA_DEEP_IMPORT, INSTALL_ENTRY],
    ignores: ['src/app/data/**', 'src/app/install/**'],
  }),
  layer('src/sw/**', ['app', 'ingest'], WORKER),
  layer('src/shared/**', ['app', 'sw', 'ingest'], SHARED),
  layer('src/shared/search/**', ['app', 'sw', 'ingest'], SHARED, { store: ['index', 'search'] }),
  layer('src/shared/sync/**', ['app', 'sw', 'ingest'], SHARED, {
    store: ['index', 'article-document'],
  }),
  // The store knows nothing of the page–worker protocol; the result types both use are in
  // src/shared/sync-result.ts.
  layer('src/shared/store/**', ['app', 'sw', 'ingest'], SHARED, {
    store: false,
    more: [
      {
        regex: '^\\.\\./messages$',
        message:
          'The store does not know the protocol: shared result types are in src/shared/sync-result.',
      },
    ],
  }),
  {
    files: [
      '*.{js,ts}',
      'tools/**',
      'content/**',
      'src/ingest/**',
      'server/**',
      'tests/**',
      'bench/**',
      '.ci/**',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
