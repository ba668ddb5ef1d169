import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { GatewayError, type Network } from '@hyperledger/fabric-gateway';
import { EndorsementError, NotFoundError } from './coldtraceerror';
import { newQsccLedgerReader } from './ledgerreader';
import { manifest, recordedBlockBytes } from './testing/recordedledger';

function gatewayError(code: status, peerMessage: string): GatewayError {
  const cause: ServiceError = Object.assign(new Error(peerMessage), {
    code,
    details: peerMessage,
    metadata: new Metadata(),
  });
  return new GatewayError({
    code,
    details: [{ address: '127.0.0.1:7251', mspId: 'AuditorMSP', message: peerMessage }],
    cause,
    message: `${code} evaluate call to endorser returned error: ${peerMessage}`,
  });
}

/** A Network whose qscc answers every call with `answer`. */
function networkAnswering(answer: () => Promise<Uint8Array>): {
  network: Network;
  calls: { name: string; args: readonly string[]; orgs: readonly string[] }[];
} {
  const calls: { name: string; args: readonly string[]; orgs: readonly string[] }[] = [];
  const contract = {
    evaluate(name: string, options: { arguments: string[]; endorsingOrganizations: string[] }) {
      calls.push({ name, args: options.arguments, orgs: options.endorsingOrganizations });
      return answer();
    },
  };
  const network = { getName: () => 'coldchain', getContract: () => contract };
  return { network: network as unknown as Network, calls };
}

describe('newQsccLedgerReader', () => {
  it("asks the organisation's own peer for a transaction's block and decodes it", async () => {
    const block = manifest.blocks[0]!;
    const { network, calls } = networkAnswering(() => Promise.resolve(recordedBlockBytes(block)));
    const reader = newQsccLedgerReader(network, 'AuditorMSP');
    expect((await reader.blockByTransactionId('tx1')).number).toBe(BigInt(block));
    expect(calls).toEqual([
      { name: 'GetBlockByTxID', args: ['coldchain', 'tx1'], orgs: ['AuditorMSP'] },
    ]);
  });

  it('throws NotFoundError when the peer has no such transaction (message as Fabric 3.1 sends it)', async () => {
    const { network } = networkAnswering(() =>
      Promise.reject(
        gatewayError(
          status.UNKNOWN,
          'chaincode response 500, Failed to get block for txID tx9, error no such transaction ID [tx9] in index',
        ),
      ),
    );
    const error = await newQsccLedgerReader(network, 'AuditorMSP')
      .blockByTransactionId('tx9')
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ transactionId: 'tx9', code: 'NOT_FOUND' });
  });

  it.each([
    ['an unreachable peer', status.UNAVAILABLE, 'connection refused', true],
    [
      'an access check',
      status.UNKNOWN,
      'chaincode response 500, access denied for [GetBlockByTxID]',
      false,
    ],
  ])(
    'passes on any other failure, such as %s, as an error',
    async (_, code, message, retryable) => {
      const { network } = networkAnswering(() => Promise.reject(gatewayError(code, message)));
      const error = await newQsccLedgerReader(network, 'AuditorMSP')
        .blockByTransactionId('tx9')
        .catch((err: unknown) => err);
      expect(error).toBeInstanceOf(EndorsementError);
      expect(error).toMatchObject({ retryable });
    },
  );
});
