import { JsonReader } from './jsonreader';

/** Allowed temperature range of a product, in milli-degrees Celsius. */
export interface TemperatureProfile {
  readonly name: string;
  readonly minMilliC: number;
  readonly maxMilliC: number;
}

export function readTemperatureProfile(json: JsonReader): TemperatureProfile {
  return {
    name: json.string('name'),
    minMilliC: json.integer('minMilliC'),
    maxMilliC: json.integer('maxMilliC'),
  };
}
