// Three tiers, one Jest run (`npx jest` runs them all; `--selectProjects <name>` or `npm run test:<name>` one):
// - unit (*.spec.ts, beside the code and in test/static): no servers, so it runs in seconds;
// - integration (test/**/*.int-spec.ts): against the real PostgreSQL and Temporal the global setup starts;
// - browser (test/**/*.browser-spec.ts): Chromium against a running system, on the same servers.
// Both server tiers name the same global setup and teardown: Jest (30) runs a hook module once per run however
// many projects name it (it collects their paths in a set), and the setup would in any case hand a second
// caller the servers it already started. The unit tier has no global setup, so it starts no server.
const { pathsToModuleNameMapper } = require('./test/setup/paths-to-module-name-mapper');

/** What every tier shares: TypeScript through SWC (with Nest's decorator metadata) and the tsconfig aliases. */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/apps/web/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    }],
  },
  moduleNameMapper: pathsToModuleNameMapper(),
};

const servers = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/workflows', '<rootDir>/activities', '<rootDir>/test'],
      testMatch: ['**/*.spec.ts'],
    },
    { ...shared, ...servers, displayName: 'integration', roots: ['<rootDir>/test'], testMatch: ['**/*.int-spec.ts'] },
    { ...shared, ...servers, displayName: 'browser', roots: ['<rootDir>/test'], testMatch: ['**/*.browser-spec.ts'] },
  ],
  // Run-wide options (Jest reads them for the whole run, not per project): the server tiers need the long timeout.
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};
