/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

/** What every project shares: TypeScript through swc, the core's one entry, Node by default. */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': swc,
    // PGlite's CommonJS build loads its WASM with import(), which jest's CommonJS runtime refuses.
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': swc,
    // jose 6, openid-client 6 and its oauth4webapi ship only ES modules; compiled to CommonJS
    // so the OIDC tests can load them.
    '/node_modules/(jose|openid-client|oauth4webapi)/.+\\.js$': swc,
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@electric-sql/pglite|jose|openid-client|oauth4webapi)/)',
  ],
  // The core's one entry (package.json "imports", tsconfig "paths"): tests run its sources.
  // office-addin-mock's office-addin-manifest: a stub with its host list (the stub says why).
  moduleNameMapper: {
    '^#core$': '<rootDir>/shared/src/index.ts',
    '^office-addin-manifest$': '<rootDir>/tests/helpers/office-addin-manifest.cjs',
  },
};

/** Tests that start the register, a database server or a child process. */
const INTEGRATION = [
  '<rootDir>/tests/service/',
  '<rootDir>/tests/reliability/',
  '<rootDir>/tests/cli/server.test.ts',
];
/** Tests that drive headless Chromium. */
const BROWSER = ['<rootDir>/tests/e2e/'];

/**
 * Three projects, so that `npm test` runs everything and a developer can run the fast ones
 * alone: `npm run test:unit` (the core, the add-in's logic and views, the CLI on files),
 * `npm run test:integration` (the register on PGlite and PostgreSQL, reliability),
 * `npm run test:browser` (the add-in in Chromium).
 */
module.exports = {
  // Tests that start servers, databases or solvers get room; no test asserts on time.
  testTimeout: 60000,
  // What a run makes once and copies for each test: seeded databases, Vite builds.
  globalSetup: '<rootDir>/tests/helpers/run-setup.cjs',
  globalTeardown: '<rootDir>/tests/helpers/run-teardown.cjs',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION, ...BROWSER],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: INTEGRATION.map((p) => (p.endsWith('/') ? `${p}**/*.test.ts` : p)),
    },
    { ...common, displayName: 'browser', testMatch: BROWSER.map((p) => `${p}**/*.test.ts`) },
  ],
};
