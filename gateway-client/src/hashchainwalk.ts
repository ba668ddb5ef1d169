import { blockHeaderHash } from './blockhash';
import { checkHashChain } from './hashchain';
import type { LedgerBlock } from './ledgerblock';
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
 * last is the tip the peer reports. Give it the caching reader the other checks used, so the walk
 * covers the very bytes they checked.
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
  const blocks: LedgerBlock[] = [];
  for (let n = start; n < info.height; n++) {
    blocks.push(await ledger.blockByNumber(n));
  }
  const tip = blocks.at(-1);
  return {
    ledger: {
      height: Number(info.height),
      tipHash: tip !== undefined ? blockHeaderHash(tip).toString('hex') : '',
      firstBlockChecked: Number(start),
      blocksChecked: blocks.length,
    },
    discrepancies: checkHashChain(blocks, info.currentBlockHash).map((broken) => ({
      kind: broken.kind,
      blockNumber: broken.blockNumber,
      message: broken.message,
    })),
  };
}
