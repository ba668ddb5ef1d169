import { ColdChainContract } from './coldchaincontract';

export { ColdChainContract } from './coldchaincontract';
export { ChaincodeError, type ChaincodeErrorCode } from './chaincodeerror';

/** Read by fabric-chaincode-node: the first contract is the default one. */
export const contracts: (typeof ColdChainContract)[] = [ColdChainContract];
