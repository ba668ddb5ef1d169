/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.config.base'),
  roots: ['<rootDir>/src'],
  // fabric-contract-api logs every decorator at info level; keep test output readable.
  setupFiles: ['<rootDir>/jest.setup.js'],
};
