import { NotFoundError } from './coldtraceerror';
import { toColdtraceError } from './errormapping';
import { type LedgerBlock, transactionIndex } from './ledgerblock';
import type { LedgerReader } from './ledgerreader';
import type { Discrepancy } from './provenancereport';

/** A transaction found on the ledger: its block (as fetched by number) and its position. */
export interface LocatedTransaction {
  readonly transactionId: string;
  readonly block: LedgerBlock;
  readonly index: number;
}

/** Where the named transactions are, in ledger order, and which the peer does not have. */
export interface TransactionLocations {
  readonly located: readonly LocatedTransaction[];
  /** One `TRANSACTION_MISSING` discrepancy per transaction the peer does not have. */
  readonly missing: readonly Discrepancy[];
}

/**
 * A {@link LedgerReader} that fetches each block by number once, so every later check (the
 * endorsements, the configuration, the hash-chain walk) covers the very bytes first fetched.
 */
export function newCachingLedgerReader(ledger: LedgerReader): LedgerReader {
  const blocks = new Map<bigint, Promise<LedgerBlock>>();
  return {
    chainInfo: () => ledger.chainInfo(),
    blockByTransactionId: (transactionId) => ledger.blockByTransactionId(transactionId),
    blockByNumber(blockNumber) {
      let block = blocks.get(blockNumber);
      if (block === undefined) {
        block = ledger.blockByNumber(blockNumber);
        blocks.set(blockNumber, block);
        // A failed fetch is not remembered, so it can be asked again.
        block.catch(() => blocks.delete(blockNumber));
      }
      return block;
    },
  };
}

function ledgerOrder(a: LocatedTransaction, b: LocatedTransaction): number {
  return a.block.number === b.block.number
    ? a.index - b.index
    : a.block.number < b.block.number
      ? -1
      : 1;
}

async function locateOne(
  ledger: LedgerReader,
  transactionId: string,
): Promise<LocatedTransaction | Discrepancy> {
  let found: LedgerBlock;
  try {
    found = await ledger.blockByTransactionId(transactionId);
  } catch (err) {
    // Only the peer's own "no such transaction" is a finding; a failed query is an error.
    if (err instanceof NotFoundError) {
      return {
        kind: 'TRANSACTION_MISSING',
        transactionId,
        message: `transaction ${transactionId} is not on the ledger of this peer`,
      };
    }
    throw toColdtraceError(err);
  }
  // The block as fetched by number, the copy the hash-chain walk checks.
  const block = await ledger.blockByNumber(found.number);
  const index = transactionIndex(block, transactionId);
  if (index < 0) {
    return {
      kind: 'TRANSACTION_MISSING',
      transactionId,
      blockNumber: Number(block.number),
      message: `transaction ${transactionId} is not in block ${block.number}`,
    };
  }
  return { transactionId, block, index };
}

/**
 * Finds each transaction's block on the peer, one at a time (the peer answers each from its
 * index). Give it a caching reader ({@link newCachingLedgerReader}).
 * @throws {@link ColdtraceError} when the peer could not be asked; a transaction the peer does
 * not have is reported in `missing`, not thrown.
 */
export async function locateTransactions(
  ledger: LedgerReader,
  transactionIds: Iterable<string>,
): Promise<TransactionLocations> {
  const located: LocatedTransaction[] = [];
  const missing: Discrepancy[] = [];
  for (const transactionId of new Set(transactionIds)) {
    const outcome = await locateOne(ledger, transactionId);
    if ('kind' in outcome) {
      missing.push(outcome);
    } else {
      located.push(outcome);
    }
  }
  return { located: located.sort(ledgerOrder), missing };
}
