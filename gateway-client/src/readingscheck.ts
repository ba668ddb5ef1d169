import {
  type ReadingRow,
  type SensorReading,
  type TemperatureProfile,
  compositeKey,
  readingsDayOf,
  stateKeys,
  tryParseJson,
  valueOfRow,
} from '@coldtrace/protocol';
import { decodeTransaction } from './ledgerblock';
import type { LedgerReader } from './ledgerreader';
import type { Discrepancy, ReadingsDay } from './provenancereport';
import { summariseDay } from './readingssummary';
import { type WrittenRecord, type WrittenState, jsonDigest } from './writtenstate';

/** One verified day of one sensor: its summary and what did not match the ledger. */
export interface CheckedDay {
  readonly day: ReadingsDay;
  readonly discrepancies: readonly Discrepancy[];
}

const scaled = (value: number | null | undefined, factor: number): number | null =>
  value === undefined || value === null ? null : Math.round(value * factor);

/** The row the chaincode stores for a reading (docs/chaincode-api.md, "State layout"). */
function rowOf(reading: SensorReading): ReadingRow {
  return [
    reading.timestampMs,
    reading.milliC,
    scaled(reading.humidityPct, 10),
    scaled(reading.location?.lat, 1e6),
    scaled(reading.location?.lon, 1e6),
  ];
}

function isRow(row: unknown): row is ReadingRow {
  return Array.isArray(row) && typeof row[0] === 'number' && typeof row[1] === 'number';
}

/** What differs between a reported reading and the value its stored row stands for, or undefined. */
function rowDifference(reading: SensorReading, row: ReadingRow): string | undefined {
  const { milliC, humidityPct, location } = valueOfRow(row);
  if (milliC !== reading.milliC) {
    return `query reports ${reading.milliC}, ledger has ${milliC}`;
  }
  if (humidityPct !== reading.humidityPct) {
    return `query reports humidity ${reading.humidityPct ?? 'none'}, ledger has ${String(humidityPct)}`;
  }
  if (location?.lat !== reading.location?.lat || location?.lon !== reading.location?.lon) {
    return `query reports another location than the ledger's`;
  }
  return undefined;
}

/** A day the query reports but no verified transaction wrote: one discrepancy for the day. */
function unwritten(readings: readonly SensorReading[]): Discrepancy {
  const first = readings[0];
  const day = first === undefined ? '' : new Date(first.timestampMs).toISOString().slice(0, 10);
  return {
    kind: 'VALUE_MISMATCH',
    message: `readings ${first?.sensorId ?? ''} on ${day}: the query reports ${readings.length}, but no verified transaction stored any for this sensor and day`,
  };
}

/** The value a verified transaction wrote, read again from its block (only on a mismatch). */
async function writtenValue(
  ledger: LedgerReader,
  record: WrittenRecord,
  chaincode: string,
): Promise<unknown> {
  const transaction = decodeTransaction(
    await ledger.blockByNumber(record.blockNumber),
    record.index,
  );
  const write = transaction.actions
    .flatMap((action) => action.writes)
    .find((w) => w.namespace === chaincode && w.key === record.key);
  return write === undefined ? undefined : tryParseJson(write.value);
}

/**
 * Checks a shipment's readings as the query reports them (by sensor, then time) against the
 * value the verified transactions last stored for each sensor and UTC day: the day's rows are
 * rebuilt from the reported readings and their digest compared with the stored value's, so a
 * matching day costs no block read; a day that differs is read back and compared row by row,
 * naming each reading that differs, is not stored, or is stored but left out. Holds one day of
 * one sensor at a time. Every transaction that stores readings is in the shipment's history, so
 * readings of a day no verified transaction wrote are not on the ledger: the day is flagged.
 */
export class ReadingsCheck {
  readonly #shipmentId: string;
  readonly #profile: TemperatureProfile;
  readonly #written: WrittenState;
  readonly #ledger: LedgerReader;
  readonly #chaincode: string;
  #key = '';
  #readings: SensorReading[] = [];

  constructor(
    shipmentId: string,
    profile: TemperatureProfile,
    written: WrittenState,
    ledger: LedgerReader,
    chaincode: string,
  ) {
    this.#shipmentId = shipmentId;
    this.#profile = profile;
    this.#written = written;
    this.#ledger = ledger;
    this.#chaincode = chaincode;
  }

  /** Takes the next reading; returns the day it completes, if it starts another one. */
  async add(reading: SensorReading): Promise<CheckedDay | undefined> {
    const key = compositeKey(
      stateKeys.readings(this.#shipmentId, reading.sensorId, readingsDayOf(reading.timestampMs)),
    );
    const done = key !== this.#key ? await this.finish() : undefined;
    this.#key = key;
    this.#readings.push(reading);
    return done;
  }

  /** Completes the day in progress, if any. */
  async finish(): Promise<CheckedDay | undefined> {
    const readings = this.#readings;
    const key = this.#key;
    this.#readings = [];
    this.#key = '';
    if (readings.length === 0) {
      return undefined;
    }
    const record = this.#written.latestAt(key);
    if (record === undefined) {
      return {
        day: summariseDay(readings, this.#profile, 0),
        discrepancies: [unwritten(readings)],
      };
    }
    const ofThisShipment = readings.every((reading) => reading.shipmentId === this.#shipmentId);
    if (ofThisShipment && jsonDigest({ rows: readings.map(rowOf) }) === record.digest) {
      return { day: summariseDay(readings, this.#profile, readings.length), discrepancies: [] };
    }
    return this.#compareRows(readings, record);
  }

  async #compareRows(
    readings: readonly SensorReading[],
    record: WrittenRecord,
  ): Promise<CheckedDay> {
    const value = await writtenValue(this.#ledger, record, this.#chaincode);
    const rows = (value as { rows?: unknown } | undefined)?.rows;
    const stored = new Map<number, ReadingRow>();
    for (const row of Array.isArray(rows) ? rows : []) {
      if (isRow(row)) {
        stored.set(row[0], row);
      }
    }
    const discrepancies: Discrepancy[] = [];
    const mismatch = (message: string): void => {
      discrepancies.push({ kind: 'VALUE_MISMATCH', transactionId: record.transactionId, message });
    };
    let matched = 0;
    for (const reading of readings) {
      const row = stored.get(reading.timestampMs);
      stored.delete(reading.timestampMs);
      const difference =
        reading.shipmentId !== this.#shipmentId
          ? `query reports shipment ${reading.shipmentId}`
          : row === undefined
            ? 'not on the ledger: the value stored for its day has no such reading'
            : rowDifference(reading, row);
      if (difference === undefined) {
        matched++;
      } else {
        mismatch(`reading ${reading.sensorId}@${reading.timestampMs}: ${difference}`);
      }
    }
    const sensorId = readings[0]?.sensorId ?? '';
    for (const ms of stored.keys()) {
      mismatch(`reading ${sensorId}@${ms}: on the ledger, but the query did not report it`);
    }
    return { day: summariseDay(readings, this.#profile, matched), discrepancies };
  }
}
