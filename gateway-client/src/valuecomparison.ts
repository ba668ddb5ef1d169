import {
  type SensorReading,
  type ShipmentEvent,
  splitCompositeKey,
  stateObjectTypes,
  storedShipmentJson,
} from '@coldtrace/protocol';
import type { Discrepancy, TransactionEvidence } from './provenancereport';
import type { LotFacts, ShipmentFacts } from './provenancequeries';
import { alertKey, eventKey, lotKey, shipmentKey } from './statekey';
import { type WrittenState, compareWritten } from './writtenstate';

/*
 * Query results against the values the verified transactions wrote, each at the key
 * docs/chaincode-api.md ("State layout") gives it: that layout is part of the chaincode's
 * contract precisely so that auditors can do this.
 */

function valueMismatch(
  what: string,
  reported: unknown,
  key: string,
  written: WrittenState,
): Discrepancy[] {
  const problem = compareWritten(what, reported, written.latestAt(key));
  return problem !== undefined ? [{ kind: 'VALUE_MISMATCH', message: problem }] : [];
}

/** The shipment, each history event and each alert, against their `shipment`, `event`, `alert` keys. */
export function compareShipment(facts: ShipmentFacts, written: WrittenState): Discrepancy[] {
  const id = facts.shipment.shipmentId;
  return [
    // GetShipment adds what it derives from other keys (readingFlags); the rest is stored.
    ...valueMismatch(`shipment ${id}`, storedShipmentJson(facts.raw), shipmentKey(id), written),
    ...facts.history.flatMap((event, i) =>
      valueMismatch(
        `shipment ${id} event ${event.seq}`,
        facts.rawHistory[i],
        eventKey(id, event.seq),
        written,
      ),
    ),
    ...facts.alerts.flatMap((alert, i) =>
      valueMismatch(
        `alert ${alert.alertId}`,
        facts.rawAlerts[i],
        alertKey(id, alert.alertId),
        written,
      ),
    ),
  ];
}

/** The lot against its `lot` key. */
export function compareLot(facts: LotFacts, written: WrittenState): Discrepancy[] {
  return valueMismatch(`lot ${facts.lot.lotId}`, facts.raw, lotKey(facts.lot.lotId), written);
}

/** A stored reading row: `[ms, milliC, humidityDeciPct, latE6, lonE6]`. */
type ReadingRow = readonly [number, number, unknown, unknown, unknown];

const readingId = (shipmentId: string, sensorId: string, timestampMs: number): string =>
  `${shipmentId}\u0000${sensorId}\u0000${timestampMs}`;

function isReadingRow(row: unknown): row is ReadingRow {
  return Array.isArray(row) && typeof row[0] === 'number' && typeof row[1] === 'number';
}

/** Keys of every `readings` bucket (shipment, sensor, UTC day) written. */
function readingsBuckets(written: WrittenState): Set<string> {
  const buckets = new Set<string>();
  for (const { key } of written.all()) {
    if (splitCompositeKey(key)?.objectType === stateObjectTypes.readings) {
      buckets.add(key);
    }
  }
  return buckets;
}

/** Rows of every `readings` bucket as last written, by shipment, sensor and time. */
function storedReadings(written: WrittenState): Map<string, ReadingRow> {
  const stored = new Map<string, ReadingRow>();
  for (const key of readingsBuckets(written)) {
    const [shipmentId = '', sensorId = ''] = splitCompositeKey(key)?.attributes ?? [];
    const rows = written.latestAt(key)?.value.rows;
    for (const row of Array.isArray(rows) ? rows : []) {
      if (isReadingRow(row)) {
        stored.set(readingId(shipmentId, sensorId, row[0]), row);
      }
    }
  }
  return stored;
}

const scaled = (value: number | null | undefined, factor: number): number | null =>
  value === undefined || value === null ? null : Math.round(value * factor);

/** What differs between a reported reading and its stored row, or undefined. */
function readingDifference(reading: SensorReading, row: ReadingRow): string | undefined {
  const [, milliC, humidityDeciPct, latE6, lonE6] = row;
  if (milliC !== reading.milliC) {
    return `query reports ${reading.milliC}, ledger has ${milliC}`;
  }
  if (scaled(reading.humidityPct, 10) !== humidityDeciPct) {
    return `query reports humidity ${reading.humidityPct ?? 'none'}, ledger has ${String(humidityDeciPct)} (0.1 %)`;
  }
  if (
    scaled(reading.location?.lat, 1e6) !== latE6 ||
    scaled(reading.location?.lon, 1e6) !== lonE6
  ) {
    return `query reports another location than the ledger's`;
  }
  return undefined;
}

/**
 * Each reported reading against the row the verified transactions stored for it. Readings with
 * no stored row among them are counted as unmatched, not flagged (a lot report, say, may cover
 * only some of a shipment's transactions).
 */
export function compareReadings(
  readings: readonly SensorReading[],
  written: WrittenState,
): { readonly matched: number; readonly discrepancies: readonly Discrepancy[] } {
  const stored = storedReadings(written);
  let matched = 0;
  const discrepancies: Discrepancy[] = [];
  for (const reading of readings) {
    const row = stored.get(readingId(reading.shipmentId, reading.sensorId, reading.timestampMs));
    if (row === undefined) {
      continue;
    }
    const difference = readingDifference(reading, row);
    if (difference === undefined) {
      matched++;
    } else {
      discrepancies.push({
        kind: 'VALUE_MISMATCH',
        message: `reading ${reading.sensorId}@${reading.timestampMs}: ${difference}`,
      });
    }
  }
  return { matched, discrepancies };
}

/** Each history event's time against its transaction's timestamp. */
export function compareHistoryTimes(
  history: readonly ShipmentEvent[],
  evidence: ReadonlyMap<string, TransactionEvidence>,
): Discrepancy[] {
  const discrepancies: Discrepancy[] = [];
  for (const event of history) {
    const transaction = evidence.get(event.txId);
    if (transaction !== undefined && transaction.timestampMs !== event.timestampMs) {
      discrepancies.push({
        kind: 'TIMESTAMP_MISMATCH',
        transactionId: event.txId,
        blockNumber: transaction.blockNumber,
        message: `history reports ${event.type} at ${event.timestampMs}, transaction timestamp is ${transaction.timestampMs}`,
      });
    }
  }
  return discrepancies;
}
