import {
  JsonReader,
  defaultOldReadingWindowMs,
  maxOldReadingWindowMs,
  type Place,
  type ShipmentLot,
  type TemperatureProfile,
  parseGln,
  parseId,
  parseLotId,
} from '@coldtrace/protocol';
import { validationFailed } from './chaincodeerror';
import { parseProfile } from './temperatureprofile';

export type {
  Disposition,
  DispositionDecision as Decision,
  Place,
  Shipment,
  ShipmentLot,
  ShipmentStatus,
} from '@coldtrace/protocol';

export interface ShipmentRequest {
  readonly shipmentId: string;
  readonly lots: readonly ShipmentLot[];
  readonly origin: Place;
  readonly destination: Place;
  /** Absent: the strictest of the lots' profiles. */
  readonly profile: TemperatureProfile | undefined;
  readonly oldReadingWindowMs: number;
}

export function parseShipmentRequest(shipmentJson: string): ShipmentRequest {
  const input = JsonReader.parse(shipmentJson, 'shipmentJson').object([
    'shipmentId',
    'lots',
    'origin',
    'destination',
    'profile',
    'oldReadingWindowMs',
  ]);
  const lots = input
    .field('lots')
    .items(1, 50)
    .map((lot) => {
      lot.object(['lotId', 'quantity']);
      return {
        lotId: parseLotId(lot.field('lotId').raw, `${lot.path}.lotId`),
        quantity: lot.field('quantity').asInteger(1, 1_000_000_000),
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
    oldReadingWindowMs:
      input.optional('oldReadingWindowMs')?.asInteger(0, maxOldReadingWindowMs) ??
      defaultOldReadingWindowMs,
  };
}

function parsePlace(input: JsonReader): Place {
  input.object(['gln', 'name']);
  const gln = input.optional('gln');
  const name = input.optional('name');
  if (gln === undefined && name === undefined) {
    throw validationFailed(input.path, 'gln-or-name', `${input.path} needs a gln or a name`);
  }
  return {
    gln: gln === undefined ? null : parseGln(gln.raw, gln.path),
    name: name === undefined ? null : name.asText(200),
  };
}
