import {
  JsonReader,
  JsonShapeError,
  type SensorReadingInput,
  temperatureUnits,
} from '@coldtrace/protocol';
import type { ParsedReadings, ReadingsFileOptions } from './parsedreadings';
import { readFileContent } from './readingsfileerror';

const jsonReadingReader =
  (options: ReadingsFileOptions) =>
  (json: JsonReader): SensorReadingInput => {
    const humidity = json.optionalNumber('humidity');
    const location = json.has('location') ? json.field('location') : undefined;
    return {
      sensorId: json.string('sensorId'),
      timestamp: json.string('timestamp'),
      value: json.number('value'),
      unit: unitOf(json, options),
      ...(humidity !== undefined ? { humidity } : {}),
      ...(location !== undefined
        ? { location: { lat: location.number('lat'), lon: location.number('lon') } }
        : {}),
    };
  };

/** The reading's own unit, else `--unit`; a reading stating neither is refused (never CEL). */
function unitOf(json: JsonReader, options: ReadingsFileOptions): SensorReadingInput['unit'] {
  if (json.has('unit')) {
    return json.oneOf('unit', temperatureUnits);
  }
  if (options.unit === undefined) {
    const field = `${json.path}.unit`;
    throw new JsonShapeError(
      field,
      'required',
      `${field} is missing and no --unit was given: add "unit" (CEL, FAH or KEL) or pass --unit`,
    );
  }
  return options.unit;
}

/**
 * Plain JSON readings: an array of readings, or `{ "readings": [...] }`, each shaped as
 * `SubmitReadings` takes it. A reading without `unit` takes `options.unit` or is refused.
 * @throws {@link ReadingsFileError} naming the JSON path of the first bad field.
 */
export function parsePlainJsonReadings(
  value: unknown,
  options: ReadingsFileOptions = {},
): ParsedReadings {
  const readings = readFileContent(() => {
    const readJsonReading = jsonReadingReader(options);
    const json = new JsonReader(value, 'readings');
    return Array.isArray(value)
      ? json.asArray(readJsonReading)
      : json.array('readings', readJsonReading);
  });
  return { format: 'JSON', readings, skipped: [], warnings: [] };
}
