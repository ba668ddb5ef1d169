import { dayMs } from './temperature';

/**
 * World-state layout. Auditors compare each transaction's write set with what the queries report,
 * and the verifier matches stored readings by key, so the layout is part of the contract. Every
 * key is a Fabric composite key; every shipment key has the shipment id as its first attribute,
 * so transactions on different shipments never touch the same key.
 */
export const stateObjectTypes = {
  lot: 'lot',
  lotShipment: 'lotshipment',
  shipment: 'shipment',
  event: 'event',
  sensor: 'sensor',
  readings: 'readings',
  alert: 'alert',
  openAlert: 'openalert',
} as const;

export type StateObjectType = (typeof stateObjectTypes)[keyof typeof stateObjectTypes];

/** Attribute names of each object type's key, in key order. */
export const stateKeyAttributes = {
  lot: ['lotId'],
  lotshipment: ['lotId', 'shipmentId'],
  shipment: ['shipmentId'],
  event: ['shipmentId', 'seq'],
  sensor: ['shipmentId', 'sensorId'],
  readings: ['shipmentId', 'sensorId', 'day'],
  alert: ['shipmentId', 'alertId'],
  openalert: ['shipmentId', 'alertId'],
} as const satisfies Record<StateObjectType, readonly string[]>;

export interface StateKey {
  readonly objectType: StateObjectType;
  readonly attributes: readonly string[];
}

/** Zero-padded to 10 digits so the key order is the sequence order. */
export function eventSeqAttribute(seq: number): string {
  return String(seq).padStart(10, '0');
}

/** UTC day of a reading: days since the epoch. */
export function readingsDayOf(ms: number): number {
  return Math.floor(ms / dayMs);
}

/** Zero-padded to 6 digits so the key order is the day order. */
export function readingsDayAttribute(day: number): string {
  return String(day).padStart(6, '0');
}

/** Each object type's key from its attributes. */
export const stateKeys = {
  lot: (lotId: string): StateKey => ({ objectType: 'lot', attributes: [lotId] }),
  lotShipment: (lotId: string, shipmentId: string): StateKey => ({
    objectType: 'lotshipment',
    attributes: [lotId, shipmentId],
  }),
  shipment: (shipmentId: string): StateKey => ({
    objectType: 'shipment',
    attributes: [shipmentId],
  }),
  event: (shipmentId: string, seq: number): StateKey => ({
    objectType: 'event',
    attributes: [shipmentId, eventSeqAttribute(seq)],
  }),
  sensor: (shipmentId: string, sensorId: string): StateKey => ({
    objectType: 'sensor',
    attributes: [shipmentId, sensorId],
  }),
  readings: (shipmentId: string, sensorId: string, day: number): StateKey => ({
    objectType: 'readings',
    attributes: [shipmentId, sensorId, readingsDayAttribute(day)],
  }),
  alert: (shipmentId: string, alertId: string): StateKey => ({
    objectType: 'alert',
    attributes: [shipmentId, alertId],
  }),
  openAlert: (shipmentId: string, alertId: string): StateKey => ({
    objectType: 'openalert',
    attributes: [shipmentId, alertId],
  }),
} as const;

const separator = '\u0000';

/** Fabric's composite key encoding (what `stub.createCompositeKey` writes). */
export function compositeKey(key: StateKey): string {
  return `${separator}${key.objectType}${separator}${key.attributes.map((a) => `${a}${separator}`).join('')}`;
}

/** The object type and attributes of a composite key; undefined for any other key. */
export function splitCompositeKey(key: string): StateKey | undefined {
  if (!key.startsWith(separator) || !key.endsWith(separator)) {
    return undefined;
  }
  const [objectType = '', ...attributes] = key.slice(1, -1).split(separator);
  const known = Object.values(stateObjectTypes).find((type) => type === objectType);
  return known === undefined ? undefined : { objectType: known, attributes };
}
