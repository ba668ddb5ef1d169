import {
  type SensorReadingInput,
  type TemperatureUnit,
  temperatureUnits,
} from '@coldtrace/protocol';
import type { ParsedReadings, ReadingsFileOptions } from './parsedreadings';
import { ReadingsFileError } from './readingsfileerror';

/** Splits one CSV line, honouring double-quoted fields with "" escapes. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted && c === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  fields.push(current.trim());
  return fields;
}

function invalid(field: string, rule: string, message: string): ReadingsFileError {
  return new ReadingsFileError({ message, field, rule });
}

function numberAt(row: Record<string, string>, column: string, line: number): number | undefined {
  const text = row[column];
  if (text === undefined || text === '') {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw invalid(`line ${line}.${column}`, 'finite', `line ${line}: ${column} is not a number`);
  }
  return value;
}

function unitOf(
  text: string | undefined,
  fallback: TemperatureUnit | undefined,
  line: number,
): TemperatureUnit {
  const unit = temperatureUnits.find((candidate) => candidate === (text ?? fallback ?? 'CEL'));
  if (unit === undefined) {
    throw invalid(
      `line ${line}.unit`,
      'enum',
      `line ${line}: unit must be one of ${temperatureUnits.join(', ')}`,
    );
  }
  return unit;
}

/**
 * Parses sensor readings from CSV with a header row. Columns: `sensorId`, `timestamp` (RFC 3339),
 * `value`, optional `unit` (default CEL), `humidity`, `lat`, `lon`; extra columns are ignored.
 * @throws {@link ReadingsFileError} naming the line and column of the first bad value.
 */
export function parseReadingsCsv(text: string, options: ReadingsFileOptions = {}): ParsedReadings {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines;
  if (header === undefined) {
    return { format: 'CSV', readings: [], skipped: [], warnings: [] };
  }
  const columns = splitCsvLine(header);
  for (const required of ['sensorId', 'timestamp', 'value']) {
    if (!columns.includes(required)) {
      throw invalid(required, 'required', `CSV header has no ${required} column`);
    }
  }
  const readings = rows.map((line, i): SensorReadingInput => {
    const lineNumber = i + 2;
    const cells = splitCsvLine(line);
    const row = Object.fromEntries(columns.map((column, c) => [column, cells[c] ?? '']));
    const value = numberAt(row, 'value', lineNumber);
    if (value === undefined) {
      throw invalid(`line ${lineNumber}.value`, 'required', `line ${lineNumber}: value is empty`);
    }
    const humidity = numberAt(row, 'humidity', lineNumber);
    const lat = numberAt(row, 'lat', lineNumber);
    const lon = numberAt(row, 'lon', lineNumber);
    return {
      sensorId: row.sensorId ?? '',
      timestamp: row.timestamp ?? '',
      value,
      unit: unitOf(row.unit === '' ? undefined : row.unit, options.unit, lineNumber),
      ...(humidity !== undefined ? { humidity } : {}),
      ...(lat !== undefined && lon !== undefined ? { location: { lat, lon } } : {}),
    };
  });
  return { format: 'CSV', readings, skipped: [], warnings: [] };
}
