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
 * Checks blocks one at a time as they are read, keeping only the last one's number and hash:
 * each block's data_hash matches its data, and each previous_hash is the hash of the block
 * before. Memory stays constant however many blocks are walked.
 */
export class HashChainChecker {
  readonly #breaks: HashChainBreak[] = [];
  #previous: { number: bigint; hash: string } | undefined;
  #count = 0;

  add(block: LedgerBlock): void {
    const number = Number(block.number);
    if (hex(blockDataHash(block.data)) !== hex(block.dataHash)) {
      this.#breaks.push({
        blockNumber: number,
        kind: 'DATA_HASH',
        message: `block ${number} data does not match its data_hash`,
      });
    }
    const previous = this.#previous;
    if (previous !== undefined) {
      if (block.number !== previous.number + 1n) {
        this.#breaks.push({
          blockNumber: number,
          kind: 'GAP',
          message: `block ${number} does not follow block ${previous.number}`,
        });
      } else if (previous.hash !== hex(block.previousHash)) {
        this.#breaks.push({
          blockNumber: number,
          kind: 'PREVIOUS_HASH',
          message: `block ${number} previous_hash is not the hash of block ${previous.number}`,
        });
      }
    }
    this.#previous = { number: block.number, hash: hex(blockHeaderHash(block)) };
    this.#count++;
  }

  /** Blocks checked so far. */
  get count(): number {
    return this.#count;
  }

  /** Hash (hex) of the last block checked, '' before any. */
  get lastHash(): string {
    return this.#previous?.hash ?? '';
  }

  /** The breaks found, with a `TIP_HASH` one when the last block is not the peer's tip. */
  finish(tipHash?: Uint8Array): HashChainBreak[] {
    const last = this.#previous;
    if (tipHash !== undefined && last !== undefined && last.hash !== hex(tipHash)) {
      return [
        ...this.#breaks,
        {
          blockNumber: Number(last.number),
          kind: 'TIP_HASH',
          message: `block ${last.number} hash differs from the peer's current block hash`,
        },
      ];
    }
    return [...this.#breaks];
  }
}

/**
 * Checks consecutive blocks: each block's data_hash matches its data, each previous_hash is the
 * hash of the block before, and (when given) the last block's hash is the peer's reported tip.
 */
export function checkHashChain(
  blocks: Iterable<LedgerBlock>,
  tipHash?: Uint8Array,
): HashChainBreak[] {
  const checker = new HashChainChecker();
  for (const block of blocks) {
    checker.add(block);
  }
  return checker.finish(tipHash);
}
