import { type Actor, readActor } from './actor';
import { type CustodyHandover, readCustodyHandover } from './custodyhandover';
import { JsonReader } from './jsonreader';
import { type TemperatureProfile, readTemperatureProfile } from './temperatureprofile';

export const shipmentStatuses = [
  'CREATED',
  'IN_TRANSIT',
  'DELIVERED',
  'QUARANTINED',
  'REJECTED',
] as const;

export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** Quantity of one lot in a shipment. */
export interface ShipmentLine {
  readonly lotId: string;
  readonly quantity: number;
}

/** A place, identified by GS1 GLN and/or a name (at least one). */
export interface Location {
  readonly gln?: string;
  readonly name?: string;
}

export type DispositionDecision = 'RELEASE' | 'REJECT';

/** QA's decision on a quarantined shipment. */
export interface Disposition {
  readonly decision: DispositionDecision;
  readonly reason: string;
  readonly by: Actor;
  readonly atMs: number;
  readonly txId: string;
}

/** A consignment of lots moving under custody from origin to destination. */
export interface Shipment {
  readonly shipmentId: string;
  readonly ownerMspId: string;
  readonly lots: readonly ShipmentLine[];
  readonly origin: Location;
  readonly destination: Location;
  readonly profile: TemperatureProfile;
  readonly status: ShipmentStatus;
  /** The phase the latest quarantine held; QA's release returns the shipment to it. */
  readonly statusBeforeQuarantine?: ShipmentStatus;
  readonly custodianMspId: string;
  readonly pendingHandover?: CustodyHandover;
  /** Accepted handovers in order. */
  readonly handovers: readonly CustodyHandover[];
  /** Key-level endorsement policy: every write needs a peer of each of these organisations. */
  readonly endorsingMspIds: readonly string[];
  readonly transitStartedAtMs?: number;
  readonly deliveredAtMs?: number;
  readonly quarantinedAtMs?: number;
  /** QA's decision on the latest quarantine; absent while it is pending. */
  readonly disposition?: Disposition;
  readonly readingCount: number;
  readonly sensorIds: readonly string[];
  readonly eventCount: number;
  readonly createdBy: Actor;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** Input of `CreateShipment`; the profile defaults to the strictest of the lots' profiles. */
export interface ShipmentCreation {
  readonly shipmentId: string;
  readonly lots: readonly ShipmentLine[];
  readonly origin: Location;
  readonly destination: Location;
  readonly profile?: string | TemperatureProfile;
}

export function readLocation(json: JsonReader): Location {
  const gln = json.optionalString('gln');
  const name = json.optionalString('name');
  return { ...(gln !== undefined ? { gln } : {}), ...(name !== undefined ? { name } : {}) };
}

function readDisposition(json: JsonReader): Disposition {
  return {
    decision: json.oneOf('decision', ['RELEASE', 'REJECT']),
    reason: json.string('reason'),
    by: readActor(json.field('by')),
    atMs: json.integer('atMs'),
    txId: json.string('txId'),
  };
}

function optionalTimes(json: JsonReader): Partial<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const name of ['transitStartedAtMs', 'deliveredAtMs', 'quarantinedAtMs']) {
    const value = json.optionalInteger(name);
    if (value !== undefined) {
      times[name] = value;
    }
  }
  return times;
}

export function readShipment(json: JsonReader): Shipment {
  return {
    shipmentId: json.string('shipmentId'),
    ownerMspId: json.string('ownerMspId'),
    lots: json.array('lots', (line) => ({
      lotId: line.string('lotId'),
      quantity: line.integer('quantity'),
    })),
    origin: readLocation(json.field('origin')),
    destination: readLocation(json.field('destination')),
    profile: readTemperatureProfile(json.field('profile')),
    status: json.oneOf('status', shipmentStatuses),
    ...(json.has('statusBeforeQuarantine')
      ? { statusBeforeQuarantine: json.oneOf('statusBeforeQuarantine', shipmentStatuses) }
      : {}),
    custodianMspId: json.string('custodianMspId'),
    ...(json.has('pendingHandover')
      ? { pendingHandover: readCustodyHandover(json.field('pendingHandover')) }
      : {}),
    handovers: json.array('handovers', readCustodyHandover),
    endorsingMspIds: json.array('endorsingMspIds', (id) => id.asString()),
    ...optionalTimes(json),
    ...(json.has('disposition') ? { disposition: readDisposition(json.field('disposition')) } : {}),
    readingCount: json.integer('readingCount'),
    sensorIds: json.array('sensorIds', (id) => id.asString()),
    eventCount: json.integer('eventCount'),
    createdBy: readActor(json.field('createdBy')),
    createdAtMs: json.integer('createdAtMs'),
    updatedAtMs: json.integer('updatedAtMs'),
  };
}

export function parseShipment(bytes: Uint8Array): Shipment {
  return readShipment(JsonReader.fromBytes(bytes, 'Shipment'));
}
