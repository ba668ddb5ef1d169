import { blockDataHash, blockHeaderHash } from './blockhash';
import type { LedgerBlock } from './ledgerblock';

/** A break found while checking that consecutive blocks chain by hash. */
export interface HashChainBreak {
  readonly blockNumber: number;
  readonly kind: 'DATA_HASH' | 'PREVIOUS_HASH' | 'TIP_HASH' | 'GAP';
  readonly message: string;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/**
 * Checks consecutive blocks: each block's data_hash matches its data, each previous_hash is the
 * hash of the block before, and (when given) the last block's hash is the peer's reported tip.
 */
export function checkHashChain(
  blocks: readonly LedgerBlock[],
  tipHash?: Uint8Array,
): HashChainBreak[] {
  const breaks: HashChainBreak[] = [];
  let previous: LedgerBlock | undefined;
  for (const block of blocks) {
    const number = Number(block.number);
    if (hex(blockDataHash(block.data)) !== hex(block.dataHash)) {
      breaks.push({
        blockNumber: number,
        kind: 'DATA_HASH',
        message: `block ${number} data does not match its data_hash`,
      });
    }
    if (previous !== undefined) {
      if (block.number !== previous.number + 1n) {
        breaks.push({
          blockNumber: number,
          kind: 'GAP',
          message: `block ${number} does not follow block ${previous.number}`,
        });
      } else if (hex(blockHeaderHash(previous)) !== hex(block.previousHash)) {
        breaks.push({
          blockNumber: number,
          kind: 'PREVIOUS_HASH',
          message: `block ${number} previous_hash is not the hash of block ${previous.number}`,
        });
      }
    }
    previous = block;
  }
  if (
    tipHash !== undefined &&
    previous !== undefined &&
    hex(blockHeaderHash(previous)) !== hex(tipHash)
  ) {
    breaks.push({
      blockNumber: Number(previous.number),
      kind: 'TIP_HASH',
      message: `block ${previous.number} hash differs from the peer's current block hash`,
    });
  }
  return breaks;
}
