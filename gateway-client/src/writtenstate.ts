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

/** Negative when `a` was committed before `b`. */
function commitOrder(a: WrittenObject, b: WrittenObject): number {
  return a.blockNumber === b.blockNumber
    ? a.index - b.index
    : a.blockNumber < b.blockNumber
      ? -1
      : 1;
}

/**
 * The JSON objects a chaincode wrote, in commit order, so query results can be compared with the
 * last value written at the same key (the key layout is part of docs/chaincode-api.md).
 * Transactions usually arrive in ledger order and are appended; one that arrives late is inserted
 * at its place by binary search, so no add re-sorts what is already there.
 */
export class WrittenState {
  readonly #objects: WrittenObject[] = [];
  readonly #latestByKey = new Map<string, WrittenObject>();

  add(blockNumber: bigint, transaction: LedgerTransaction, chaincode: string): void {
    for (const action of transaction.actions) {
      for (const write of action.writes) {
        const value =
          write.namespace === chaincode && !write.isDelete ? tryParseJson(write.value) : undefined;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          this.#insert({
            transactionId: transaction.transactionId,
            blockNumber,
            index: transaction.index,
            key: write.key,
            value: value as Record<string, unknown>,
          });
        }
      }
    }
  }

  #insert(object: WrittenObject): void {
    const last = this.#objects.at(-1);
    if (last === undefined || commitOrder(last, object) <= 0) {
      this.#objects.push(object);
    } else {
      this.#objects.splice(this.#firstAfter(object), 0, object);
    }
    const latest = this.#latestByKey.get(object.key);
    if (latest === undefined || commitOrder(latest, object) <= 0) {
      this.#latestByKey.set(object.key, object);
    }
  }

  /** Position of the first object committed after `object`. */
  #firstAfter(object: WrittenObject): number {
    let low = 0;
    let high = this.#objects.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const candidate = this.#objects[middle];
      if (candidate !== undefined && commitOrder(candidate, object) <= 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The last value written at `key`. */
  latestAt(key: string): WrittenObject | undefined {
    return this.#latestByKey.get(key);
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
