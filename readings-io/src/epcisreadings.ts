import { JsonReader, type SensorReadingInput, type TemperatureUnit } from '@coldtrace/protocol';
import type { ParsedReadings, ReadingsFileOptions } from './parsedreadings';
import { ReadingsFileError, readFileContent } from './readingsfileerror';

const epcisUnits: Readonly<Record<string, TemperatureUnit>> = {
  CEL: 'CEL',
  FAH: 'FAH',
  KEL: 'KEL',
};

function isTemperature(type: string | undefined): boolean {
  // EPCIS 2.0 allows the compact `gs1:` form, the bare term and the full vocabulary URI.
  return (
    type === 'Temperature' ||
    type === 'gs1:Temperature' ||
    type === 'https://gs1.org/voc/Temperature'
  );
}

function eventListOf(document: JsonReader): JsonReader[] {
  const body = document.field('epcisBody');
  if (body.has('eventList')) {
    return body.array('eventList', (event) => event);
  }
  // EPCISQueryDocument: epcisBody.queryResults.resultsBody.eventList
  return body
    .field('queryResults')
    .field('resultsBody')
    .array('eventList', (event) => event);
}

function readingsOfEvent(event: JsonReader, options: ReadingsFileOptions): SensorReadingInput[] {
  if (!event.has('sensorElementList')) {
    return [];
  }
  const eventTime = event.optionalString('eventTime');
  return event
    .array('sensorElementList', (element) => {
      const metadata = element.has('sensorMetadata') ? element.field('sensorMetadata') : undefined;
      return element
        .array('sensorReport', (report): SensorReadingInput | undefined => {
          if (!isTemperature(report.optionalString('type'))) {
            return undefined;
          }
          const timestamp =
            report.optionalString('time') ?? metadata?.optionalString('time') ?? eventTime;
          const sensorId =
            report.optionalString('deviceID') ?? metadata?.optionalString('deviceID');
          // No `uom`: the unit is the caller's (`--unit`) or unknown, never assumed.
          const uom = report.optionalString('uom');
          const unit = uom === undefined ? options.unit : epcisUnits[uom];
          if (timestamp === undefined || sensorId === undefined || unit === undefined) {
            throw new ReadingsFileError({
              message: `${report.path}: a temperature report needs a time, a deviceID and uom CEL, FAH or KEL (or --unit)`,
              field: report.path,
              rule: 'epcis-sensor-report',
            });
          }
          return { sensorId, timestamp, value: report.number('value'), unit };
        })
        .filter((reading): reading is SensorReadingInput => reading !== undefined);
    })
    .flat();
}

/** True for a GS1 EPCIS 2.0 JSON document (EPCISDocument or EPCISQueryDocument). */
export function isEpcisDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'epcisBody' in value;
}

/**
 * Temperature readings from a GS1 EPCIS 2.0 JSON document: every `sensorReport` of type
 * `Temperature` (or `gs1:Temperature`) in an event's `sensorElementList`, with `uom` CEL, FAH or
 * KEL. Time comes from the report, else the sensor metadata, else the event; the sensor from the
 * report's or metadata's `deviceID`.
 * @throws {@link ReadingsFileError} for a document or report that does not have this shape.
 */
export function parseEpcisReadings(
  document: unknown,
  options: ReadingsFileOptions = {},
): ParsedReadings {
  const readings = readFileContent(() =>
    eventListOf(new JsonReader(document, 'epcis')).flatMap((event) =>
      readingsOfEvent(event, options),
    ),
  );
  return { format: 'GS1 EPCIS 2.0 JSON-LD', readings, skipped: [], warnings: [] };
}
