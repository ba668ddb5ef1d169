import { createHash } from 'node:crypto';
import { marshal as canonicalJson, tryParseJson } from '@coldtrace/protocol';
import { isReadingsKey, isShipmentKey } from './statekey';
import { type LedgerTransaction, ledgerOrder } from './ledgerblock';

/** Where and what a VALID transaction last wrote at a key: a digest, not the value. */
export interface WrittenRecord {
  readonly transactionId: string;
  readonly blockNumber: bigint;
  readonly index: number;
  readonly key: string;
  /** SHA-256 (hex) of the value's canonical JSON. */
  readonly digest: string;
}

/** SHA-256 of a JSON value's canonical form: equal values, equal digests. */
export function jsonDigest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * What a query can report of a stored value: a day of readings holds, besides its rows, the
 * conflicting rows kept as evidence, which GetReadings does not report; they are left out so a
 * day with conflicts still matches on its digest.
 */
function comparedPart(key: string, value: Record<string, unknown>): unknown {
  return isReadingsKey(key) ? { rows: value.rows } : value;
}

/**
 * The last JSON object the verified transactions wrote at each key, kept as a digest of its
 * canonical JSON, so query results can be compared with it (the key layout is part of
 * docs/chaincode-api.md) while memory grows with the number of keys, never with the bytes
 * written: a day of readings rewritten by every batch costs one record. The shipment's
 * key-level policy (`endorsingMspIds`) is kept as values, for the endorsement replay.
 */
export class WrittenState {
  readonly #latest = new Map<string, WrittenRecord>();
  readonly #policies = new Map<string, readonly string[]>();

  add(blockNumber: bigint, transaction: LedgerTransaction, chaincode: string): void {
    for (const action of transaction.actions) {
      for (const write of action.writes) {
        const value =
          write.namespace === chaincode && !write.isDelete ? tryParseJson(write.value) : undefined;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          this.#record(
            {
              transactionId: transaction.transactionId,
              blockNumber,
              index: transaction.index,
              key: write.key,
              digest: jsonDigest(comparedPart(write.key, value as Record<string, unknown>)),
            },
            value as Record<string, unknown>,
          );
        }
      }
    }
  }

  #record(record: WrittenRecord, value: Record<string, unknown>): void {
    const latest = this.#latest.get(record.key);
    if (latest !== undefined && ledgerOrder(latest, record) > 0) {
      return;
    }
    this.#latest.set(record.key, record);
    if (isShipmentKey(record.key)) {
      const ids = value.endorsingMspIds;
      this.#policies.set(
        record.key,
        Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
      );
    }
  }

  /** The last write at `key`. */
  latestAt(key: string): WrittenRecord | undefined {
    return this.#latest.get(key);
  }

  /** `endorsingMspIds` of the last shipment value written at `key`, if any. */
  endorsingMspIdsAt(key: string): readonly string[] | undefined {
    return this.#policies.get(key);
  }

  /** Keys written. */
  get size(): number {
    return this.#latest.size;
  }
}

/** Compares a query result with the value written; undefined when equal, else a description. */
export function compareWritten(
  what: string,
  reported: unknown,
  written: WrittenRecord | undefined,
): string | undefined {
  if (written === undefined) {
    return `${what}: no write of it found in the verified transactions`;
  }
  return jsonDigest(reported) === written.digest
    ? undefined
    : `${what}: query result differs from the value written by ${written.transactionId}`;
}
