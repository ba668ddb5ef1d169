/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  // fabric-contract-api logs every decorator at info level; keep test output readable.
  setupFiles: ['<rootDir>/jest.setup.js'],
};
