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

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'addin/dist/**',
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
