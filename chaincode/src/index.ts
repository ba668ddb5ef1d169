import { ColdChainContract } from './coldchaincontract';
import { installErrorBoundary } from './errorboundary';

export { ColdChainContract } from './coldchaincontract';
export { ChaincodeError } from './chaincodeerror';
export type { ChaincodeErrorCode } from '@coldtrace/protocol';

// fabric-chaincode-node loads this module before dispatching any transaction.
installErrorBoundary();

/** Read by fabric-chaincode-node: the first contract is the default one. */
export const contracts: (typeof ColdChainContract)[] = [ColdChainContract];
