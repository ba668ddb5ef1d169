import { JsonReader } from './jsonreader';

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
  readonly shipmentStatus: string;
  /** Readings the shipment has in total. */
  readonly readingCount: number;
}

/** @throws {@link InvalidResponseError} if the bytes are not a `ReadingsReceipt`. */
export function parseReadingsReceipt(bytes: Uint8Array): ReadingsReceipt {
  return readReadingsReceipt(JsonReader.fromBytes(bytes, 'ReadingsReceipt'));
}

export function readReadingsReceipt(json: JsonReader): ReadingsReceipt {
  return {
    shipmentId: json.string('shipmentId'),
    batchId: json.string('batchId'),
    accepted: json.integer('accepted'),
    duplicates: json.integer('duplicates'),
    alertIds: json.array('alertIds', (id) => id.asString()),
    shipmentStatus: json.string('shipmentStatus'),
    readingCount: json.integer('readingCount'),
  };
}
