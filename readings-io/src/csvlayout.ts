import { type ColumnRole, spellingRank } from './columnroles';
import { type FileColumn, applyColumnMap, describeColumns } from './csvcolumns';
import type { CsvRow } from './csvtable';
import { readPreamble } from './filepreamble';
import { looksLikeTimestamp, readTimestamps } from './loggertime';
import type { ReadingsFileOptions } from './parsedreadings';
import { ReadingsFileError } from './readingsfileerror';
import { sensorColumnsOf, type SensorColumn } from './sensorcolumns';

/** Where a row's time is: one column, or a date column and a time column. */
export interface TimeSource {
  readonly columns: readonly FileColumn[];
  /** For messages: `Date Time, GMT+01:00` or `Date + Time`. */
  readonly name: string;
  /** The zone the header states, in minutes east of UTC. */
  readonly zoneMinutes: number | undefined;
}

/** How a CSV file holds its readings, found from its content. */
export interface CsvLayout {
  readonly columns: readonly FileColumn[];
  readonly time: TimeSource;
  /** Index of the first data row in the file's rows. */
  readonly dataStart: number;
  /** `long`: a sensorId column and one value column; `wide`: one value column per sensor. */
  readonly kind: 'long' | 'wide';
  readonly sensors: readonly SensorColumn[];
  readonly sensorIdColumn: FileColumn | undefined;
  readonly unitColumn: FileColumn | undefined;
  readonly humidityColumn: FileColumn | undefined;
  readonly latColumn: FileColumn | undefined;
  readonly lonColumn: FileColumn | undefined;
  readonly warnings: readonly string[];
}

const isTimeRole = (column: FileColumn): boolean =>
  column.role === 'timestamp' || column.role === 'date' || column.role === 'time';

const withRole = (columns: readonly FileColumn[], role: FileColumn['role']): FileColumn[] =>
  columns.filter((column) => column.role === role);

/** Of several columns spelling one role, the one whose header says it most plainly. */
function mostSpecific(columns: readonly FileColumn[], role: ColumnRole): FileColumn | undefined {
  let best: FileColumn | undefined;
  for (const column of columns) {
    if (best === undefined || spellingRank(role, column.name) < spellingRank(role, best.name)) {
      best = column;
    }
  }
  return best;
}

function headerColumns(row: CsvRow, options: ReadingsFileOptions): FileColumn[] | undefined {
  try {
    return applyColumnMap(describeColumns(row, []), options.columnMap ?? {});
  } catch (err) {
    // A title line is not the header `--map` names; only the header row must hold its columns.
    if (err instanceof ReadingsFileError && err.rule === 'column-exists') {
      return undefined;
    }
    throw err;
  }
}

/** The first row whose cells name a time column (or the columns `--map` names). */
function findHeader(rows: readonly CsvRow[], options: ReadingsFileOptions): number {
  const index = rows.findIndex((row) => headerColumns(row, options)?.some(isTimeRole) === true);
  if (index >= 0) {
    return index;
  }
  const columnMap = options.columnMap ?? {};
  if (Object.keys(columnMap).length > 0) {
    // Say which `--map` column is missing from the row that looks most like the header.
    const unmapped = rows.findIndex((row) => describeColumns(row, []).some(isTimeRole));
    const header = rows[Math.max(unmapped, 0)];
    if (header !== undefined) {
      applyColumnMap(describeColumns(header, []), columnMap);
    }
  }
  throw new ReadingsFileError({
    message:
      'no header row with a time column (Date Time, Timestamp, Date/Time, Time, Zeit...): name it with --map timestamp=<column>',
    field: 'header',
    rule: 'header',
  });
}

/** Ways the header may hold the time, best first: a split date and time before either alone. */
function timeCandidates(columns: readonly FileColumn[]): TimeSource[] {
  const [date] = withRole(columns, 'date');
  const [time] = withRole(columns, 'time');
  const single = (column: FileColumn): TimeSource => ({
    columns: [column],
    name: column.text,
    zoneMinutes: column.zoneMinutes,
  });
  const candidates: TimeSource[] = [];
  if (date !== undefined && time !== undefined) {
    candidates.push({
      columns: [date, time],
      name: `${date.text} + ${time.text}`,
      zoneMinutes: time.zoneMinutes ?? date.zoneMinutes,
    });
  }
  for (const role of ['timestamp', 'time', 'date'] as const) {
    candidates.push(...withRole(columns, role).map(single));
  }
  return candidates;
}

/** The text of a row's time: one cell, or `date time` from two. */
export function timeText(row: CsvRow, time: TimeSource): string {
  return time.columns
    .map((column) => row.cells[column.index] ?? '')
    .join(' ')
    .trim();
}

/**
 * The first row after the header whose time cells read as a time, and which columns they are.
 * Rows above it are descriptor rows (units, serials), which hold no digits in the time column;
 * a row that does is a data row with a time this reader cannot take, and is refused as such.
 */
function findData(
  rows: readonly CsvRow[],
  from: number,
  candidates: readonly TimeSource[],
): { dataStart: number; time: TimeSource } {
  for (let index = from; index < rows.length; index++) {
    const row = rows[index];
    if (row === undefined) {
      continue;
    }
    const time = candidates.find((candidate) => looksLikeTimestamp(timeText(row, candidate)));
    if (time !== undefined) {
      return { dataStart: index, time };
    }
    const [first] = candidates;
    const text = first === undefined ? '' : timeText(row, first);
    if (first !== undefined && /\d/u.test(text)) {
      readTimestamps([{ text, line: row.line }], { column: first.name });
    }
  }
  const [first] = candidates;
  if (first === undefined) {
    throw new ReadingsFileError({ message: 'no time column', field: 'header', rule: 'header' });
  }
  // Rows under the header and not one with a time: the time column holds something else.
  const stray = rows.slice(from).find((row) => timeText(row, first) !== '');
  if (stray !== undefined) {
    readTimestamps([{ text: timeText(stray, first), line: stray.line }], { column: first.name });
  }
  // A header with nothing under it: an empty file, not an error.
  return { dataStart: rows.length, time: first };
}

/** Re-finds the chosen time columns among columns described with their descriptor rows. */
function sameTime(time: TimeSource, columns: readonly FileColumn[]): TimeSource {
  return {
    ...time,
    columns: time.columns.map((old) => columns[old.index] ?? old),
  };
}

/**
 * Finds the header row (after any title and metadata lines), the descriptor rows under it, the
 * time column(s), and the temperature columns with their sensors and units.
 * @throws {@link ReadingsFileError} naming what is missing and the option that supplies it.
 */
export function findCsvLayout(rows: readonly CsvRow[], options: ReadingsFileOptions): CsvLayout {
  const headerIndex = findHeader(rows, options);
  const header = rows[headerIndex];
  const firstColumns = header === undefined ? undefined : headerColumns(header, options);
  if (header === undefined || firstColumns === undefined) {
    throw new ReadingsFileError({ message: 'no header row', field: 'header', rule: 'header' });
  }
  const { dataStart, time } = findData(rows, headerIndex + 1, timeCandidates(firstColumns));
  const descriptorRows = rows.slice(headerIndex + 1, dataStart);
  const columns = applyColumnMap(describeColumns(header, descriptorRows), options.columnMap ?? {});
  const sensorIdColumn = mostSpecific(withRole(columns, 'sensorId'), 'sensorId');
  const unitColumn = withRole(columns, 'unit')[0];
  const { sensors, warnings } = sensorColumnsOf({
    values: withRole(columns, 'value'),
    sensorIdColumn,
    unitColumn,
    preamble: readPreamble(rows.slice(0, headerIndex)),
    header: columns,
    options,
  });
  return {
    columns,
    time: sameTime(time, columns),
    dataStart,
    kind: sensorIdColumn === undefined ? 'wide' : 'long',
    sensors,
    sensorIdColumn,
    unitColumn,
    humidityColumn: withRole(columns, 'humidity')[0],
    latColumn: withRole(columns, 'lat')[0],
    lonColumn: withRole(columns, 'lon')[0],
    warnings,
  };
}
