import type { SensorReading, TemperatureProfile } from '@coldtrace/protocol';
import type { ReadingsDay, ReadingsSummary } from './provenancereport';

/** The UTC date of an epoch time, `YYYY-MM-DD`. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Count, time span, temperature span and out-of-range readings of one sensor's readings of one
 * day (non-empty, in time order), by a loop: `Math.min(...values)` overflows the stack.
 */
export function summariseDay(
  readings: readonly SensorReading[],
  profile: TemperatureProfile,
  matchedOnLedger: number,
): ReadingsDay {
  const { minMilliC, maxMilliC } = profile.range;
  const first = readings[0];
  if (first === undefined) {
    throw new RangeError('a readings day has at least one reading');
  }
  let min = first.milliC;
  let max = first.milliC;
  let firstMs = first.timestampMs;
  let lastMs = first.timestampMs;
  let outOfRange = 0;
  for (const reading of readings) {
    min = Math.min(min, reading.milliC);
    max = Math.max(max, reading.milliC);
    firstMs = Math.min(firstMs, reading.timestampMs);
    lastMs = Math.max(lastMs, reading.timestampMs);
    if (reading.milliC < minMilliC || reading.milliC > maxMilliC) {
      outOfRange++;
    }
  }
  return {
    sensorId: first.sensorId,
    day: utcDay(first.timestampMs),
    count: readings.length,
    firstMs,
    lastMs,
    minMilliC: min,
    maxMilliC: max,
    outOfRange,
    matchedOnLedger,
  };
}

/** Adds readings days up to a shipment's {@link ReadingsSummary}, in constant memory per sensor. */
export class ReadingsSummaryBuilder {
  readonly #sensors = new Set<string>();
  #count = 0;
  #days = 0;
  #outOfRange = 0;
  #matched = 0;
  #span: { firstMs: number; lastMs: number; minMilliC: number; maxMilliC: number } | undefined;

  add(day: ReadingsDay): void {
    this.#sensors.add(day.sensorId);
    this.#count += day.count;
    this.#days++;
    this.#outOfRange += day.outOfRange;
    this.#matched += day.matchedOnLedger;
    const span = this.#span;
    this.#span =
      span === undefined
        ? {
            firstMs: day.firstMs,
            lastMs: day.lastMs,
            minMilliC: day.minMilliC,
            maxMilliC: day.maxMilliC,
          }
        : {
            firstMs: Math.min(span.firstMs, day.firstMs),
            lastMs: Math.max(span.lastMs, day.lastMs),
            minMilliC: Math.min(span.minMilliC, day.minMilliC),
            maxMilliC: Math.max(span.maxMilliC, day.maxMilliC),
          };
  }

  build(): ReadingsSummary {
    return {
      count: this.#count,
      sensors: [...this.#sensors].sort(),
      days: this.#days,
      ...(this.#span ?? {}),
      outOfRange: this.#outOfRange,
      matchedOnLedger: this.#matched,
    };
  }
}
