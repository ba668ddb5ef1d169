import type { ReadingsSummary } from './provenancereport';
import type { SensorReading, TemperatureProfile } from '@coldtrace/protocol';

/** Smallest and largest of `values`, by a loop: `Math.min(...values)` overflows the stack. */
function extremes(values: Iterable<number>): { min: number; max: number } | undefined {
  let result: { min: number; max: number } | undefined;
  for (const value of values) {
    result =
      result === undefined
        ? { min: value, max: value }
        : { min: Math.min(result.min, value), max: Math.max(result.max, value) };
  }
  return result;
}

function* mapped<T>(items: readonly T[], field: (item: T) => number): Iterable<number> {
  for (const item of items) {
    yield field(item);
  }
}

/** Counts, time span, temperature span and out-of-range readings, for any number of readings. */
export function summariseReadings(
  readings: readonly SensorReading[],
  profile: TemperatureProfile,
  matchedOnLedger: number,
): ReadingsSummary {
  const { minMilliC, maxMilliC } = profile.range;
  const times = extremes(mapped(readings, (r) => r.timestampMs));
  const values = extremes(mapped(readings, (r) => r.milliC));
  let outOfRange = 0;
  const sensors = new Set<string>();
  for (const reading of readings) {
    sensors.add(reading.sensorId);
    if (reading.milliC < minMilliC || reading.milliC > maxMilliC) {
      outOfRange++;
    }
  }
  return {
    count: readings.length,
    sensors: [...sensors].sort(),
    ...(times !== undefined && values !== undefined
      ? { firstMs: times.min, lastMs: times.max, minMilliC: values.min, maxMilliC: values.max }
      : {}),
    outOfRange,
    matchedOnLedger,
  };
}
