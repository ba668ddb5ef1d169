import type { SensorReadingInput, TemperatureUnit } from '@coldtrace/protocol';

/** What a file holds for one sensor in one unit: the dry run's line per sensor. */
export interface SensorSummary {
  readonly sensorId: string;
  readonly unit: TemperatureUnit;
  readonly count: number;
  /** Earliest and latest time, epoch ms; undefined when no timestamp of the sensor parses. */
  readonly firstMs: number | undefined;
  readonly lastMs: number | undefined;
  /** Lowest and highest value, in `unit`. */
  readonly min: number;
  readonly max: number;
}

interface Tally {
  sensorId: string;
  unit: TemperatureUnit;
  count: number;
  firstMs: number | undefined;
  lastMs: number | undefined;
  min: number;
  max: number;
}

const earlier = (a: number | undefined, b: number): number =>
  a === undefined ? b : Math.min(a, b);
const later = (a: number | undefined, b: number): number => (a === undefined ? b : Math.max(a, b));

/**
 * One summary per sensor and unit, ordered by sensor id then unit. A single pass with running
 * minima (no `Math.min(...values)`, which overflows the stack past ~125,000 readings).
 */
export function summarizeReadings(readings: readonly SensorReadingInput[]): SensorSummary[] {
  const tallies = new Map<string, Tally>();
  for (const { sensorId, unit, value, timestamp } of readings) {
    const key = `${sensorId}\u0000${unit}`;
    const ms = Date.parse(timestamp);
    const tally = tallies.get(key) ?? {
      sensorId,
      unit,
      count: 0,
      firstMs: undefined,
      lastMs: undefined,
      min: value,
      max: value,
    };
    tally.count++;
    tally.min = Math.min(tally.min, value);
    tally.max = Math.max(tally.max, value);
    if (Number.isFinite(ms)) {
      tally.firstMs = earlier(tally.firstMs, ms);
      tally.lastMs = later(tally.lastMs, ms);
    }
    tallies.set(key, tally);
  }
  return [...tallies.values()].sort((a, b) =>
    a.sensorId === b.sensorId ? compareText(a.unit, b.unit) : compareText(a.sensorId, b.sensorId),
  );
}

// Code-unit order, the same on every machine (localeCompare depends on the locale).
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
