import type { JsonReader } from './jsonreader';
import type { TemperatureUnit } from './temperature';

/** A stored reading, normalised to milli-degrees Celsius and epoch milliseconds (`GetReadings`). */
export interface SensorReading {
  readonly shipmentId: string;
  readonly sensorId: string;
  readonly timestampMs: number;
  readonly milliC: number;
  /** Rounded to 0.1. */
  readonly humidityPct: number | null;
  /** Rounded to 6 decimals. */
  readonly location: { readonly lat: number; readonly lon: number } | null;
}

/** One reading as submitted in `batchJson`; the chaincode converts it to milli-degrees Celsius. */
export interface SensorReadingInput {
  readonly sensorId: string;
  /** RFC 3339 with a zone, for example `2026-11-23T10:00:00Z`. */
  readonly timestamp: string;
  readonly value: number;
  readonly unit: TemperatureUnit;
  readonly humidity?: number;
  readonly location?: { readonly lat: number; readonly lon: number };
}

/** `batchJson`, the input of `SubmitReadings`: 1 to {@link maxBatchReadings} readings. */
export interface ReadingBatchInput {
  readonly batchId: string;
  readonly readings: readonly SensorReadingInput[];
}

export const maxBatchReadings = 1000;

/**
 * A row of a `readings` state value: the stored reading's fields as integers (humidity in tenths
 * of a percent, coordinates in millionths of a degree).
 */
export type ReadingRow = [
  ms: number,
  milliC: number,
  humidityDeciPct: number | null,
  latE6: number | null,
  lonE6: number | null,
];

/**
 * The value of a `readings` key: one sensor's readings of one UTC day, sorted by time, and the
 * distinct conflicting rows submitted for a stored reading's time, sorted (evidence kept, never
 * stored as readings). Chunks written before conflicts were recorded have no `conflicts`.
 */
export interface ReadingChunk {
  readonly rows: ReadingRow[];
  readonly conflicts?: ReadingRow[];
}

/** What was measured at a time: a reading's value, whose sensor and time are known. */
export interface ReadingValue {
  readonly milliC: number;
  readonly humidityPct: number | null;
  readonly location: { readonly lat: number; readonly lon: number } | null;
}

/** The value a stored row stands for. */
export function valueOfRow(row: ReadingRow): ReadingValue {
  const [, milliC, humidity, lat, lon] = row;
  return {
    milliC,
    humidityPct: humidity === null ? null : humidity / 10,
    location: lat === null || lon === null ? null : { lat: lat / 1e6, lon: lon / 1e6 },
  };
}

/** The reading a stored row stands for, as `GetReadings` reports it. */
export function readingOfRow(shipmentId: string, sensorId: string, row: ReadingRow): SensorReading {
  return { shipmentId, sensorId, timestampMs: row[0], ...valueOfRow(row) };
}

export function readReadingValue(json: JsonReader): ReadingValue {
  const location = json.nullable('location');
  return {
    milliC: json.integer('milliC'),
    humidityPct: json.nullableNumber('humidityPct'),
    location:
      location === null ? null : { lat: location.number('lat'), lon: location.number('lon') },
  };
}

export function readSensorReading(json: JsonReader): SensorReading {
  return {
    shipmentId: json.string('shipmentId'),
    sensorId: json.string('sensorId'),
    timestampMs: json.integer('timestampMs'),
    ...readReadingValue(json),
  };
}
