import type { Actor } from './actor';
import type { ShipmentStatus } from './shipment';

export type ShipmentEventType =
  | 'CREATED'
  | 'CUSTODY_OFFERED'
  | 'CUSTODY_ACCEPTED'
  | 'READINGS_SUBMITTED'
  | 'ALERT_ACKNOWLEDGED'
  | 'DELIVERED'
  | 'DISPOSED';

/** One entry of a shipment's own history index (Fabric's key history cannot be paged). */
export interface ShipmentEvent {
  readonly shipmentId: string;
  readonly seq: number;
  readonly txId: string;
  readonly timestampMs: number;
  readonly type: ShipmentEventType;
  readonly actor: Actor;
  readonly status: ShipmentStatus;
  readonly summary: string;
}
