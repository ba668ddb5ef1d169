import type { ShipmentEvent } from '@coldtrace/protocol';
import type { Discrepancy } from './provenancereport';
import { type WrittenState, compareWritten } from './writtenstate';

/*
 * Query results against the values the verified transactions wrote, each at the key
 * docs/chaincode-api.md ("State layout") gives it: that layout is part of the chaincode's
 * contract precisely so that auditors can do this. Readings are compared per stored day in
 * readingscheck.ts.
 */

/** A reported value (as the query returned it) against the last write at its key. */
export function compareValue(
  what: string,
  reported: unknown,
  key: string,
  written: WrittenState,
): Discrepancy[] {
  const problem = compareWritten(what, reported, written.latestAt(key));
  return problem !== undefined ? [{ kind: 'VALUE_MISMATCH', message: problem }] : [];
}

/** When and in which block a verified transaction was committed. */
export interface TransactionTime {
  readonly timestampMs: number;
  readonly blockNumber: number;
}

/** A history event's time against its transaction's timestamp. */
export function compareHistoryTime(
  event: ShipmentEvent,
  times: ReadonlyMap<string, TransactionTime>,
): Discrepancy[] {
  const transaction = times.get(event.txId);
  if (transaction === undefined || transaction.timestampMs === event.timestampMs) {
    return [];
  }
  return [
    {
      kind: 'TIMESTAMP_MISMATCH',
      transactionId: event.txId,
      blockNumber: transaction.blockNumber,
      message: `history reports ${event.type} at ${event.timestampMs}, transaction timestamp is ${transaction.timestampMs}`,
    },
  ];
}
