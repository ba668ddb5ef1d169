import { createHash } from 'node:crypto';
import { blockDataHash, blockHeaderDer } from './blockhash';
import { validationCodeName } from './commitstatus';
import { type LedgerBlock, transactionIdAt } from './ledgerblock';
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
 * whatever the ledger's length; a transaction a kept block holds as VALID is found there. A block read again must be the very block read first: each
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

/** Ids of the transactions a block holds as VALID. */
function validTransactionIds(block: LedgerBlock): Set<string> {
  const ids = new Set<string>();
  block.data.forEach((_, index) => {
    const id = transactionIdAt(block, index);
    if (id !== undefined && validationCodeName(block.transactionFilter[index] ?? 255) === 'VALID') {
      ids.add(id);
    }
  });
  return ids;
}

/** A block kept, its size, and (once a transaction was looked up) its VALID transactions. */
interface Kept {
  readonly block: LedgerBlock;
  readonly bytes: number;
  validIds?: ReadonlySet<string>;
}

function sizeOf(block: LedgerBlock): number {
  return block.data.reduce((total, envelope) => total + envelope.length, 0);
}

export function newBlockCache(ledger: LedgerReader, options: BlockCacheOptions = {}): BlockCache {
  const maxBytes = options.maxBytes ?? defaultBlockCacheBytes;
  // A Map iterates in insertion order: re-inserting on each use keeps it least recent first.
  const blocks = new Map<bigint, Kept>();
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

  /** A kept block, now the most recently used. */
  const use = (kept: Kept): LedgerBlock => {
    blocks.delete(kept.block.number);
    blocks.set(kept.block.number, kept);
    return kept.block;
  };

  return {
    chainInfo: () => ledger.chainInfo(),
    async blockByTransactionId(transactionId) {
      // A kept block holding it as VALID is the block that committed it: Fabric marks any later
      // copy of a transaction id DUPLICATE_TXID, so at most one is VALID.
      for (const kept of blocks.values()) {
        kept.validIds ??= validTransactionIds(kept.block);
        if (kept.validIds.has(transactionId)) {
          return use(kept);
        }
      }
      // Else only the peer knows; the block is kept, so the checks that read it by number next
      // use this copy or one with its fingerprint.
      return remember(await ledger.blockByTransactionId(transactionId));
    },
    async blockByNumber(blockNumber) {
      const kept = blocks.get(blockNumber);
      return kept !== undefined ? use(kept) : remember(await ledger.blockByNumber(blockNumber));
    },
    changedBlocks: () => changed,
  };
}
