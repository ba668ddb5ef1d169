// @coldtrace/readings-io: sensor readings in and out of the files loggers and GS1 EPCIS write.
export { ReadingsFileError } from './readingsfileerror';
export type { ParsedReadings, ReadingsFileOptions, SkippedEntry } from './parsedreadings';
export { parseReadingsCsv } from './csvreadings';
export {
  type EpcisExportInput,
  type EpcisExportSummary,
  epcisExport,
  organisationUrnPrefix,
} from './epcisexport';
export { isEpcisDocument, parseEpcisReadings } from './epcisreadings';
export {
  type EpcisSchemaViolation,
  checkEpcisSchema,
  epcisSchemaFile,
  epcisSchemaViolation,
} from './epcisschema';
export { deviceIdOfSensor, sensorIdOfDevice } from './epcissensorid';
export { parseReadingsJson, readReadingsFile } from './readingfile';
