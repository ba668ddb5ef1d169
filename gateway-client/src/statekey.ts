/**
 * The world-state key layout of docs/chaincode-api.md ("State layout"), as an auditor reads it:
 * part of the chaincode's contract, so the verifier compares query results with the value written
 * at the very key the contract names. Keys are Fabric composite keys:
 * U+0000, object type, then each attribute followed by U+0000.
 */
export const stateKeyTypes = {
  lot: 'lot',
  lotShipment: 'lotshipment',
  shipment: 'shipment',
  event: 'event',
  sensor: 'sensor',
  readings: 'readings',
  alert: 'alert',
  openAlert: 'openalert',
} as const;

export type StateKeyType = (typeof stateKeyTypes)[keyof typeof stateKeyTypes];

/** A composite key split into its object type and attributes. */
export interface StateKey {
  readonly objectType: string;
  readonly attributes: readonly string[];
}

const separator = '\u0000';

export function compositeKey(objectType: StateKeyType, attributes: readonly string[]): string {
  return `${separator}${objectType}${separator}${attributes.map((a) => `${a}${separator}`).join('')}`;
}

/** Splits a composite key; undefined for a key that is not one (a simple key). */
export function parseStateKey(key: string): StateKey | undefined {
  if (!key.startsWith(separator) || !key.endsWith(separator) || key.length < 3) {
    return undefined;
  }
  const [objectType = '', ...attributes] = key.slice(1, -1).split(separator);
  return { objectType, attributes };
}

export const lotKey = (lotId: string): string => compositeKey(stateKeyTypes.lot, [lotId]);

export const shipmentKey = (shipmentId: string): string =>
  compositeKey(stateKeyTypes.shipment, [shipmentId]);

/** `seq` zero-padded to 10 digits, so key order is sequence order. */
export const eventKey = (shipmentId: string, seq: number): string =>
  compositeKey(stateKeyTypes.event, [shipmentId, String(seq).padStart(10, '0')]);

export const alertKey = (shipmentId: string, alertId: string): string =>
  compositeKey(stateKeyTypes.alert, [shipmentId, alertId]);

/** True for the key of a shipment, the key that carries its key-level endorsement policy. */
export function isShipmentKey(key: string): boolean {
  const parsed = parseStateKey(key);
  return parsed?.objectType === stateKeyTypes.shipment && parsed.attributes.length === 1;
}
