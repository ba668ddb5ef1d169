import { type ReadingChunk, type ReadingRow, maxChunkConflicts } from '@coldtrace/protocol';

export type { ReadingChunk } from '@coldtrace/protocol';

/** A submitted row whose time holds another stored row (or one earlier in the batch). */
export interface RowConflict {
  readonly stored: ReadingRow;
  readonly submitted: ReadingRow;
}

export interface ChunkMerge {
  /** The chunk with the added rows and newly recorded conflicts; unchanged if neither. */
  readonly chunk: ReadingChunk;
  /** Rows stored now, in batch order. */
  readonly added: readonly ReadingRow[];
  /** Rows equal to a stored one in every field. */
  readonly duplicates: number;
  readonly conflicts: readonly RowConflict[];
  /** Conflicting rows the chunk did not hold yet: what a replay will not record again. */
  readonly recorded: number;
  /**
   * Index (in the submitted rows) of the first row whose conflict would take the chunk past
   * {@link maxChunkConflicts} distinct rows; the batch must then be refused. Null when none.
   */
  readonly pastConflictBound: number | null;
}

const rowKey = (row: ReadingRow): string => JSON.stringify(row);

function sameRow(a: ReadingRow, b: ReadingRow): boolean {
  return a.every((value, index) => value === b[index]);
}

function compareRows(a: ReadingRow, b: ReadingRow): number {
  if (a[0] !== b[0]) {
    return a[0] - b[0];
  }
  const [ka, kb] = [rowKey(a), rowKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Merges submitted rows into a day's chunk. The first value stored for a time stays (the ledger
 * is append-only); a row equal to it is a duplicate, any other is a conflict, kept in the chunk
 * as evidence once per distinct row, so a replayed batch changes nothing.
 */
export function mergeRows(chunk: ReadingChunk, rows: readonly ReadingRow[]): ChunkMerge {
  const byMs = new Map(chunk.rows.map((row) => [row[0], row]));
  const known = new Set((chunk.conflicts ?? []).map(rowKey));
  const added: ReadingRow[] = [];
  const conflicts: RowConflict[] = [];
  const newConflicts: ReadingRow[] = [];
  let duplicates = 0;
  let pastConflictBound: number | null = null;
  for (const [index, row] of rows.entries()) {
    const stored = byMs.get(row[0]);
    if (stored === undefined) {
      byMs.set(row[0], row);
      added.push(row);
    } else if (sameRow(stored, row)) {
      duplicates += 1;
    } else {
      conflicts.push({ stored, submitted: row });
      if (!known.has(rowKey(row))) {
        if (known.size >= maxChunkConflicts) {
          pastConflictBound ??= index;
        }
        known.add(rowKey(row));
        newConflicts.push(row);
      }
    }
  }
  if (added.length === 0 && newConflicts.length === 0) {
    return { chunk, added, duplicates, conflicts, recorded: 0, pastConflictBound };
  }
  const merged: ReadingChunk = {
    rows: [...chunk.rows, ...added].sort((a, b) => a[0] - b[0]),
    // Present only when the day has conflicts, so chunks without any keep their old bytes.
    ...(known.size > 0
      ? { conflicts: [...(chunk.conflicts ?? []), ...newConflicts].sort(compareRows) }
      : {}),
  };
  return {
    chunk: merged,
    added,
    duplicates,
    conflicts,
    recorded: newConflicts.length,
    pastConflictBound,
  };
}
