import type { JsonReader } from './jsonreader';

/** A stored reading, normalised to milli-degrees Celsius and epoch milliseconds. */
export interface SensorReading {
  readonly shipmentId: string;
  readonly sensorId: string;
  readonly timestampMs: number;
  readonly milliC: number;
  readonly humidityPct?: number;
  readonly location?: { readonly lat: number; readonly lon: number };
}

export function readSensorReading(json: JsonReader): SensorReading {
  const humidityPct = json.optionalNumber('humidityPct');
  const location = json.has('location') ? json.field('location') : undefined;
  return {
    shipmentId: json.string('shipmentId'),
    sensorId: json.string('sensorId'),
    timestampMs: json.integer('timestampMs'),
    milliC: json.integer('milliC'),
    ...(humidityPct !== undefined ? { humidityPct } : {}),
    ...(location !== undefined
      ? { location: { lat: location.number('lat'), lon: location.number('lon') } }
      : {}),
  };
}
