import { type StateKey, stateKeys, stateObjectTypes, utf8Text } from '@coldtrace/protocol';
import type { ChaincodeStub } from './stub';

/** The state key layout is `@coldtrace/protocol`'s; these build its keys with the stub. */
export const keyTypes = stateObjectTypes;

export { dayMs } from '@coldtrace/protocol';

function keyOf(stub: ChaincodeStub, key: StateKey): string {
  return stub.createCompositeKey(key.objectType, [...key.attributes]);
}

export function lotKey(stub: ChaincodeStub, lotId: string): string {
  return keyOf(stub, stateKeys.lot(lotId));
}

export function lotShipmentKey(stub: ChaincodeStub, lotId: string, shipmentId: string): string {
  return keyOf(stub, stateKeys.lotShipment(lotId, shipmentId));
}

export function shipmentKey(stub: ChaincodeStub, shipmentId: string): string {
  return keyOf(stub, stateKeys.shipment(shipmentId));
}

export function eventKey(stub: ChaincodeStub, shipmentId: string, seq: number): string {
  return keyOf(stub, stateKeys.event(shipmentId, seq));
}

export function sensorKey(stub: ChaincodeStub, shipmentId: string, sensorId: string): string {
  return keyOf(stub, stateKeys.sensor(shipmentId, sensorId));
}

/** Readings of one sensor on one UTC day (days since the epoch). */
export function readingsKey(
  stub: ChaincodeStub,
  shipmentId: string,
  sensorId: string,
  day: number,
): string {
  return keyOf(stub, stateKeys.readings(shipmentId, sensorId, day));
}

export function alertKey(stub: ChaincodeStub, shipmentId: string, alertId: string): string {
  return keyOf(stub, stateKeys.alert(shipmentId, alertId));
}

export function openAlertKey(stub: ChaincodeStub, shipmentId: string, alertId: string): string {
  return keyOf(stub, stateKeys.openAlert(shipmentId, alertId));
}

/**
 * Parses state this chaincode wrote with `marshal`. State is trusted (only this chaincode writes
 * it), so its type is asserted rather than read field by field on every endorsement.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function unmarshal<T>(bytes: Uint8Array): T {
  return JSON.parse(utf8Text(bytes)) as T;
}

export async function getJson<T>(stub: ChaincodeStub, key: string): Promise<T | undefined> {
  const bytes = await stub.getState(key);
  return bytes.length === 0 ? undefined : unmarshal<T>(bytes);
}
