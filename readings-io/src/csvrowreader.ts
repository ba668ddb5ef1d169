import {
  type SensorReadingInput,
  maxPlausibleMilliC,
  minPlausibleMilliC,
  parseId,
  toMilliCelsius,
} from '@coldtrace/protocol';
import type { FileColumn } from './csvcolumns';
import { type CsvDelimiter, parseCellNumber } from './csvdialect';
import type { CsvLayout } from './csvlayout';
import type { CsvRow } from './csvtable';
import type { SkippedEntry } from './parsedreadings';
import { ReadingsFileError } from './readingsfileerror';
import type { SensorColumn } from './sensorcolumns';
import { type FileTemperatureUnit, temperatureUnitOf, unitSymbol } from './temperatureunit';

/** What one data row holds: its readings, or why it holds none. */
export interface RowResult {
  readonly readings: SensorReadingInput[];
  readonly skipped: SkippedEntry[];
}

/** Everything a row reader needs besides the row: the layout and the file's conventions. */
export interface RowContext {
  readonly layout: CsvLayout;
  readonly delimiter: CsvDelimiter;
  /** Long files whose sensorId column names one sensor once (EasyLog: first row only). */
  readonly onlySensorId: string | undefined;
  /**
   * Sensor ids of the sensorId column already checked, each to its one string: a million
   * readings of four sensors then share four strings, not a million cells.
   */
  readonly sensorIds: Map<string, string>;
}

function invalid(row: CsvRow, column: FileColumn, rule: string, message: string): Error {
  return new ReadingsFileError({
    message: `line ${row.line}: column '${column.text}' ${message}`,
    field: `line ${row.line}.${column.text}`,
    rule,
  });
}

/** `4.5`, `4,5` (decimal comma), or with its unit in the cell as Tinytag writes: `20.5 °C`. */
function cellReading(
  text: string,
  delimiter: CsvDelimiter,
): { value: number; unit: FileTemperatureUnit | undefined } | undefined {
  const plain = parseCellNumber(text, delimiter);
  if (plain !== undefined) {
    return { value: plain, unit: undefined };
  }
  const match = /^(\S+?)\s*([°º℃℉]\s?[CFcf]?|[CFK])$/u.exec(text);
  const value = match?.[1] === undefined ? undefined : parseCellNumber(match[1], delimiter);
  const unit = match?.[2] === undefined ? undefined : temperatureUnitOf(match[2]);
  return value === undefined || unit === undefined ? undefined : { value, unit };
}

function rowUnitOf(row: CsvRow, context: RowContext): FileTemperatureUnit | undefined {
  const column = context.layout.unitColumn;
  const text = column === undefined ? '' : (row.cells[column.index] ?? '');
  if (column === undefined || text === '') {
    return undefined;
  }
  const unit = temperatureUnitOf(text);
  if (unit === undefined) {
    throw invalid(row, column, 'unit', `must be CEL, FAH, KEL, °C, °F or K (got '${text}')`);
  }
  return unit;
}

function unitFor(
  row: CsvRow,
  sensor: SensorColumn,
  stated: FileTemperatureUnit | undefined,
): FileTemperatureUnit {
  if (stated !== undefined && sensor.unit !== undefined && stated !== sensor.unit) {
    throw invalid(
      row,
      sensor.column,
      'unit-conflict',
      `is in ${unitSymbol(stated)} but the column (or --unit) says ${unitSymbol(sensor.unit)}`,
    );
  }
  const unit = stated ?? sensor.unit;
  if (unit === undefined) {
    throw invalid(
      row,
      sensor.column,
      'unit',
      'states no unit (none in its header, its cells or a unit column): pass --unit CEL, FAH or KEL',
    );
  }
  return unit;
}

function sensorIdFor(row: CsvRow, sensor: SensorColumn, context: RowContext): string {
  const column = context.layout.sensorIdColumn;
  if (sensor.sensorId !== undefined || column === undefined) {
    return sensor.sensorId ?? '';
  }
  const text = row.cells[column.index] ?? '';
  const id = text === '' ? context.onlySensorId : text;
  if (id === undefined) {
    throw invalid(row, column, 'required', 'is empty');
  }
  const known = context.sensorIds.get(id);
  if (known !== undefined) {
    return known;
  }
  try {
    context.sensorIds.set(id, parseId(id, `line ${row.line}.${column.text}`));
  } catch {
    throw invalid(row, column, 'id-format', `must be 1-64 chars [A-Za-z0-9._:/-] (got '${id}')`);
  }
  return id;
}

function numberIn(
  row: CsvRow,
  column: FileColumn | undefined,
  context: RowContext,
  [min, max]: readonly [number, number],
): number | undefined {
  const text = column === undefined ? '' : (row.cells[column.index] ?? '');
  if (column === undefined || text === '') {
    return undefined;
  }
  const value = parseCellNumber(text, context.delimiter);
  if (value === undefined || value < min || value > max) {
    throw invalid(row, column, 'range', `must be a number within ${min}..${max} (got '${text}')`);
  }
  return value;
}

/** Humidity, latitude and longitude go with the reading only when the row holds one sensor. */
function extrasOf(row: CsvRow, context: RowContext): Partial<SensorReadingInput> {
  const { layout } = context;
  if (layout.sensors.length !== 1) {
    return {};
  }
  const humidity = numberIn(row, layout.humidityColumn, context, [0, 100]);
  const lat = numberIn(row, layout.latColumn, context, [-90, 90]);
  const lon = numberIn(row, layout.lonColumn, context, [-180, 180]);
  return {
    ...(humidity !== undefined ? { humidity } : {}),
    ...(lat !== undefined && lon !== undefined ? { location: { lat, lon } } : {}),
  };
}

/** Names the events a row without temperatures records: `Host Connected: Logged`. */
function eventsOf(row: CsvRow, layout: CsvLayout): string {
  const events = layout.columns
    .filter((column) => column.role === undefined && column.text !== '#' && column.text !== '')
    .map((column) => [column.name, row.cells[column.index] ?? ''] as const)
    .filter(([, text]) => text !== '')
    .map(([name, text]) => `${name}: ${text}`);
  return events.length === 0 ? 'no temperature' : `no temperature (${events.join(', ')})`;
}

/**
 * The readings of one data row at its (already read) time: one per temperature cell. A value
 * outside -100..100 °C is a logger's error code (HOBO writes -888.88), not a temperature: it is
 * left out and counted, as is a row with no temperature at all (HOBOware's event rows).
 * @throws {@link ReadingsFileError} naming the line and column of a value that is not a number.
 */
export function readRow(row: CsvRow, timestamp: string, context: RowContext): RowResult {
  const readings: SensorReadingInput[] = [];
  const skipped: SkippedEntry[] = [];
  const rowUnit = rowUnitOf(row, context);
  for (const sensor of context.layout.sensors) {
    const text = row.cells[sensor.column.index] ?? '';
    if (text === '') {
      continue;
    }
    const cell = cellReading(text, context.delimiter);
    if (cell === undefined) {
      throw invalid(row, sensor.column, 'number', `is not a number (got '${text}')`);
    }
    const unit = unitFor(row, sensor, cell.unit ?? rowUnit);
    const milliC = toMilliCelsius(cell.value, unit);
    if (milliC < minPlausibleMilliC || milliC > maxPlausibleMilliC) {
      skipped.push({
        where: `line ${row.line}, ${sensor.column.text}`,
        reason: `${text} ${unitSymbol(unit)} is outside -100..100 °C (a logger error code?)`,
      });
      continue;
    }
    readings.push({
      sensorId: sensorIdFor(row, sensor, context),
      timestamp,
      value: cell.value,
      unit,
      ...extrasOf(row, context),
    });
  }
  if (readings.length === 0 && skipped.length === 0) {
    skipped.push({ where: `line ${row.line}`, reason: eventsOf(row, context.layout) });
  }
  return { readings, skipped };
}
