import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  autoImports,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Shipped code: page-derived strings are text, never HTML (design.md). Tests and the replay
    // tooling may read and build whole pages.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: ['**/*.test.*', '**/test-*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render page-derived strings as text.' },
        { property: 'outerHTML', message: 'Render page-derived strings as text.' },
        { property: 'insertAdjacentHTML', message: 'Render page-derived strings as text.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render page-derived strings as text.',
        },
      ],
    },
  },
);
