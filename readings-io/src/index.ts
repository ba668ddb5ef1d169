// @coldtrace/readings-io: sensor readings in and out of the files loggers and GS1 EPCIS write.
export { ReadingsFileError } from './readingsfileerror';
export type { ParsedReadings, ReadingsFileOptions, SkippedEntry } from './parsedreadings';
export { type ColumnRole, columnRoles, isColumnRole } from './columnroles';
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
export { type DateOrder } from './loggertime';
export {
  maxReadingsFileBytes,
  parseReadingsJson,
  parseReadingsText,
  readReadingsFile,
} from './readingfile';
export { type FileTemperatureUnit, temperatureUnitOf, unitSymbol } from './temperatureunit';
export { formatZoneOffset, parseZoneOffset } from './timezoneoffset';
export { type SensorSummary, summarizeReadings } from './readingssummary';
export {
  type ImplausibleUnitFinding,
  defaultUnitDoubtMarginMilliC,
  findImplausibleUnits,
} from './unitplausibility';
export {
  type OldReadingsFinding,
  defaultOldReadingWindowMs,
  findReadingsLongBeforeShipment,
} from './readingage';
