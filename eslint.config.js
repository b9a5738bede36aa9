// Lint rules, above all the layer rules of DESIGN.md §2 (scripts/eslint-layers.js): arrows point down only.
//   shared/   imports neither renderer/ nor electron/ (nor DOM/Node/Dexie/React libraries)
//   renderer/ never imports electron/ (nor the `electron` module); electron/ never imports renderer/
// They meet only through the bridge interface declared in shared/platform.ts. Inside shared/ and
// renderer/ the folders are ordered, one feature never imports another, product code never imports
// a testing/ kit, screens read through renderer/db/queries, and `as unknown as` is allow-listed.
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
    rules: { 'layers/boundaries': 'error', 'layers/reads-through-queries': 'error', 'layers/no-double-cast': 'error' },
  },
  {
    // Chinese text is compared with one Intl.Collator (shared/rules/collation.ts): localeCompare with a
    // locale builds or looks one up per comparison, hundreds of ms in a sort of thousands (issue 18)
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='localeCompare'][arguments.length>1]",
          message: 'Compare Chinese text with compareChinese (shared/rules/collation.ts), machine strings with compareCodePoints.',
        },
      ],
    },
  },
  {
    // One write funnel (renderer/db/runWrite.ts): a repository write opens its transaction there, so a
    // failure rolls the whole write back the same way everywhere. Bookkeeping stores (sync state,
    // summaries) keep their own transactions outside the repositories.
    files: ['renderer/db/**/*Repository.ts', 'renderer/db/sync/{importBundle,enrolment,conflicts,keyCard}.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.0.value='rw']",
          message: 'Repository writes go through runWrite (renderer/db/runWrite.ts), not db.transaction(\'rw\', …).',
        },
      ],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['electron/**/*.ts'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'bin/**/*.mjs', 'test/**/*.ts', '*.config.{js,ts}', 'vite.electron.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
