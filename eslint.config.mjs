// Lint rules that keep the architecture honest: no floating promises, type-only imports where only
// types are used, no import cycles, deterministic workflow code with no IO libraries in it, and the
// layers: the API reaches workflows only through Temporal, the web app only through HTTP.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.data/**', '.tools/**', 'dist/**', 'test-output/**', 'apps/web/dist/**', 'apps/web/dist.*/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      // The @zwgk/* packages are workspace links whose `main` is their TypeScript entry point.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'], mainFields: ['types', 'main'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // NestJS reads constructor parameter types at run time: a type-only import would erase them.
    files: ['apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Workflow code is replayed: it must be deterministic and free of IO. Activities are imported as types only.
    files: ['workflows/**/*.ts', 'libs/domain/**/*.ts', 'libs/contracts/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'Workflow code must not use Node built-ins: do IO in an activity.' })),
            { name: '@zwgk/activities', message: 'Import activities as types only.', allowTypeImports: true },
            { name: '@zwgk/db', message: 'Workflow code must not touch the database: do IO in an activity.' },
            { name: '@zwgk/domain', message: 'Workflow code imports the deterministic entry point @zwgk/domain/workflow: the calendar is computed by activities.', allowTypeImports: true },
          ],
          patterns: [
            { group: ['typeorm', 'typeorm/*', 'pg', 'pg/*'], message: 'Workflow code must not touch the database: do IO in an activity.' },
            { group: ['@nestjs/*'], message: 'NestJS does not belong in workflow code.' },
          ],
        },
      ],
    },
  },
  {
    // The API starts and asks workflows through Temporal with the shared contracts; it never runs their code.
    files: ['apps/api/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@zwgk/workflows', '@zwgk/workflows/*', '@zwgk/activities', '@zwgk/activities/*', '@zwgk/worker', '@zwgk/worker/*', '**/workflows/src/**', '**/activities/src/**', '**/apps/worker/**'],
              message: 'The API may not import workflow, activity or worker code: use @zwgk/contracts and the Temporal client.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app is built apart and talks to the API over HTTP only: nothing outside apps/web.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@zwgk/*'], message: 'The web app may import nothing outside apps/web: call the API.' },
            { regex: '^(\\.\\./){4,}', message: 'The web app may import nothing outside apps/web: call the API.' },
          ],
        },
      ],
    },
  },
);
