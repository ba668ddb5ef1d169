import type { SensorReadingInput } from '@coldtrace/protocol';
import { type CsvDelimiter, detectDelimiter } from './csvdialect';
import { type CsvLayout, findCsvLayout, timeText } from './csvlayout';
import { type RowContext, readRow } from './csvrowreader';
import { type CsvRow, readCsvRows } from './csvtable';
import { type TimestampCell, timestampReader } from './loggertime';
import type { ParsedReadings, ReadingsFileOptions, SkippedEntry } from './parsedreadings';
import { ReadingsFileError } from './readingsfileerror';
import { describeZone, parseZoneOffset } from './timezoneoffset';

const delimiterNames: Readonly<Record<CsvDelimiter, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

/** `--tz` in minutes; a file whose header states another zone is refused, not overridden. */
function zoneOption(options: ReadingsFileOptions, layout: CsvLayout): number | undefined {
  if (options.timeZone === undefined) {
    return undefined;
  }
  const zone = parseZoneOffset(options.timeZone);
  if (zone === undefined) {
    throw new ReadingsFileError({
      message: `--tz must be a UTC offset such as +01:00, -04:00 or UTC (got '${options.timeZone}')`,
      field: '--tz',
      rule: 'utc-offset',
    });
  }
  const stated = layout.time.zoneMinutes;
  if (stated !== undefined && stated !== zone) {
    throw new ReadingsFileError({
      message: `column '${layout.time.name}' states ${describeZone(stated)} but --tz says ${describeZone(zone)}: leave --tz out for this file`,
      field: '--tz',
      rule: 'zone-conflict',
    });
  }
  return zone;
}

// `# comment` lines inside the data, as coldtrace's own CSV allows; HOBOware's `#` column
// header is above the data and its rows start with a number.
const isComment = (row: CsvRow): boolean => row.cells[0]?.startsWith('#') === true;

/** The data rows below the layout's header, comments left out, with the text of their time. */
function* timedRows(
  rows: readonly (CsvRow | undefined)[],
  layout: CsvLayout,
): Generator<{ row: CsvRow; index: number; text: string }> {
  for (let index = layout.dataStart; index < rows.length; index++) {
    const row = rows[index];
    if (row !== undefined && !isComment(row)) {
      yield { row, index, text: timeText(row, layout.time) };
    }
  }
}

function* timeCells(rows: readonly CsvRow[], layout: CsvLayout): Generator<TimestampCell> {
  for (const { row, text } of timedRows(rows, layout)) {
    if (text !== '') {
      yield { text, line: row.line };
    }
  }
}

/** The one sensor a long file's sensorId column names, if it names exactly one (EasyLog). */
function onlySensorIdOf(rows: readonly CsvRow[], layout: CsvLayout): string | undefined {
  const column = layout.sensorIdColumn;
  if (column === undefined) {
    return undefined;
  }
  const ids = new Set<string>();
  for (const { row, text } of timedRows(rows, layout)) {
    const id = row.cells[column.index] ?? '';
    if (text !== '' && id !== '') {
      ids.add(id);
    }
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

function describe(delimiter: CsvDelimiter, layout: CsvLayout): string {
  const shape =
    layout.kind === 'wide'
      ? `one column per sensor (${layout.sensors.length})`
      : 'one row per reading';
  return `CSV, ${delimiterNames[delimiter]}-separated, ${shape}`;
}

/**
 * Parses sensor readings from a CSV file as loggers export it: title and metadata lines above the
 * header, descriptor rows below it, comma, semicolon or tab found from the content, decimal
 * commas, quoted fields, headers matched without regard to case and spacing (`Date Time`,
 * `Temp, °C (LGR S/N: …)`), one column per sensor or a sensorId column, and logger date formats.
 * Rows with no temperature (HOBOware's event rows) are counted in `skipped`. Units, time zones and
 * day/month order come from the file or from `options`, never from a guess.
 * @throws {@link ReadingsFileError} naming the line and column of the first value it cannot take,
 * or what the file lacks and the option that supplies it.
 */
export function parseReadingsCsv(text: string, options: ReadingsFileOptions = {}): ParsedReadings {
  const delimiter = detectDelimiter(text);
  const rows = readCsvRows(text, delimiter);
  if (rows.length === 0) {
    return { format: 'CSV', readings: [], skipped: [], warnings: [] };
  }
  const layout = findCsvLayout(rows, options);
  const zoneMinutes = zoneOption(options, layout);
  const readTimestamp = timestampReader(timeCells(rows, layout), {
    column: layout.time.name,
    ...(layout.time.zoneMinutes !== undefined
      ? { headerZoneMinutes: layout.time.zoneMinutes }
      : {}),
    ...(zoneMinutes !== undefined ? { zoneMinutes } : {}),
    ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
  });
  const context: RowContext = {
    layout,
    delimiter,
    onlySensorId: onlySensorIdOf(rows, layout),
    sensorIds: new Map(),
  };
  const untimed: SkippedEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const readings: SensorReadingInput[] = [];
  // The only copy of the file's cells: each row is let go once read, so the readings take the
  // place of the cells instead of joining them.
  const unread: (CsvRow | undefined)[] = rows;
  for (const { row, index, text } of timedRows(unread, layout)) {
    unread[index] = undefined;
    if (text === '') {
      untimed.push({ where: `line ${row.line}`, reason: 'no date and time' });
      continue;
    }
    const result = readRow(row, readTimestamp({ text, line: row.line }), context);
    for (const reading of result.readings) {
      readings.push(reading);
    }
    for (const entry of result.skipped) {
      skipped.push(entry);
    }
  }
  const warnings = [...layout.warnings];
  if (zoneMinutes !== undefined && layout.time.zoneMinutes === undefined) {
    warnings.push(
      `times of column '${layout.time.name}' are taken as ${describeZone(zoneMinutes)} from --tz: the file states no zone`,
    );
  }
  return {
    format: describe(delimiter, layout),
    readings,
    skipped: [...untimed, ...skipped],
    warnings,
  };
}
