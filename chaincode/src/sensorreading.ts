import {
  JsonReader,
  type ReadingRow,
  maxBatchReadings,
  parseId,
  parseRfc3339,
  temperatureUnits,
} from '@coldtrace/protocol';
import { validationFailed } from './chaincodeerror';
import { parseTemperature } from './temperature';

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

const earliestMs = Date.UTC(2000, 0, 1);
const maxFutureMs = 5 * 60_000;

export function parseReadingBatch(batchJson: string, txTimeMs: number): ReadingBatch {
  const input = JsonReader.parse(batchJson, 'batchJson').object(['batchId', 'readings']);
  const batchId = parseId(input.field('batchId').raw, 'batchId');
  const readings = new JsonReader(input.field('readings').raw, 'readings')
    .items(1, maxBatchReadings)
    .map((reading) => parseReading(reading, txTimeMs));
  return { batchId, readings };
}

function parseReading(input: JsonReader, txTimeMs: number): ParsedReading {
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
  const unit = input.field('unit').asOneOf(temperatureUnits);
  const valueInput = input.field('value');
  const value = valueInput.asNumber(-Number.MAX_VALUE, Number.MAX_VALUE);
  const humidity = input.optional('humidity');
  const location = input.optional('location');
  let latE6: number | null = null;
  let lonE6: number | null = null;
  if (location !== undefined) {
    location.object(['lat', 'lon']);
    latE6 = Math.round(location.field('lat').asNumber(-90, 90) * 1e6);
    lonE6 = Math.round(location.field('lon').asNumber(-180, 180) * 1e6);
  }
  return {
    sensorId: parseId(input.field('sensorId').raw, `${input.path}.sensorId`),
    ms,
    milliC: parseTemperature(value, unit, valueInput.path),
    humidityDeciPct: humidity === undefined ? null : Math.round(humidity.asNumber(0, 100) * 10),
    latE6,
    lonE6,
  };
}

export function toRow(reading: ParsedReading): ReadingRow {
  return [reading.ms, reading.milliC, reading.humidityDeciPct, reading.latE6, reading.lonE6];
}
