import { createHash } from 'node:crypto';
import { blockDataHash, blockHeaderDer } from './blockhash';
import type { LedgerBlock } from './ledgerblock';
import type { LedgerReader } from './ledgerreader';

/** Options of {@link newBlockCache}. */
export interface BlockCacheOptions {
  /** Bytes of block data kept; the least recently used blocks go first. Default 16 MiB. */
  readonly maxBytes?: number;
}

export const defaultBlockCacheBytes = 16 * 1024 * 1024;

/**
 * A {@link LedgerReader} that keeps recently read blocks (by number or by transaction) up to a
 * byte budget, so a verification reads each block about once while its memory stays bounded
 * whatever the ledger's length. A block read again must be the very block read first: each
 * block's fingerprint (header and the hash of its data) is remembered, 32 bytes a block, and a
 * block that comes back different is listed by {@link BlockCache.changedBlocks}.
 */
export interface BlockCache extends LedgerReader {
  /** Blocks the peer served differently on a later read, in the order found. */
  changedBlocks(): readonly bigint[];
}

function fingerprint(block: LedgerBlock): string {
  return createHash('sha256')
    .update(blockHeaderDer(block))
    .update(blockDataHash(block.data))
    .digest('hex');
}

function sizeOf(block: LedgerBlock): number {
  return block.data.reduce((total, envelope) => total + envelope.length, 0);
}

export function newBlockCache(ledger: LedgerReader, options: BlockCacheOptions = {}): BlockCache {
  const maxBytes = options.maxBytes ?? defaultBlockCacheBytes;
  // A Map iterates in insertion order: re-inserting on each use keeps it least recent first.
  const blocks = new Map<bigint, { block: LedgerBlock; bytes: number }>();
  const fingerprints = new Map<bigint, string>();
  const changed: bigint[] = [];
  let bytes = 0;

  /** Fingerprints a block read from the peer and keeps it as the most recently used. */
  const remember = (block: LedgerBlock): LedgerBlock => {
    const print = fingerprint(block);
    const first = fingerprints.get(block.number);
    if (first === undefined) {
      fingerprints.set(block.number, print);
    } else if (first !== print && !changed.includes(block.number)) {
      changed.push(block.number);
    }
    // The same block may be kept already: read for another of its transactions, or concurrently.
    const kept = blocks.get(block.number);
    if (kept !== undefined) {
      bytes -= kept.bytes;
      blocks.delete(block.number);
    }
    const size = sizeOf(block);
    blocks.set(block.number, { block, bytes: size });
    bytes += size;
    for (const [number, entry] of blocks) {
      if (bytes <= maxBytes || number === block.number) {
        break;
      }
      blocks.delete(number);
      bytes -= entry.bytes;
    }
    return block;
  };

  return {
    chainInfo: () => ledger.chainInfo(),
    // Always asked of the peer (only it knows which block holds a transaction), then kept, so
    // the checks that read the block by number next use this copy or one with its fingerprint.
    blockByTransactionId: async (transactionId) =>
      remember(await ledger.blockByTransactionId(transactionId)),
    async blockByNumber(blockNumber) {
      const cached = blocks.get(blockNumber);
      if (cached !== undefined) {
        blocks.delete(blockNumber);
        blocks.set(blockNumber, cached);
        return cached.block;
      }
      return remember(await ledger.blockByNumber(blockNumber));
    },
    changedBlocks: () => changed,
  };
}
