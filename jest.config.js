/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': swc,
    // PGlite's CommonJS build loads its WASM with import(), which jest's CommonJS runtime refuses.
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': swc,
    // jose 6 ships only ES modules; compiled to CommonJS so the OIDC tests can load it.
    '/node_modules/jose/.+\\.js$': swc,
  },
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql/pglite|jose)/)'],
  // Tests that start servers, databases or solvers get room; no test asserts on time.
  testTimeout: 60000,
};
