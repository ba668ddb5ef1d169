// Runs test files in path order, so `zz-tamper.test.ts`, which stops and restarts the Auditor's
// peer, runs after every other file (jest's default order is by past duration and file size).
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

class PathOrderSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

module.exports = PathOrderSequencer;
