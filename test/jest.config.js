/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.config.base'),
  roots: ['<rootDir>'],
  testTimeout: 120000,
  // Path order: zz-tamper.test.ts restarts the Auditor's peer and must run last.
  testSequencer: '<rootDir>/support/sequencer.js',
};
