import {
  JsonReader,
  type PlaceInput,
  type ShipmentCreation,
  readShipmentLot,
  readTemperatureProfile,
} from '@coldtrace/protocol';
import { readFile } from 'node:fs/promises';
import { ValidationError } from './coldtraceerror';
import { readInput } from './inputshape';

function readPlaceInput(json: JsonReader): PlaceInput {
  const gln = json.optionalString('gln');
  const name = json.optionalString('name');
  return { ...(gln !== undefined ? { gln } : {}), ...(name !== undefined ? { name } : {}) };
}

/**
 * Reads a shipment as `CreateShipment` takes it (a preset name or a whole temperature profile),
 * checking its shape before anything is sent; the chaincode checks the values.
 * @throws {@link ValidationError} naming the field and the rule.
 */
export function readShipmentCreation(value: unknown): ShipmentCreation {
  return readInput(() => {
    const json = new JsonReader(value, 'shipment');
    const profile = json.has('profile')
      ? typeof json.field('profile').raw === 'string'
        ? json.string('profile')
        : readTemperatureProfile(json.field('profile'), 'input')
      : undefined;
    const oldReadingWindowMs = json.optionalInteger('oldReadingWindowMs');
    return {
      shipmentId: json.string('shipmentId'),
      lots: json.array('lots', readShipmentLot),
      origin: readPlaceInput(json.field('origin')),
      destination: readPlaceInput(json.field('destination')),
      ...(profile !== undefined ? { profile } : {}),
      ...(oldReadingWindowMs !== undefined ? { oldReadingWindowMs } : {}),
    };
  });
}

/**
 * Reads a shipment JSON file with {@link readShipmentCreation}.
 * @throws {@link ValidationError} if the file cannot be read, is not JSON, or has the wrong shape.
 */
export async function readShipmentCreationFile(path: string): Promise<ShipmentCreation> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    throw new ValidationError({
      message: `cannot read JSON from ${path}: ${err instanceof Error ? err.message : String(err)}`,
      field: 'file',
      rule: 'json',
      cause: err,
    });
  }
  return readShipmentCreation(value);
}
