/**
 * The ledger's rule for old readings, in one place: the chaincode flags them on the shipment, the
 * dry run and the submission report foresee the same flags from a file.
 */

/** A shipment as far as the age of its readings goes. */
export interface ReadingAgeWindow {
  readonly createdAtMs: number;
  /** How long before its creation a reading may be taken without being old. */
  readonly oldReadingWindowMs: number;
}

/** Readings timed strictly before this are old for the shipment. */
export function oldReadingBeforeMs(shipment: ReadingAgeWindow): number {
  return shipment.createdAtMs - shipment.oldReadingWindowMs;
}

/** The old ones among some readings: how many, and the earliest (the first of equals). */
export interface OldReadings<T> {
  readonly count: number;
  /** Undefined when none is old. */
  readonly earliest: T | undefined;
  /** Null when none is old, as `ReadingFlags.earliestOldReadingMs` states it. */
  readonly earliestMs: number | null;
}

/**
 * The readings timed before `beforeMs` (see {@link oldReadingBeforeMs}), in one pass in the
 * order given. A time that is not a number (NaN) is never old.
 */
export function findOldReadings<T>(
  readings: Iterable<T>,
  timeMs: (reading: T) => number,
  beforeMs: number,
): OldReadings<T> {
  let count = 0;
  let earliest: T | undefined;
  let earliestMs: number | null = null;
  for (const reading of readings) {
    const ms = timeMs(reading);
    if (ms < beforeMs) {
      count += 1;
      if (earliestMs === null || ms < earliestMs) {
        earliest = reading;
        earliestMs = ms;
      }
    }
  }
  return { count, earliest, earliestMs };
}
