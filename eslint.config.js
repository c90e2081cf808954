// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * no-restricted-imports patterns forbidding imports from the sibling folders of src/ named
 * in `banned`.
 * @param {string[]} banned
 * @param {string} message
 */
function crossing(banned, message) {
  return banned.map((folder) => ({ regex: `(^|/)(src/|\\.\\./)+${folder}(/|$)`, message }));
}

/**
 * Forbids files matching `files` (except `ignores`) the imports `patterns` describe.
 * ESLint keeps only the last no-restricted-imports setting that matches a file, so every
 * pattern that applies to a file must be given in one call.
 * @param {string} files
 * @param {ReturnType<typeof crossing>} patterns
 * @param {string[]} [ignores]
 * @returns {import('eslint').Linter.Config}
 */
function restrict(files, patterns, ignores = []) {
  /** @type {import('eslint').Linter.RuleEntry} */
  const rule = ['error', { patterns }];
  return { files: [files], ignores, rules: { 'no-restricted-imports': rule } };
}

/**
 * The public entries of src/app/data (see its index.ts): the index for the first load, and
 * one per feature that loads with its routes. Anything else in the folder is its own.
 */
const DATA_ENTRIES = ['index', 'saved', 'download', 'storage', 'search', 'search/index'];

/** Outside src/app/data, an import of any of its modules but the public entries. */
const dataDeepImport = {
  regex: `(^|/)data/(?!(${DATA_ENTRIES.join('|')})$)`,
  message: 'Import the data layer through its public entries (listed in src/app/data/index.ts).',
};

const pageLayer = crossing(
  ['sw', 'ingest'],
  'The page talks to the worker through src/shared/messages only.',
);

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
      // Feed content must never reach the DOM as HTML (see DESIGN.md).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Feed content is rendered from the block tree, never as HTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never assign innerHTML: build elements instead.',
        },
      ],
    },
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
  // shared code imports neither; ingest is a Node tool the app never loads; the page's
  // data layer is imported through its public entries only.
  // tests/unit/lint-layers.test.ts shows each rule failing on a deliberate violation.
  restrict('src/app/**', [...pageLayer, dataDeepImport], ['src/app/data/**']),
  restrict('src/app/data/**', pageLayer),
  restrict(
    'src/sw/**',
    crossing(['app', 'ingest'], 'The worker shares code with the page only through src/shared.'),
  ),
  restrict(
    'src/shared/**',
    crossing(
      ['app', 'sw', 'ingest'],
      'Shared code runs in the page and the worker: it imports neither.',
    ),
  ),
  {
    files: [
      '*.{js,ts}',
      'build/**',
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
