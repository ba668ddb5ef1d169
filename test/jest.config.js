/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 120000,
  // Path order: zz-tamper.test.ts restarts the Auditor's peer and must run last.
  testSequencer: '<rootDir>/support/sequencer.js',
};
