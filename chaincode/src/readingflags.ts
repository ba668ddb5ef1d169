import { type ReadingFlags, type ReadingRow, findOldReadings } from '@coldtrace/protocol';

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

// The rule itself lives in @coldtrace/protocol, where the dry run reads it too.
export { oldReadingBeforeMs } from '@coldtrace/protocol';

/** The flags of newly stored rows and newly recorded conflicts. */
export function flagsOf(
  added: readonly ReadingRow[],
  recordedConflicts: number,
  oldBeforeMs: number,
): ReadingFlags {
  const old = findOldReadings(added, ([ms]) => ms, oldBeforeMs);
  return {
    oldReadings: old.count,
    earliestOldReadingMs: old.earliestMs,
    conflicts: recordedConflicts,
  };
}
