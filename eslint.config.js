// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
