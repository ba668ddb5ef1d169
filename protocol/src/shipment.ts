import { type Actor, readActor } from './actor';
import { type CustodyHandover, readCustodyHandover } from './custodyhandover';
import { JsonReader } from './jsonreader';
import { dayMs } from './temperature';
import { type TemperatureProfile, readTemperatureProfile } from './temperatureprofile';

export const shipmentStatuses = [
  'CREATED',
  'IN_TRANSIT',
  'DELIVERED',
  'QUARANTINED',
  'REJECTED',
] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

export const dispositionDecisions = ['RELEASE', 'REJECT'] as const;
export type DispositionDecision = (typeof dispositionDecisions)[number];

/** Quantity of one lot in a shipment. */
export interface ShipmentLot {
  readonly lotId: string;
  readonly quantity: number;
}

/** A place: a GS1 GLN, a free-text name, or both (at least one). */
export interface Place {
  readonly gln: string | null;
  readonly name: string | null;
}

/** QA's decision on a quarantined shipment. */
export interface Disposition {
  readonly decision: DispositionDecision;
  readonly reason: string;
  readonly by: Actor;
  readonly atMs: number;
  readonly txId: string;
}

/**
 * Readings timed more than this before a shipment's creation are flagged as old (stored, and
 * counted in the receipt and on the shipment), unless the shipment sets its own window.
 */
export const defaultOldReadingWindowMs = 30 * dayMs;
/** Bounds of `oldReadingWindowMs` in `shipmentJson`: 0 flags every reading before creation. */
export const maxOldReadingWindowMs = 3650 * dayMs;

/** What QA should look at in a shipment's readings, counted over all its batches. */
export interface ReadingFlags {
  /** Stored readings timed more than `oldReadingWindowMs` before the shipment's creation. */
  readonly oldReadings: number;
  readonly earliestOldReadingMs: number | null;
  /** Distinct submitted readings refused because another value is stored for their time. */
  readonly conflicts: number;
}

/** A consignment of lots moving under custody from origin to destination. */
export interface Shipment {
  readonly shipmentId: string;
  readonly ownerMspId: string;
  readonly lots: readonly ShipmentLot[];
  readonly origin: Place;
  readonly destination: Place;
  readonly profile: TemperatureProfile;
  readonly status: ShipmentStatus;
  /** The phase the latest quarantine held; QA's release returns the shipment to it. */
  readonly statusBeforeQuarantine: ShipmentStatus | null;
  readonly custodianMspId: string;
  readonly pendingHandover: CustodyHandover | null;
  /** Accepted handovers in order. */
  readonly handovers: readonly CustodyHandover[];
  /** Key-level endorsement policy: every write needs a peer of each of these organisations. */
  readonly endorsingMspIds: readonly string[];
  readonly transitStartedAtMs: number | null;
  readonly deliveredAtMs: number | null;
  readonly quarantinedAtMs: number | null;
  /** QA's decision on the latest quarantine; null while it is pending. */
  readonly disposition: Disposition | null;
  readonly readingCount: number;
  readonly sensorIds: readonly string[];
  /** Readings timed before `createdAtMs` minus this are flagged as old. */
  readonly oldReadingWindowMs: number;
  /**
   * Kept on the shipment: every batch that stores a reading or records a conflict writes the
   * `shipment` key anyway, so the flags cost no other key.
   */
  readonly readingFlags: ReadingFlags;
  readonly eventCount: number;
  readonly createdBy: Actor;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** Where a shipment goes in `shipmentJson`: a GLN, a name or both; absent means none. */
export interface PlaceInput {
  readonly gln?: string;
  readonly name?: string;
}

/**
 * `shipmentJson`, the input of `CreateShipment`; the profile defaults to the strictest of the
 * lots' profiles.
 */
export interface ShipmentCreation {
  readonly shipmentId: string;
  readonly lots: readonly ShipmentLot[];
  readonly origin: PlaceInput;
  readonly destination: PlaceInput;
  readonly profile?: string | TemperatureProfile;
  /** 0 to {@link maxOldReadingWindowMs}; default {@link defaultOldReadingWindowMs}. */
  readonly oldReadingWindowMs?: number;
}

export function readShipmentLot(json: JsonReader): ShipmentLot {
  return { lotId: json.string('lotId'), quantity: json.integer('quantity') };
}

export function readPlace(json: JsonReader): Place {
  return { gln: json.nullableString('gln'), name: json.nullableString('name') };
}

function readDisposition(json: JsonReader): Disposition {
  return {
    decision: json.oneOf('decision', dispositionDecisions),
    reason: json.string('reason'),
    by: readActor(json.field('by')),
    atMs: json.integer('atMs'),
    txId: json.string('txId'),
  };
}

function readReadingFlags(json: JsonReader): ReadingFlags {
  return {
    oldReadings: json.field('oldReadings').asInteger(0),
    earliestOldReadingMs: json.nullableInteger('earliestOldReadingMs'),
    conflicts: json.field('conflicts').asInteger(0),
  };
}

export function readShipment(json: JsonReader): Shipment {
  const statusBeforeQuarantine = json.nullable('statusBeforeQuarantine');
  const pendingHandover = json.nullable('pendingHandover');
  const disposition = json.nullable('disposition');
  return {
    shipmentId: json.string('shipmentId'),
    ownerMspId: json.string('ownerMspId'),
    lots: json.array('lots', readShipmentLot),
    origin: readPlace(json.field('origin')),
    destination: readPlace(json.field('destination')),
    profile: readTemperatureProfile(json.field('profile')),
    status: json.oneOf('status', shipmentStatuses),
    statusBeforeQuarantine: statusBeforeQuarantine?.asOneOf(shipmentStatuses) ?? null,
    custodianMspId: json.string('custodianMspId'),
    pendingHandover: pendingHandover === null ? null : readCustodyHandover(pendingHandover),
    handovers: json.array('handovers', readCustodyHandover),
    endorsingMspIds: json.array('endorsingMspIds', (id) => id.asString()),
    transitStartedAtMs: json.nullableInteger('transitStartedAtMs'),
    deliveredAtMs: json.nullableInteger('deliveredAtMs'),
    quarantinedAtMs: json.nullableInteger('quarantinedAtMs'),
    disposition: disposition === null ? null : readDisposition(disposition),
    readingCount: json.integer('readingCount'),
    sensorIds: json.array('sensorIds', (id) => id.asString()),
    oldReadingWindowMs: json.integer('oldReadingWindowMs'),
    readingFlags: readReadingFlags(json.field('readingFlags')),
    eventCount: json.integer('eventCount'),
    createdBy: readActor(json.field('createdBy')),
    createdAtMs: json.integer('createdAtMs'),
    updatedAtMs: json.integer('updatedAtMs'),
  };
}

export function parseShipment(bytes: Uint8Array): Shipment {
  return readShipment(JsonReader.fromBytes(bytes, 'Shipment'));
}
