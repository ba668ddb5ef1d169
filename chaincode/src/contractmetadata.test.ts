import 'reflect-metadata';
import { ColdChainContract } from './coldchaincontract';
import { contracts } from './index';

/**
 * Golden list of the callable transactions (docs/chaincode-api.md). fabric-contract-api builds
 * its metadata from the decorators' reflect-metadata read here, so an undecorated, renamed or
 * re-typed transaction fails this test.
 */
const golden = [
  { name: 'RegisterLot', tag: 'SUBMIT', params: ['lotJson'] },
  { name: 'CreateShipment', tag: 'SUBMIT', params: ['shipmentJson'] },
  { name: 'OfferCustody', tag: 'SUBMIT', params: ['shipmentId', 'toMspId'] },
  { name: 'AcceptCustody', tag: 'SUBMIT', params: ['shipmentId'] },
  { name: 'ConfirmDelivery', tag: 'SUBMIT', params: ['shipmentId'] },
  { name: 'SubmitReadings', tag: 'SUBMIT', params: ['shipmentId', 'batchJson'] },
  { name: 'AcknowledgeAlert', tag: 'SUBMIT', params: ['shipmentId', 'alertId', 'comment'] },
  { name: 'DisposeShipment', tag: 'SUBMIT', params: ['shipmentId', 'decision', 'reason'] },
  { name: 'GetLot', tag: 'EVALUATE', params: ['lotId'] },
  { name: 'GetShipment', tag: 'EVALUATE', params: ['shipmentId'] },
  { name: 'GetShipmentHistory', tag: 'EVALUATE', params: ['shipmentId', 'pageSize', 'bookmark'] },
  {
    name: 'GetReadings',
    tag: 'EVALUATE',
    params: ['shipmentId', 'fromMs', 'toMs', 'pageSize', 'bookmark'],
  },
  {
    name: 'GetAlertsByShipment',
    tag: 'EVALUATE',
    params: ['shipmentId', 'pageSize', 'bookmark'],
  },
  { name: 'GetAlertsByLot', tag: 'EVALUATE', params: ['lotId', 'pageSize', 'bookmark'] },
  { name: 'GetOpenAlerts', tag: 'EVALUATE', params: ['pageSize', 'bookmark'] },
  { name: 'GetLotHistory', tag: 'EVALUATE', params: ['lotId', 'pageSize', 'bookmark'] },
  { name: 'ListProfilePresets', tag: 'EVALUATE', params: [] },
];

interface TransactionMetadata {
  name: string;
  tag: string[];
  parameters?: { name: string; schema: { type?: string } }[];
  returns?: { type?: string };
}

describe('contract metadata', () => {
  const transactions = Reflect.getMetadata(
    'fabric:transactions',
    ColdChainContract.prototype,
  ) as TransactionMetadata[];

  it('exports the contract for fabric-chaincode-node', () => {
    expect(contracts).toEqual([ColdChainContract]);
  });

  it('decorates exactly the documented transactions, with their parameters and string results', () => {
    const actual = transactions.map((tx) => ({
      name: tx.name,
      tag: tx.tag[0],
      params: (tx.parameters ?? []).map((p) => p.name),
    }));
    expect(actual.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...golden].sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const tx of transactions) {
      expect(tx.returns?.type).toBe('string');
      for (const parameter of tx.parameters ?? []) {
        expect(parameter.schema.type).toBe('string');
      }
    }
  });

  it('leaves no public method undecorated (helpers are #private)', () => {
    const decorated = new Set(transactions.map((tx) => tx.name));
    const inherited = new Set(
      Object.getOwnPropertyNames(Object.getPrototypeOf(ColdChainContract.prototype)),
    );
    const own = Object.getOwnPropertyNames(ColdChainContract.prototype).filter(
      (name) => name !== 'constructor' && !inherited.has(name),
    );
    expect(own.filter((name) => !decorated.has(name))).toEqual([]);
  });
});
