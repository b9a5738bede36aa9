// Lint rules, above all the layer rule of DESIGN.md §2: arrows point down only.
//   shared/   imports neither renderer/ nor electron/ (nor DOM/Node/Dexie/React libraries)
//   renderer/ never imports electron/ (nor the `electron` module); electron/ never imports renderer/
// They meet only through the bridge interface declared in shared/platform.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './scripts/eslint-layers.js';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='it'][callee.property.name=/^(skip|only|todo)$/]", message: 'Do not skip tests silently.' },
        { selector: "CallExpression[callee.object.name='test'][callee.property.name=/^(skip|only|todo)$/]", message: 'Do not skip tests silently.' },
        { selector: "CallExpression[callee.object.name='describe'][callee.property.name=/^(skip|only|todo)$/]", message: 'Do not skip tests silently.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'scripts/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/boundaries': 'error' },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['electron/**/*.ts'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'bin/**/*.mjs', 'test/**/*.ts', '*.config.{js,ts}', 'vite.electron.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
