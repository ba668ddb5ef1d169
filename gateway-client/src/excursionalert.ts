import { JsonReader } from './jsonreader';

/** PROVISIONAL until docs/chaincode-api.md defines the shape. */
export interface ExcursionAlert {
  readonly alertId: string;
  readonly shipmentId: string;
}

export function readExcursionAlert(json: JsonReader): ExcursionAlert {
  return { alertId: json.string('alertId'), shipmentId: json.string('shipmentId') };
}

export function parseExcursionAlert(bytes: Uint8Array): ExcursionAlert {
  return readExcursionAlert(JsonReader.fromBytes(bytes, 'ExcursionAlert'));
}
