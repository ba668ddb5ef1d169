import type { ChaincodeStub } from './stub';

/**
 * State key layout. Every key of a shipment carries the shipment id as its first attribute,
 * so transactions on different shipments never read or write the same key (no MVCC conflicts).
 */
export const keyTypes = {
  lot: 'lot',
  lotShipment: 'lotshipment',
  shipment: 'shipment',
  event: 'event',
  sensor: 'sensor',
  readings: 'readings',
  alert: 'alert',
  openAlert: 'openalert',
} as const;

export const dayMs = 86_400_000;

export function lotKey(stub: ChaincodeStub, lotId: string): string {
  return stub.createCompositeKey(keyTypes.lot, [lotId]);
}

export function lotShipmentKey(stub: ChaincodeStub, lotId: string, shipmentId: string): string {
  return stub.createCompositeKey(keyTypes.lotShipment, [lotId, shipmentId]);
}

export function shipmentKey(stub: ChaincodeStub, shipmentId: string): string {
  return stub.createCompositeKey(keyTypes.shipment, [shipmentId]);
}

/** Zero-padded so the key order is the sequence order. */
export function eventKey(stub: ChaincodeStub, shipmentId: string, seq: number): string {
  return stub.createCompositeKey(keyTypes.event, [shipmentId, String(seq).padStart(10, '0')]);
}

export function sensorKey(stub: ChaincodeStub, shipmentId: string, sensorId: string): string {
  return stub.createCompositeKey(keyTypes.sensor, [shipmentId, sensorId]);
}

/** Readings of one sensor on one UTC day (days since the epoch, zero-padded). */
export function readingsKey(
  stub: ChaincodeStub,
  shipmentId: string,
  sensorId: string,
  day: number,
): string {
  return stub.createCompositeKey(keyTypes.readings, [
    shipmentId,
    sensorId,
    String(day).padStart(6, '0'),
  ]);
}

export function alertKey(stub: ChaincodeStub, shipmentId: string, alertId: string): string {
  return stub.createCompositeKey(keyTypes.alert, [shipmentId, alertId]);
}

export function openAlertKey(stub: ChaincodeStub, shipmentId: string, alertId: string): string {
  return stub.createCompositeKey(keyTypes.openAlert, [shipmentId, alertId]);
}

export async function getJson<T>(stub: ChaincodeStub, key: string): Promise<T | undefined> {
  const bytes = await stub.getState(key);
  return bytes.length === 0 ? undefined : (JSON.parse(Buffer.from(bytes).toString('utf8')) as T);
}
