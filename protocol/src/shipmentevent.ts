import { type Actor, readActor } from './actor';
import type { JsonReader } from './jsonreader';
import { type ShipmentStatus, shipmentStatuses } from './shipment';

export const shipmentEventTypes = [
  'CREATED',
  'CUSTODY_OFFERED',
  'CUSTODY_ACCEPTED',
  'READINGS_SUBMITTED',
  'ALERT_ACKNOWLEDGED',
  'DELIVERED',
  'DISPOSED',
] as const;
export type ShipmentEventType = (typeof shipmentEventTypes)[number];

/** One step of a shipment's history (`GetShipmentHistory` items, in `seq` order). */
export interface ShipmentEvent {
  readonly shipmentId: string;
  /** Starts at 1. */
  readonly seq: number;
  /** Transaction that recorded the step; the auditor verifies it on the ledger. */
  readonly txId: string;
  readonly timestampMs: number;
  readonly type: ShipmentEventType;
  readonly actor: Actor;
  /** The shipment's status after the event. */
  readonly status: ShipmentStatus;
  readonly summary: string;
}

export function readShipmentEvent(json: JsonReader): ShipmentEvent {
  return {
    shipmentId: json.string('shipmentId'),
    seq: json.field('seq').asInteger(1),
    txId: json.string('txId'),
    timestampMs: json.integer('timestampMs'),
    type: json.oneOf('type', shipmentEventTypes),
    actor: readActor(json.field('actor')),
    status: json.oneOf('status', shipmentStatuses),
    summary: json.string('summary'),
  };
}
