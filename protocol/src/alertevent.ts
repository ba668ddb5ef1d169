import { type ExcursionAlert, readExcursionAlert } from './excursionalert';
import { JsonReader } from './jsonreader';

/** Name of the one chaincode event a transaction that changes alerts sets. */
export const alertEventName = 'coldtrace.alerts';
/**
 * Payload schema. Within v1 fields may be added, never removed or changed in meaning; a reader
 * rejects any other version rather than misread it.
 */
export const alertEventSchema = 'coldtrace.alerts/v1';

/** Payload of a `coldtrace.alerts` event: the alerts as stored, sorted by `alertId`. */
export interface AlertEventPayload {
  readonly schema: typeof alertEventSchema;
  readonly shipmentId: string;
  readonly txId: string;
  readonly alerts: readonly ExcursionAlert[];
}

export function alertEventPayload(
  shipmentId: string,
  txId: string,
  alerts: readonly ExcursionAlert[],
): AlertEventPayload {
  const sorted = [...alerts].sort((a, b) =>
    a.alertId < b.alertId ? -1 : a.alertId > b.alertId ? 1 : 0,
  );
  return { schema: alertEventSchema, shipmentId, txId, alerts: sorted };
}

export function readAlertEventPayload(json: JsonReader): AlertEventPayload {
  json.field('schema').asOneOf([alertEventSchema]);
  return {
    schema: alertEventSchema,
    shipmentId: json.string('shipmentId'),
    txId: json.string('txId'),
    alerts: json.array('alerts', readExcursionAlert),
  };
}

export function parseAlertEventPayload(bytes: Uint8Array): AlertEventPayload {
  return readAlertEventPayload(JsonReader.fromBytes(bytes, alertEventName));
}
