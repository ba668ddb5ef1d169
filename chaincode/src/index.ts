import { ColdChainContract } from './coldchaincontract';

export { ColdChainContract } from './coldchaincontract';
export { ChaincodeError } from './chaincodeerror';
export type { ChaincodeErrorCode } from '@coldtrace/protocol';

/** Read by fabric-chaincode-node: the first contract is the default one. */
export const contracts: (typeof ColdChainContract)[] = [ColdChainContract];
