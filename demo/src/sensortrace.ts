// Synthetic but realistic logger traces: a reefer holding about 5 °C with small noise, and
// excursions where the door was open or the cooling failed.
import type { SensorReadingInput } from '@coldtrace/gateway-client';

export interface Excursion {
  /** Minutes after the start of the trace. */
  readonly startMinute: number;
  readonly minutes: number;
  /** Temperature held during the excursion, °C. */
  readonly celsius: number;
}

export interface SensorTraceOptions {
  readonly sensorId: string;
  readonly startMs: number;
  readonly minutes: number;
  readonly intervalMinutes: number;
  readonly excursions: readonly Excursion[];
  /** Phase of the deterministic noise, so two sensors differ. */
  readonly phase: number;
}

const minuteMs = 60_000;

function celsiusAt(minute: number, options: Readonly<SensorTraceOptions>): number {
  const excursion = options.excursions.find(
    (candidate) =>
      minute >= candidate.startMinute && minute < candidate.startMinute + candidate.minutes,
  );
  if (excursion) return excursion.celsius;
  // Deterministic wobble of ±0.6 °C around 5 °C, so runs are reproducible.
  const wobble = 0.6 * Math.sin((minute + options.phase) / 37) * Math.cos(minute / 211);
  return Math.round((5 + wobble) * 100) / 100;
}

export function sensorTrace(options: Readonly<SensorTraceOptions>): SensorReadingInput[] {
  const readings: SensorReadingInput[] = [];
  for (let minute = 0; minute < options.minutes; minute += options.intervalMinutes) {
    readings.push({
      sensorId: options.sensorId,
      timestamp: new Date(options.startMs + minute * minuteMs).toISOString(),
      value: celsiusAt(minute, options),
      unit: 'CEL',
    });
  }
  return readings;
}

/** Splits readings into those before and from a time, keeping their order. */
export function splitAt(
  readings: readonly SensorReadingInput[],
  atMs: number,
): [SensorReadingInput[], SensorReadingInput[]] {
  const before = readings.filter((reading) => Date.parse(reading.timestamp) < atMs);
  const after = readings.filter((reading) => Date.parse(reading.timestamp) >= atMs);
  return [before, after];
}
