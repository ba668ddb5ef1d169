import { marshal as canonicalJson, tryParseJson } from '@coldtrace/protocol';
import type { LedgerTransaction } from './ledgerblock';

/** A JSON object written to the world state by a VALID transaction. */
export interface WrittenObject {
  readonly transactionId: string;
  readonly blockNumber: bigint;
  readonly index: number;
  readonly key: string;
  readonly value: Record<string, unknown>;
}

/**
 * The JSON objects a chaincode wrote, in commit order, so query results can be compared with the
 * last value written for the same object. Matching is by identity fields (shipmentId, alertId,
 * lotId, sensorId + timestampMs) rather than by key layout, which is the chaincode's business.
 */
export class WrittenState {
  readonly #objects: WrittenObject[] = [];

  add(blockNumber: bigint, transaction: LedgerTransaction, chaincode: string): void {
    for (const action of transaction.actions) {
      for (const write of action.writes) {
        const value =
          write.namespace === chaincode && !write.isDelete ? tryParseJson(write.value) : undefined;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          this.#objects.push({
            transactionId: transaction.transactionId,
            blockNumber,
            index: transaction.index,
            key: write.key,
            value: value as Record<string, unknown>,
          });
        }
      }
    }
    this.#objects.sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.index - b.index : a.blockNumber < b.blockNumber ? -1 : 1,
    );
  }

  /** The last object written that satisfies `matches`. */
  latest(matches: (value: Record<string, unknown>) => boolean): WrittenObject | undefined {
    for (let i = this.#objects.length - 1; i >= 0; i--) {
      const object = this.#objects[i];
      if (object !== undefined && matches(object.value)) {
        return object;
      }
    }
    return undefined;
  }

  /** Every object, in commit order. */
  all(): readonly WrittenObject[] {
    return this.#objects;
  }

  /** Objects written by one transaction. */
  writtenBy(transactionId: string): WrittenObject[] {
    return this.#objects.filter((object) => object.transactionId === transactionId);
  }
}

/** Compares a query result with the value written; undefined when equal, else a description. */
export function compareWritten(
  what: string,
  reported: unknown,
  written: WrittenObject | undefined,
): string | undefined {
  if (written === undefined) {
    return `${what}: no write of it found in the verified transactions`;
  }
  return canonicalJson(reported) === canonicalJson(written.value)
    ? undefined
    : `${what}: query result differs from the value written by ${written.transactionId}`;
}
