import { JsonReader } from './jsonreader';

/** One step in a shipment's history: created, custody offered/accepted, delivered, disposed... */
export interface ShipmentEvent {
  readonly shipmentId: string;
  /** Transaction that recorded the step; the auditor verifies it on the ledger. */
  readonly txId: string;
  readonly type: string;
  readonly timestampMs: number;
  /** MSP of the submitting organisation. */
  readonly actorMspId: string;
  readonly fromMspId?: string;
  readonly toMspId?: string;
  readonly status?: string;
  readonly detail?: string;
}

export function readShipmentEvent(json: JsonReader): ShipmentEvent {
  const optional = (name: string): Record<string, string> => {
    const value = json.optionalString(name);
    return value !== undefined ? { [name]: value } : {};
  };
  return {
    shipmentId: json.string('shipmentId'),
    txId: json.string('txId'),
    type: json.string('type'),
    timestampMs: json.integer('timestampMs'),
    actorMspId: json.string('actorMspId'),
    ...optional('fromMspId'),
    ...optional('toMspId'),
    ...optional('status'),
    ...optional('detail'),
  };
}
