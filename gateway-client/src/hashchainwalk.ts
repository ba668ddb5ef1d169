import { HashChainChecker } from './hashchain';
import type { LedgerReader } from './ledgerreader';
import type { Discrepancy, ProvenanceReport } from './provenancereport';

export interface HashChainWalk {
  readonly ledger: ProvenanceReport['ledger'];
  readonly discrepancies: readonly Discrepancy[];
}

export const defaultMaxBlocks = 10_000;

/**
 * Walks every block from `firstBlock` to the peer's tip (at most the last `maxBlocks`), checking
 * that each block's data matches its data hash, that each links to the one before, and that the
 * last is the tip the peer reports. Blocks are checked as they are read and not kept. Give it
 * the block cache the other checks used, so a block served differently is noticed.
 * @throws {@link ColdtraceError} when a block could not be fetched.
 */
export async function walkHashChain(
  ledger: LedgerReader,
  firstBlock: bigint,
  maxBlocks: number = defaultMaxBlocks,
): Promise<HashChainWalk> {
  const info = await ledger.chainInfo();
  const limit = BigInt(maxBlocks);
  const start = info.height - firstBlock > limit ? info.height - limit : firstBlock;
  const checker = new HashChainChecker();
  for (let n = start; n < info.height; n++) {
    checker.add(await ledger.blockByNumber(n));
  }
  return {
    ledger: {
      height: Number(info.height),
      tipHash: checker.lastHash,
      firstBlockChecked: Number(start),
      blocksChecked: checker.count,
    },
    discrepancies: checker.finish(info.currentBlockHash).map((broken) => ({
      kind: broken.kind,
      blockNumber: broken.blockNumber,
      message: broken.message,
    })),
  };
}
