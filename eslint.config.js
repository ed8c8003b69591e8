import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeAware = {
  project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.tools.json'],
  tsconfigRootDir: import.meta.dirname,
  extraFileExtensions: ['.svelte'],
};

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bin/', 'scripts/', '*.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: { parserOptions: typeAware, globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { ...typeAware, parser: tseslint.parser }, globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The engine runs in Node for the CLI and tests, and in workers under Electron: no electron, no DOM.
    files: ['main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'main/engine/ must run without Electron (CODE.md).' }] },
      ],
    },
  },
  {
    // The contract is imported by the renderer: no electron, node or svelte in it.
    files: ['preload/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'svelte', 'svelte/*'],
              message: 'preload/api/ is the pure contract (CODE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared by every part of the app: nothing that only one of them has.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'svelte', 'svelte/*'], message: 'common/ is pure helpers (CODE.md).' },
          ],
        },
      ],
    },
  },
  {
    // The renderer reaches main only through renderer/transport and preload/api types.
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    ignores: ['renderer/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '**/main/**'],
              message: 'The renderer talks to main only through the contract (CODE.md).',
            },
          ],
        },
      ],
    },
  },
);
