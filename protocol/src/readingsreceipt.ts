import {
  type AlertSeverity,
  type AlertStatus,
  type AlertType,
  alertSeverities,
  alertStatuses,
  alertTypes,
} from './excursionalert';
import { JsonReader } from './jsonreader';
import { type ReadingValue, readReadingValue } from './sensorreading';
import { type ShipmentStatus, shipmentStatuses } from './shipment';

/** What a batch did to an alert: raised it (or raised it again), changed it, or withdrew it. */
export const alertChangeKinds = ['RAISED', 'CHANGED', 'WITHDRAWN'] as const;
export type AlertChangeKind = (typeof alertChangeKinds)[number];

/** One alert a batch raised, changed or withdrew, as the receipt names it. */
export interface ReceiptAlert {
  readonly alertId: string;
  readonly change: AlertChangeKind;
  readonly type: AlertType;
  readonly severity: AlertSeverity;
  /** The alert's status after the batch. */
  readonly status: AlertStatus;
}

/** How many alerts a batch raised, changed and withdrew, all of them counted. */
export interface AlertChangeCounts {
  readonly raised: number;
  readonly changed: number;
  readonly withdrawn: number;
}

/**
 * A submitted reading with the sensor and time of a stored one (or of one earlier in the same
 * batch) but another value. The ledger is append-only: the stored value stays.
 */
export interface ReadingConflict {
  readonly sensorId: string;
  readonly timestampMs: number;
  readonly stored: ReadingValue;
  readonly submitted: ReadingValue;
}

/**
 * Most alerts a receipt lists. A batch of at most 1000 readings can still touch more alerts (the
 * silence of every other sensor, a re-derivation withdrawing many), so the list is bounded;
 * `alertCounts` counts them all.
 */
export const maxReceiptAlerts = 1000;

/** Result of `SubmitReadings`: what the batch did. */
export interface ReadingsReceipt {
  readonly shipmentId: string;
  readonly batchId: string;
  /** Readings stored by this transaction. */
  readonly stored: number;
  /** Readings ignored because the same sensor, time and value is already stored. */
  readonly duplicates: number;
  /** Readings not stored because another value is stored for their sensor and time. */
  readonly conflicts: readonly ReadingConflict[];
  /** Stored readings older than the shipment's `oldReadingWindowMs` before its creation. */
  readonly oldReadings: number;
  readonly earliestOldReadingMs: number | null;
  /**
   * Alerts the batch raised, changed or withdrew (including the ongoing `DATA_GAP`s of other,
   * silent sensors): CRITICAL first, then raised, changed, withdrawn, then by id; at most
   * {@link maxReceiptAlerts}.
   */
  readonly alerts: readonly ReceiptAlert[];
  readonly alertCounts: AlertChangeCounts;
  /** The shipment's status after the batch (`QUARANTINED` after a new CRITICAL alert). */
  readonly shipmentStatus: ShipmentStatus;
  /** Readings the shipment has in total. */
  readonly readingCount: number;
}

function readReceiptAlert(json: JsonReader): ReceiptAlert {
  return {
    alertId: json.string('alertId'),
    change: json.oneOf('change', alertChangeKinds),
    type: json.oneOf('type', alertTypes),
    severity: json.oneOf('severity', alertSeverities),
    status: json.oneOf('status', alertStatuses),
  };
}

function readReadingConflict(json: JsonReader): ReadingConflict {
  return {
    sensorId: json.string('sensorId'),
    timestampMs: json.integer('timestampMs'),
    stored: readReadingValue(json.field('stored')),
    submitted: readReadingValue(json.field('submitted')),
  };
}

function readAlertChangeCounts(json: JsonReader): AlertChangeCounts {
  return {
    raised: json.field('raised').asInteger(0),
    changed: json.field('changed').asInteger(0),
    withdrawn: json.field('withdrawn').asInteger(0),
  };
}

export function readReadingsReceipt(json: JsonReader): ReadingsReceipt {
  return {
    shipmentId: json.string('shipmentId'),
    batchId: json.string('batchId'),
    stored: json.field('stored').asInteger(0),
    duplicates: json.field('duplicates').asInteger(0),
    conflicts: json.array('conflicts', readReadingConflict),
    oldReadings: json.field('oldReadings').asInteger(0),
    earliestOldReadingMs: json.nullableInteger('earliestOldReadingMs'),
    alerts: json.field('alerts').asArray(readReceiptAlert, 0, maxReceiptAlerts),
    alertCounts: readAlertChangeCounts(json.field('alertCounts')),
    shipmentStatus: json.oneOf('shipmentStatus', shipmentStatuses),
    readingCount: json.field('readingCount').asInteger(0),
  };
}

export function parseReadingsReceipt(bytes: Uint8Array): ReadingsReceipt {
  return readReadingsReceipt(JsonReader.fromBytes(bytes, 'ReadingsReceipt'));
}
