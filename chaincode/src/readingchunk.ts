import type { ReadingChunk, ReadingRow } from '@coldtrace/protocol';

export type { ReadingChunk } from '@coldtrace/protocol';

/** Adds rows not yet present (same timestamp = duplicate, first stored wins); returns those added. */
export function mergeRows(chunk: ReadingChunk, rows: readonly ReadingRow[]): ReadingRow[] {
  const present = new Set(chunk.rows.map((row) => row[0]));
  const added: ReadingRow[] = [];
  for (const row of rows) {
    if (!present.has(row[0])) {
      present.add(row[0]);
      added.push(row);
    }
  }
  if (added.length > 0) {
    chunk.rows.push(...added);
    chunk.rows.sort((a, b) => a[0] - b[0]);
  }
  return added;
}
