import { NotFoundError } from './coldtraceerror';
import { toColdtraceError } from './errormapping';
import { ledgerOrder, transactionIndex } from './ledgerblock';
import type { LedgerReader } from './ledgerreader';
import type { Discrepancy } from './provenancereport';

/** Where a transaction is on the ledger: its block and its position in it. */
export interface LocatedTransaction {
  readonly transactionId: string;
  readonly blockNumber: bigint;
  readonly index: number;
}

/** Where the named transactions are, in ledger order, and which the peer does not have. */
export interface TransactionLocations {
  readonly located: readonly LocatedTransaction[];
  /** One `TRANSACTION_MISSING` discrepancy per transaction the peer does not have. */
  readonly missing: readonly Discrepancy[];
}

async function locateOne(
  ledger: LedgerReader,
  transactionId: string,
): Promise<LocatedTransaction | Discrepancy> {
  try {
    const block = await ledger.blockByTransactionId(transactionId);
    const index = transactionIndex(block, transactionId);
    if (index < 0) {
      return {
        kind: 'TRANSACTION_MISSING',
        transactionId,
        blockNumber: Number(block.number),
        message: `transaction ${transactionId} is not in block ${block.number}`,
      };
    }
    // Only the position is kept: the checks read the block by number, from the block cache
    // while it fits, else again from the peer (a copy that differs is then BLOCK_CHANGED).
    return { transactionId, blockNumber: block.number, index };
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
}

/**
 * Finds each transaction's block on the peer, one at a time (the peer answers each from its
 * index), keeping only its position. Give it the block cache the checks use, so each block is
 * fetched once while the located blocks fit the cache.
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
