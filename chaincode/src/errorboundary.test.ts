import 'reflect-metadata';
import { type ErrorEnvelope, parseErrorEnvelope } from '@coldtrace/protocol';
import { JSONSerializer } from 'fabric-contract-api';
import ChaincodeFromContract from 'fabric-shim/lib/contract-spi/chaincodefromcontract';
import { contracts } from './index';

// The caller, in place of fabric-shim's X.509 parsing of the proposal's creator.
jest.mock('fabric-shim/lib/chaincode', () => {
  const shim = jest.requireActual<Record<string, unknown>>('fabric-shim/lib/chaincode');
  shim.ClientIdentity = class {
    getMSPID(): string {
      return 'PharmaMSP';
    }
    getID(): string {
      return 'x509::CN=shipper::CN=ca.pharma';
    }
    getAttributeValue(name: string): string | null {
      return name === 'role' ? 'shipper' : null;
    }
  };
  return shim;
});

/** The parts of the peer's stub the dispatch and GetLot touch; getState fails on demand. */
function stubFor(fcn: string, args: string[], getState?: () => Promise<Uint8Array>): unknown {
  return {
    getBufferArgs: () => [fcn, ...args].map((arg) => Buffer.from(arg)),
    getFunctionAndParameters: () => ({ fcn, params: args }),
    getTxID: () => 'tx1',
    getChannelID: () => 'coldchain',
    getTxTimestamp: () => ({ seconds: { toNumber: () => 1_795_420_800 }, nanos: 0 }),
    createCompositeKey: (type: string, attributes: string[]) =>
      `\u0000${type}\u0000${attributes.map((a) => `${a}\u0000`).join('')}`,
    getState: getState ?? (() => Promise.resolve(new Uint8Array())),
  };
}

async function dispatch(stub: unknown): Promise<ErrorEnvelope | undefined> {
  const serializers = {
    transaction: 'jsonSerializer',
    serializers: { jsonSerializer: JSONSerializer },
  };
  const chaincode = new ChaincodeFromContract([...contracts], serializers, {}, 'coldtrace', '0');
  const response = await chaincode.invokeFunctionality(stub);
  expect(response.status).toBe(500);
  return parseErrorEnvelope(response.message ?? '');
}

/** Through fabric-shim's own dispatch: every failure reaches the client as an envelope. */
describe('error boundary', () => {
  it('reports a wrong argument count as BAD_ARGUMENTS', async () => {
    await expect(dispatch(stubFor('GetLot', []))).resolves.toMatchObject({
      code: 'BAD_ARGUMENTS',
      rule: 'arguments',
    });
  });

  it('reports an unknown function as UNKNOWN_TRANSACTION', async () => {
    await expect(dispatch(stubFor('StealShipment', ['SHP-1']))).resolves.toMatchObject({
      code: 'UNKNOWN_TRANSACTION',
    });
  });

  it('reports an unknown contract prefix as INTERNAL', async () => {
    await expect(dispatch(stubFor('Other:GetLot', ['x']))).resolves.toMatchObject({
      code: 'INTERNAL',
    });
  });

  it('reports an unexpected throw inside a transaction as INTERNAL', async () => {
    const failing = (): Promise<Uint8Array> => Promise.reject(new Error('state db gone'));
    await expect(
      dispatch(stubFor('GetLot', ['09506000134352:L1'], failing)),
    ).resolves.toMatchObject({ code: 'INTERNAL', message: 'state db gone' });
  });

  it('keeps a rule failure as its own code', async () => {
    await expect(dispatch(stubFor('GetLot', ['not-a-lot']))).resolves.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'lotId',
    });
  });
});
