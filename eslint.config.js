// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** The recommended rules of ESLint and typescript-eslint; Prettier owns the layout. */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'appPackage/build/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  // The tab's page runs in the browser, as plain script.
  { files: ['web/**/*.js'], languageOptions: { sourceType: 'script', globals: { ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
);
