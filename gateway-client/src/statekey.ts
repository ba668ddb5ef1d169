import { compositeKey, splitCompositeKey, stateKeys, stateObjectTypes } from '@coldtrace/protocol';

// The verifier compares query results with the value written at the very key the contract names;
// the layout itself is @coldtrace/protocol's (statelayout.ts), shared with the chaincode.

export const lotKey = (lotId: string): string => compositeKey(stateKeys.lot(lotId));

export const shipmentKey = (shipmentId: string): string =>
  compositeKey(stateKeys.shipment(shipmentId));

export const eventKey = (shipmentId: string, seq: number): string =>
  compositeKey(stateKeys.event(shipmentId, seq));

export const alertKey = (shipmentId: string, alertId: string): string =>
  compositeKey(stateKeys.alert(shipmentId, alertId));

/** True for the key of a shipment, the key that carries its key-level endorsement policy. */
export function isShipmentKey(key: string): boolean {
  const parsed = splitCompositeKey(key);
  return parsed?.objectType === stateObjectTypes.shipment && parsed.attributes.length === 1;
}

/** True for the key of a sensor's day of readings. */
export function isReadingsKey(key: string): boolean {
  return splitCompositeKey(key)?.objectType === stateObjectTypes.readings;
}
