import { type CsvError, parse } from 'csv-parse/sync';
import type { CsvDelimiter } from './csvdialect';
import { ReadingsFileError } from './readingsfileerror';

/** One record of a CSV file: its cells, trimmed, and the line it starts on. */
export interface CsvRow {
  readonly cells: readonly string[];
  readonly line: number;
}

/** A record as `on_record` leaves it: its cells, then the line it ends on. */
function rowOf(record: readonly string[]): CsvRow {
  const cells = record.slice(0, -1);
  // The line a record ends on; a record spanning lines starts earlier.
  return { cells, line: Number(record.at(-1)) - countLineBreaks(cells) };
}

/**
 * The records of a CSV text, split by csv-parse: quoted fields may hold delimiters, quotes (`""`)
 * and line breaks; rows may differ in length (title lines above a header); a byte-order mark is
 * dropped. Blank lines are left out.
 * @throws {@link ReadingsFileError} for text csv-parse cannot split (an unclosed quote).
 */
export function readCsvRows(text: string, delimiter: CsvDelimiter): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      // Only the line number is kept, appended as a last cell (csv-parse's typings allow a record
      // of strings only): `info: true` snapshots ~20 counters per record, heavy on a big export.
      on_record: (record, context) => [...record, String(context.lines)],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (err) {
    const { message, lines } = err as CsvError & { lines?: number };
    throw new ReadingsFileError({
      message: `CSV${lines !== undefined ? ` line ${lines}` : ''}: ${message}`,
      field: lines !== undefined ? `line ${lines}` : 'file',
      rule: 'csv',
      cause: err,
    });
  }
  return records.map(rowOf);
}

// csv-parse counts each CR and each LF inside a quoted field as a line; so must we.
function countLineBreaks(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) {
    if (cell.includes('\n') || cell.includes('\r')) {
      breaks += cell.length - cell.replace(/[\r\n]/gu, '').length;
    }
  }
  return breaks;
}
