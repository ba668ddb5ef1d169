import { JsonReader, type SensorReadingInput, temperatureUnits } from '@coldtrace/protocol';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ParsedReadings, ReadingsFileOptions } from './parsedreadings';
import { ReadingsFileError, readFileContent } from './readingsfileerror';
import { parseReadingsCsv } from './csvreadings';
import { isEpcisDocument, parseEpcisReadings } from './epcisreadings';

const jsonReadingReader =
  (options: ReadingsFileOptions) =>
  (json: JsonReader): SensorReadingInput => {
    const humidity = json.optionalNumber('humidity');
    const location = json.has('location') ? json.field('location') : undefined;
    return {
      sensorId: json.string('sensorId'),
      timestamp: json.string('timestamp'),
      value: json.number('value'),
      unit: json.has('unit') ? json.oneOf('unit', temperatureUnits) : (options.unit ?? 'CEL'),
      ...(humidity !== undefined ? { humidity } : {}),
      ...(location !== undefined
        ? { location: { lat: location.number('lat'), lon: location.number('lon') } }
        : {}),
    };
  };

/**
 * Readings from parsed JSON: a GS1 EPCIS 2.0 document, an array of readings, or
 * `{ "readings": [...] }` with readings shaped as `SubmitReadings` takes them.
 * @throws {@link ReadingsFileError} for any other shape.
 */
export function parseReadingsJson(
  value: unknown,
  options: ReadingsFileOptions = {},
): ParsedReadings {
  if (isEpcisDocument(value)) {
    return parseEpcisReadings(value);
  }
  const readings = readFileContent(() => {
    const readJsonReading = jsonReadingReader(options);
    const json = new JsonReader(value, 'readings');
    return Array.isArray(value)
      ? json.asArray(readJsonReading)
      : json.array('readings', readJsonReading);
  });
  return { format: 'JSON', readings, skipped: [], warnings: [] };
}

/**
 * Reads a readings file: `.csv` as CSV, anything else as JSON (plain or EPCIS 2.0).
 * @throws {@link ReadingsFileError} if the file cannot be read or parsed.
 */
export async function readReadingsFile(
  path: string,
  options: ReadingsFileOptions = {},
): Promise<ParsedReadings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ReadingsFileError({
      message: `cannot read ${path}`,
      field: 'file',
      rule: 'readable',
      cause: err,
    });
  }
  if (extname(path).toLowerCase() === '.csv') {
    return parseReadingsCsv(text, options);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ReadingsFileError({
      message: `${path} is neither CSV nor JSON`,
      field: 'file',
      rule: 'json',
      cause: err,
    });
  }
  return parseReadingsJson(parsed, options);
}
