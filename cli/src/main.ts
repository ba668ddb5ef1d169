#!/usr/bin/env node
import { unsupportedNodeReason } from './nodeversion';

// Checked before the CLI loads @hyperledger/fabric-gateway, which fails obscurely on old runtimes.
const reason = unsupportedNodeReason(process.versions.node);
if (reason === undefined) {
  void import('./climain');
} else {
  process.stderr.write(`coldtrace: ${reason}\n`);
  process.exitCode = 2;
}
