import { marshal } from '@coldtrace/protocol';
import { createHash } from 'node:crypto';
import { isEpcisUri } from './epcisschema';

/**
 * EPCIS wants a URI for `deviceID`; a coldtrace sensor id is any 1-64 chars `[A-Za-z0-9._:/-]`.
 * Ids that are URIs already are written as they are, others under this prefix, which the reader
 * takes off again, so export and import round-trip every sensor id.
 */
export const sensorUrnPrefix = 'urn:coldtrace:sensor:';

/** The `deviceID` that stands for a coldtrace sensor id in an EPCIS document. */
export function deviceIdOfSensor(sensorId: string): string {
  return isEpcisUri(sensorId) && !sensorId.startsWith(sensorUrnPrefix)
    ? sensorId
    : `${sensorUrnPrefix}${sensorId}`;
}

/** The coldtrace sensor id a `deviceID` stands for (see {@link deviceIdOfSensor}). */
export function sensorIdOfDevice(deviceId: string): string {
  return deviceId.startsWith(sensorUrnPrefix) ? deviceId.slice(sensorUrnPrefix.length) : deviceId;
}

/** What identifies an event across copies of a document: its eventID, else its content. */
export function eventIdentity(event: unknown): string {
  const eventId = (event as { eventID?: unknown }).eventID;
  return typeof eventId === 'string' ? eventId : marshal(event);
}

/**
 * A sensor id for a report that names no device: the same event and position give the same id
 * on every import (so a re-import is a duplicate, not a new sensor), and two reports of one event
 * never share one (so two sensors never collapse into one reading).
 */
export function derivedSensorId(eventKey: string, element: number, report: number): string {
  const digest = createHash('sha256').update(eventKey).digest('hex').slice(0, 16);
  return `epcis:${digest}/${element}/${report}`;
}
