import type { Context } from 'fabric-contract-api';

/** The chaincode stub and client identity types, taken from the contract API we depend on. */
export type ChaincodeStub = Context['stub'];
export type ClientIdentity = Context['clientIdentity'];
