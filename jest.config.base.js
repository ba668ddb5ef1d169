/**
 * The jest settings every package shares. @hyperledger/fabric-gateway 1.12 depends on
 * @noble/curves 2, which ships only ES modules; Node >= 22.12 loads those with require(), but
 * jest's own module loader does not, so jest compiles them to CommonJS with ts-jest.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    '/node_modules/@noble/.+\\.js$': [
      'ts-jest',
      { isolatedModules: true, tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
};
