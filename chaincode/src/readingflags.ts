import type { ReadingFlags, ReadingRow } from '@coldtrace/protocol';
import type { Shipment } from './shipment';

export const noFlags: ReadingFlags = { oldReadings: 0, earliestOldReadingMs: null, conflicts: 0 };

function earlier(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

export function addFlags(a: ReadingFlags, b: ReadingFlags): ReadingFlags {
  return {
    oldReadings: a.oldReadings + b.oldReadings,
    earliestOldReadingMs: earlier(a.earliestOldReadingMs, b.earliestOldReadingMs),
    conflicts: a.conflicts + b.conflicts,
  };
}

/** Readings timed before this are old for the shipment. */
export function oldReadingBeforeMs(shipment: Shipment): number {
  return shipment.createdAtMs - shipment.oldReadingWindowMs;
}

/** The flags of newly stored rows and newly recorded conflicts. */
export function flagsOf(
  added: readonly ReadingRow[],
  recordedConflicts: number,
  oldBeforeMs: number,
): ReadingFlags {
  let oldReadings = 0;
  let earliestOldReadingMs: number | null = null;
  for (const [ms] of added) {
    if (ms < oldBeforeMs) {
      oldReadings += 1;
      earliestOldReadingMs = earlier(earliestOldReadingMs, ms);
    }
  }
  return { oldReadings, earliestOldReadingMs, conflicts: recordedConflicts };
}
