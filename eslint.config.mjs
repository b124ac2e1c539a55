// ESLint flat config. Type-aware rules stay off to keep lint fast; `npm run typecheck` covers types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'zlib',
  'worker_threads',
  'process',
];

/** The core's modules are reached through its one entry, `#core`, never by path. */
const CORE_INTERNALS = {
  group: ['**/shared/src', '**/shared/src/**'],
  message: "import the core through its one entry: from '#core'.",
};

/** `plan admin` works on the register's database directly (the embedded one, or DATABASE_URL). */
const CLI_ADMIN = ['cli/commands/admin.ts', 'cli/commands/verify.ts'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'addin/dist/**',
      'web/dist/**',
      '**/generated/**',
      'tests/e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Node scripts written as ES modules (a test's OpenID Provider runs in its own process).
    files: ['**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
  {
    // Outside the core, the core is imported through its one entry.
    files: [
      'addin/**/*.{ts,tsx}',
      'web/**/*.{ts,tsx}',
      'service/**/*.ts',
      'cli/**/*.ts',
      'io/**/*.ts',
      'tests/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'scripts/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [CORE_INTERNALS] }],
    },
  },
  {
    // The add-in holds the core and the register's API client (part of the core), nothing of the server.
    files: ['addin/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'express', 'pg', 'multer'].map((name) => ({
            name,
            message: 'the add-in runs in Excel: no server modules.',
          })),
          patterns: [
            CORE_INTERNALS,
            {
              group: ['@prisma/*', '**/service/**', '**/cli/**', '**/io/**'],
              message: 'the add-in imports only the core (#core) and its own modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web face holds the core and the register's API client, nothing of the server or of Excel.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'express', 'pg', 'multer'].map((name) => ({
            name,
            message: 'the web face runs in a browser: no server modules.',
          })),
          patterns: [
            CORE_INTERNALS,
            {
              group: ['@prisma/*', '**/service/**', '**/cli/**', '**/io/**', '**/addin/**'],
              message: 'the web face imports only the core (#core) and its own modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'the web face runs outside Excel.' },
        { name: 'Excel', message: 'the web face runs outside Excel.' },
      ],
    },
  },
  {
    // The .xlsx/CSV reader and writer serve the CLI and the register; they know neither.
    files: ['io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['express', 'react'].map((name) => ({
            name,
            message: 'io/ reads and writes files only.',
          })),
          patterns: [
            CORE_INTERNALS,
            {
              group: ['@prisma/*', '**/service/**', '**/cli/**', '**/addin/**'],
              message: 'io/ depends only on the core.',
            },
          ],
        },
      ],
    },
  },
  {
    // The command line: the core, io/ and the register's API client; never express or React.
    files: ['cli/**/*.ts'],
    ignores: CLI_ADMIN,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['express', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'the CLI is no server and no UI.',
          })),
          patterns: [
            CORE_INTERNALS,
            {
              group: ['@prisma/*', '**/service/**', '**/addin/**'],
              message:
                "only `plan admin` (cli/commands/admin.ts, verify.ts) opens the register's database.",
            },
          ],
        },
      ],
    },
  },
  {
    // The plan core is pure: no I/O, no clock, no Office, no DOM, no express, no Prisma.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins
              .flatMap((m) => [m, `node:${m}`])
              .map((name) => ({ name, message: 'shared/ is pure: no Node I/O.' })),
            {
              name: 'exceljs',
              message: 'shared/ reads tables, not files: file I/O lives in service/.',
            },
            { name: 'express', message: 'shared/ has no HTTP.' },
            { name: 'react', message: 'shared/ has no UI.' },
          ],
          patterns: [
            {
              group: ['@prisma/*', '**/service/**', '**/addin/**'],
              message: 'shared/ depends on nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'Excel', message: 'Office calls live in addin/src/office.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'shared/ has no clock: take the date as an argument.',
        },
      ],
    },
  },
);
