import type { Network } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { ColdtraceError, NotFoundError } from './coldtraceerror';
import { toColdtraceError } from './errormapping';
import { type LedgerBlock, decodeBlockBytes } from './ledgerblock';

/** Height and tip of a peer's copy of the channel ledger. */
export interface ChainInfo {
  readonly height: bigint;
  readonly currentBlockHash: Uint8Array;
}

/**
 * Read access to one peer's ledger: the seam the provenance verifier uses, so it can be tested on
 * blocks built in memory.
 */
export interface LedgerReader {
  chainInfo(): Promise<ChainInfo>;
  blockByNumber(blockNumber: bigint): Promise<LedgerBlock>;
  /**
   * The block holding a transaction.
   * @throws {@link NotFoundError} only when the peer has no such transaction; any other
   * {@link ColdtraceError} means the question could not be answered.
   */
  blockByTransactionId(transactionId: string): Promise<LedgerBlock>;
}

/**
 * Fabric's block store answers an unknown id with ErrNotFoundInIndex, which qscc passes on as
 * text only ("... no such transaction ID [<id>] in index"); qscc has no status code for it, so
 * this is the one place where a peer message is read, and only for this case.
 */
const unknownTransactionText = 'no such transaction ID';

function isUnknownTransaction(err: unknown): boolean {
  return (
    err instanceof ColdtraceError &&
    [err.message, ...err.details.map((d) => d.message)].some((text) =>
      text.includes(unknownTransactionText),
    )
  );
}

/**
 * {@link LedgerReader} over the `qscc` system chaincode, evaluated only on peers of `mspId` so an
 * auditor checks its own peer's ledger rather than one it is told about.
 * @throws (from each method) {@link ColdtraceError} subclasses mapped from the gateway error.
 */
export function newQsccLedgerReader(network: Network, mspId: string): LedgerReader {
  const qscc = network.getContract('qscc');
  const channel = network.getName();
  const evaluate = async (name: string, ...args: string[]): Promise<Uint8Array> => {
    try {
      return await qscc.evaluate(name, {
        arguments: [channel, ...args],
        endorsingOrganizations: [mspId],
      });
    } catch (err) {
      throw toColdtraceError(err);
    }
  };
  return {
    async chainInfo() {
      const info = common.BlockchainInfo.deserializeBinary(await evaluate('GetChainInfo'));
      return {
        height: BigInt(info.getHeight()),
        currentBlockHash: info.getCurrentblockhash_asU8(),
      };
    },
    async blockByNumber(blockNumber) {
      return decodeBlockBytes(await evaluate('GetBlockByNumber', blockNumber.toString()));
    },
    async blockByTransactionId(transactionId) {
      try {
        return decodeBlockBytes(await evaluate('GetBlockByTxID', transactionId));
      } catch (err) {
        throw isUnknownTransaction(err)
          ? new NotFoundError({
              message: `transaction ${transactionId} is not on the ledger of this peer`,
              transactionId,
              details: err instanceof ColdtraceError ? err.details : [],
              cause: err,
            })
          : err;
      }
    },
  };
}
