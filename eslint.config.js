// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @typedef {{ regex: string, message: string }} ImportPattern */

/**
 * Patterns that refuse imports from the sibling folders of src/ named in `banned`.
 * @param {string[]} banned
 * @param {string} message
 * @returns {ImportPattern[]}
 */
function layerPatterns(banned, message) {
  return banned.map((folder) => ({
    regex: `(^|/)(src/|\\.\\./)+${folder}(/|$)`,
    message,
  }));
}

/**
 * Forbids the imports `patterns` describe in files matching `files` (but not `ignores`).
 * One config object carries all patterns for its files: a later object's options for
 * no-restricted-imports replace an earlier one's, they do not add up.
 * @param {string} files
 * @param {ImportPattern[]} patterns
 * @param {string[]} [ignores]
 * @returns {import('eslint').Linter.Config}
 */
function restrictImports(files, patterns, ignores = []) {
  /** @type {import('eslint').Linter.RuleEntry} */
  const rule = ['error', { patterns }];
  return { files: [files], ignores, rules: { 'no-restricted-imports': rule } };
}

/**
 * Forbids files matching `files` to import from the sibling folders of src/ named in `banned`.
 * @param {string} files
 * @param {string[]} banned
 * @param {string} message
 * @returns {import('eslint').Linter.Config}
 */
function layer(files, banned, message) {
  return restrictImports(files, layerPatterns(banned, message));
}

const APP_LAYER = layerPatterns(
  ['sw', 'ingest'],
  'The page talks to the worker through src/shared/messages only.',
);

/** src/app/install is entered through its index.ts; its other modules are its own. */
const INSTALL_ENTRY = {
  regex: '(^|/)install/(?!index(\\.[jt]sx?)?$)[^/]',
  message: 'Import the install feature from src/app/install (its index.ts) only.',
};

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
  // The layers (README, "How it fits together"): the page and the worker share only
  // src/shared; shared code imports neither; ingest is a Node tool the app never loads.
  // tests/unit/lint-layers.test.ts shows each rule failing on a deliberate violation.
  restrictImports('src/app/**', APP_LAYER),
  // Outside src/app/install, the app's layer rule and the install feature's entry together.
  restrictImports('src/app/**', [...APP_LAYER, INSTALL_ENTRY], ['src/app/install/**']),
  layer(
    'src/sw/**',
    ['app', 'ingest'],
    'The worker shares code with the page only through src/shared.',
  ),
  layer(
    'src/shared/**',
    ['app', 'sw', 'ingest'],
    'Shared code runs in the page and the worker: it imports neither.',
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
