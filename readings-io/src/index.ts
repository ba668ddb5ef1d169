// @coldtrace/readings-io: sensor readings in and out of the files loggers and GS1 EPCIS write.
export { ReadingsFileError } from './readingsfileerror';
export { parseReadingsCsv } from './csvreadings';
export { isEpcisDocument, parseEpcisReadings } from './epcisreadings';
export { parseReadingsJson, readReadingsFile } from './readingfile';
