import { validationFailed } from './chaincodeerror';
import { parseId, parseRfc3339 } from './identifiers';
import { JsonInput } from './jsoninput';
import { type TemperatureUnit, parseTemperature, temperatureUnits } from './temperature';

/** A stored reading, as returned by `GetReadings`. */
export interface SensorReading {
  readonly shipmentId: string;
  readonly sensorId: string;
  readonly timestampMs: number;
  readonly milliC: number;
  readonly humidityPct: number | null;
  readonly location: { readonly lat: number; readonly lon: number } | null;
}

/** A reading of a batch, validated and converted; `shipmentId` comes from the transaction. */
export interface ParsedReading {
  readonly sensorId: string;
  readonly ms: number;
  readonly milliC: number;
  /** Tenths of a percent, an integer. */
  readonly humidityDeciPct: number | null;
  /** Micro-degrees, integers. */
  readonly latE6: number | null;
  readonly lonE6: number | null;
}

export interface ReadingBatch {
  readonly batchId: string;
  readonly readings: readonly ParsedReading[];
}

export const maxBatchReadings = 1000;
const earliestMs = Date.UTC(2000, 0, 1);
const maxFutureMs = 5 * 60_000;

export function parseReadingBatch(batchJson: string, txTimeMs: number): ReadingBatch {
  const input = JsonInput.parse(batchJson, 'batchJson').object(['batchId', 'readings']);
  const batchId = parseId(input.field('batchId').raw, 'batchId');
  const readings = JsonInput.of(input.field('readings').raw, 'readings')
    .array(1, maxBatchReadings)
    .map((reading) => parseReading(reading, txTimeMs));
  return { batchId, readings };
}

function parseReading(input: JsonInput, txTimeMs: number): ParsedReading {
  input.object(['sensorId', 'timestamp', 'value', 'unit', 'humidity', 'location']);
  const ms = parseRfc3339(input.field('timestamp').raw, `${input.path}.timestamp`);
  if (ms < earliestMs) {
    throw validationFailed(
      `${input.path}.timestamp`,
      'not-before-2000',
      'timestamp is before 2000',
    );
  }
  if (ms > txTimeMs + maxFutureMs) {
    throw validationFailed(`${input.path}.timestamp`, 'not-future', 'timestamp is in the future');
  }
  const unit = input.field('unit').oneOf<TemperatureUnit>(temperatureUnits);
  const valueInput = input.field('value');
  const value = valueInput.number(-Number.MAX_VALUE, Number.MAX_VALUE);
  const humidity = input.optional('humidity');
  const location = input.optional('location');
  let latE6: number | null = null;
  let lonE6: number | null = null;
  if (location !== undefined) {
    location.object(['lat', 'lon']);
    latE6 = Math.round(location.field('lat').number(-90, 90) * 1e6);
    lonE6 = Math.round(location.field('lon').number(-180, 180) * 1e6);
  }
  return {
    sensorId: parseId(input.field('sensorId').raw, `${input.path}.sensorId`),
    ms,
    milliC: parseTemperature(value, unit, valueInput.path),
    humidityDeciPct: humidity === undefined ? null : Math.round(humidity.number(0, 100) * 10),
    latE6,
    lonE6,
  };
}

/** Compact row of a readings chunk: integers only. */
export type ReadingRow = [
  ms: number,
  milliC: number,
  humidityDeciPct: number | null,
  latE6: number | null,
  lonE6: number | null,
];

export function toRow(reading: ParsedReading): ReadingRow {
  return [reading.ms, reading.milliC, reading.humidityDeciPct, reading.latE6, reading.lonE6];
}

export function fromRow(shipmentId: string, sensorId: string, row: ReadingRow): SensorReading {
  const [timestampMs, milliC, humidity, lat, lon] = row;
  return {
    shipmentId,
    sensorId,
    timestampMs,
    milliC,
    humidityPct: humidity === null ? null : humidity / 10,
    location: lat === null || lon === null ? null : { lat: lat / 1e6, lon: lon / 1e6 },
  };
}
