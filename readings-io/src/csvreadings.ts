import type { SensorReadingInput } from '@coldtrace/protocol';
import { type CsvDelimiter, detectDelimiter } from './csvdialect';
import { type CsvLayout, findCsvLayout, timeText } from './csvlayout';
import { type RowContext, readRow } from './csvrowreader';
import { type CsvRow, readCsvRows } from './csvtable';
import { readTimestamps } from './loggertime';
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

/** The one sensor a long file's sensorId column names, if it names exactly one (EasyLog). */
function onlySensorIdOf(rows: readonly CsvRow[], layout: CsvLayout): string | undefined {
  const column = layout.sensorIdColumn;
  if (column === undefined) {
    return undefined;
  }
  const ids = new Set(rows.map((row) => row.cells[column.index] ?? '').filter((id) => id !== ''));
  return ids.size === 1 ? [...ids][0] : undefined;
}

const isBlank = (row: CsvRow): boolean => row.cells.every((cell) => cell === '');
// `# comment` lines inside the data, as coldtrace's own CSV allows; HOBOware's `#` column
// header is above the data and its rows start with a number.
const isComment = (row: CsvRow): boolean => row.cells[0]?.startsWith('#') === true;

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
  const rows = readCsvRows(text, delimiter).filter((row) => !isBlank(row));
  if (rows.length === 0) {
    return { format: 'CSV', readings: [], skipped: [], warnings: [] };
  }
  const layout = findCsvLayout(rows, options);
  const zoneMinutes = zoneOption(options, layout);
  const skipped: SkippedEntry[] = [];
  const timed: CsvRow[] = [];
  for (const row of rows.slice(layout.dataStart).filter((r) => !isComment(r))) {
    if (timeText(row, layout.time) === '') {
      skipped.push({ where: `line ${row.line}`, reason: 'no date and time' });
    } else {
      timed.push(row);
    }
  }
  const timestamps = readTimestamps(
    timed.map((row) => ({ text: timeText(row, layout.time), line: row.line })),
    {
      column: layout.time.name,
      ...(layout.time.zoneMinutes !== undefined
        ? { headerZoneMinutes: layout.time.zoneMinutes }
        : {}),
      ...(zoneMinutes !== undefined ? { zoneMinutes } : {}),
      ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
    },
  );
  const context: RowContext = { layout, delimiter, onlySensorId: onlySensorIdOf(timed, layout) };
  const readings: SensorReadingInput[] = [];
  timed.forEach((row, i) => {
    const result = readRow(row, timestamps[i] ?? '', context);
    readings.push(...result.readings);
    skipped.push(...result.skipped);
  });
  const warnings = [...layout.warnings];
  if (zoneMinutes !== undefined && layout.time.zoneMinutes === undefined) {
    warnings.push(
      `times of column '${layout.time.name}' are taken as ${describeZone(zoneMinutes)} from --tz: the file states no zone`,
    );
  }
  return { format: describe(delimiter, layout), readings, skipped, warnings };
}
