import { JsonReader } from './jsonreader';
import { type TemperatureProfile, readTemperatureProfile } from './temperatureprofile';

export const shipmentStatuses = [
  'CREATED',
  'IN_TRANSIT',
  'DELIVERED',
  'QUARANTINED',
  'RELEASED',
  'REJECTED',
] as const;

export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** Quantity of one lot in a shipment. */
export interface ShipmentLine {
  readonly lotId: string;
  readonly quantity: number;
}

/** A place, identified by GS1 GLN and/or a name. */
export interface Location {
  readonly gln?: string;
  readonly name?: string;
}

/** A consignment of lots moving under custody from origin to destination. */
export interface Shipment {
  readonly shipmentId: string;
  readonly status: ShipmentStatus;
  /** MSP of the organisation that created the shipment. */
  readonly ownerMspId: string;
  /** MSP currently holding custody. */
  readonly custodianMspId: string;
  /** MSP offered custody and not yet accepted, if any. */
  readonly pendingCustodianMspId?: string;
  readonly lots: readonly ShipmentLine[];
  readonly origin: Location;
  readonly destination: Location;
  readonly profile: TemperatureProfile;
}

/** Input of `CreateShipment`. */
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

export function readShipment(json: JsonReader): Shipment {
  const pending = json.optionalString('pendingCustodianMspId');
  return {
    shipmentId: json.string('shipmentId'),
    status: json.oneOf('status', shipmentStatuses),
    ownerMspId: json.string('ownerMspId'),
    custodianMspId: json.string('custodianMspId'),
    ...(pending !== undefined ? { pendingCustodianMspId: pending } : {}),
    lots: json.array('lots', (line) => ({
      lotId: line.string('lotId'),
      quantity: line.integer('quantity'),
    })),
    origin: readLocation(json.field('origin')),
    destination: readLocation(json.field('destination')),
    profile: readTemperatureProfile(json.field('profile')),
  };
}

export function parseShipment(bytes: Uint8Array): Shipment {
  return readShipment(JsonReader.fromBytes(bytes, 'Shipment'));
}
