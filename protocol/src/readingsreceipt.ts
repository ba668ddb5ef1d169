import { JsonReader } from './jsonreader';
import { type ShipmentStatus, shipmentStatuses } from './shipment';

/** Result of `SubmitReadings`. */
export interface ReadingsReceipt {
  readonly shipmentId: string;
  readonly batchId: string;
  /** Readings stored by this transaction. */
  readonly accepted: number;
  /** Readings ignored because their (sensorId, timestamp) was already on the ledger. */
  readonly duplicates: number;
  /** Alerts raised, changed or withdrawn by this batch, sorted. */
  readonly alertIds: readonly string[];
  /** The shipment's status after the batch (`QUARANTINED` after a new CRITICAL alert). */
  readonly shipmentStatus: ShipmentStatus;
  /** Readings the shipment has in total. */
  readonly readingCount: number;
}

export function readReadingsReceipt(json: JsonReader): ReadingsReceipt {
  return {
    shipmentId: json.string('shipmentId'),
    batchId: json.string('batchId'),
    accepted: json.field('accepted').asInteger(0),
    duplicates: json.field('duplicates').asInteger(0),
    alertIds: json.array('alertIds', (id) => id.asString()),
    shipmentStatus: json.oneOf('shipmentStatus', shipmentStatuses),
    readingCount: json.field('readingCount').asInteger(0),
  };
}

export function parseReadingsReceipt(bytes: Uint8Array): ReadingsReceipt {
  return readReadingsReceipt(JsonReader.fromBytes(bytes, 'ReadingsReceipt'));
}
