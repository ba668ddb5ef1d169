import type { Actor } from './actor';
import { validationFailed } from './chaincodeerror';
import type { CustodyHandover } from './custodyhandover';
import { parseGln, parseId, parseLotId } from './identifiers';
import { JsonInput } from './jsoninput';
import { type TemperatureProfile, parseProfile } from './temperatureprofile';

/** See `shipmentlifecycle.ts` for what each status allows and what leads where. */
export type ShipmentStatus = 'CREATED' | 'IN_TRANSIT' | 'DELIVERED' | 'QUARANTINED' | 'REJECTED';
export type Decision = 'RELEASE' | 'REJECT';

export interface ShipmentLot {
  readonly lotId: string;
  readonly quantity: number;
}

/** A GS1 GLN, a free-text name, or both. */
export interface Place {
  readonly gln: string | null;
  readonly name: string | null;
}

export interface Disposition {
  readonly decision: Decision;
  readonly reason: string;
  readonly by: Actor;
  readonly atMs: number;
  readonly txId: string;
}

export interface Shipment {
  readonly shipmentId: string;
  readonly ownerMspId: string;
  readonly lots: readonly ShipmentLot[];
  readonly origin: Place;
  readonly destination: Place;
  readonly profile: TemperatureProfile;
  readonly status: ShipmentStatus;
  readonly statusBeforeQuarantine: ShipmentStatus | null;
  readonly custodianMspId: string;
  readonly pendingHandover: CustodyHandover | null;
  readonly handovers: readonly CustodyHandover[];
  readonly endorsingMspIds: readonly string[];
  readonly transitStartedAtMs: number | null;
  readonly deliveredAtMs: number | null;
  readonly quarantinedAtMs: number | null;
  readonly disposition: Disposition | null;
  readonly readingCount: number;
  readonly sensorIds: readonly string[];
  readonly eventCount: number;
  readonly createdBy: Actor;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

export interface ShipmentRequest {
  readonly shipmentId: string;
  readonly lots: readonly ShipmentLot[];
  readonly origin: Place;
  readonly destination: Place;
  /** Absent: the strictest of the lots' profiles. */
  readonly profile: TemperatureProfile | undefined;
}

export function parseShipmentRequest(shipmentJson: string): ShipmentRequest {
  const input = JsonInput.parse(shipmentJson, 'shipmentJson').object([
    'shipmentId',
    'lots',
    'origin',
    'destination',
    'profile',
  ]);
  const lots = input
    .field('lots')
    .array(1, 50)
    .map((lot) => {
      lot.object(['lotId', 'quantity']);
      return {
        lotId: parseLotId(lot.field('lotId').raw, `${lot.path}.lotId`),
        quantity: lot.field('quantity').integer(1, 1_000_000_000),
      };
    });
  if (new Set(lots.map((lot) => lot.lotId)).size !== lots.length) {
    throw validationFailed('shipmentJson.lots', 'unique-lot', 'a lot may appear only once');
  }
  const profile = input.optional('profile');
  return {
    shipmentId: parseId(input.field('shipmentId').raw, 'shipmentJson.shipmentId'),
    lots,
    origin: parsePlace(input.field('origin')),
    destination: parsePlace(input.field('destination')),
    profile: profile === undefined ? undefined : parseProfile(profile),
  };
}

function parsePlace(input: JsonInput): Place {
  input.object(['gln', 'name']);
  const gln = input.optional('gln');
  const name = input.optional('name');
  if (gln === undefined && name === undefined) {
    throw validationFailed(input.path, 'gln-or-name', `${input.path} needs a gln or a name`);
  }
  return {
    gln: gln === undefined ? null : parseGln(gln.raw, gln.path),
    name: name === undefined ? null : name.text(200),
  };
}
