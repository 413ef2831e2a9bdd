/** Jest runs the TypeScript sources as ES modules through swc (NestJS 12 is ESM-only). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@lib/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@lib/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing.ts',
    '^@lib/([a-z-]+)/events$': '<rootDir>/libs/$1/src/events.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
};
