import {
  JsonReader,
  type SensorReadingInput,
  type TemperatureUnit,
  parseId,
  parseRfc3339,
} from '@coldtrace/protocol';
import type { ParsedReadings, ReadingsFileOptions, SkippedEntry } from './parsedreadings';
import { type ReportContent, reportContent } from './epcisreport';
import { checkEpcisSchema } from './epcisschema';
import { derivedSensorId, eventIdentity, sensorIdOfDevice } from './epcissensorid';
import { temperatureUnitOfUom } from './epcisterms';
import { ReadingsFileError, readFileContent } from './readingsfileerror';

/** A report with the device and time that apply to it (the report's own, else its metadata's). */
interface PlacedReport {
  readonly path: string;
  readonly index: number;
  readonly content: ReportContent;
  /** The `deviceID` named by the report or its sensor metadata; undefined when neither does. */
  readonly deviceId: string | undefined;
  readonly timestamp: string;
  readonly ms: number;
}

/** A temperature reading being built, with the companion reports that gave it more. */
interface ReadingDraft {
  readonly report: PlacedReport;
  readonly reading: SensorReadingInput;
  humidity?: number;
  lat?: number;
  lon?: number;
}

/** What a document yields, filled event by event. */
class EpcisImport {
  readonly readings: SensorReadingInput[] = [];
  readonly skipped: SkippedEntry[] = [];
  readonly warnings: string[] = [];
  readonly #options: ReadingsFileOptions;

  constructor(options: ReadingsFileOptions) {
    this.#options = options;
  }

  skip(where: string, reason: string): void {
    this.skipped.push({ where, reason });
  }

  unitOf(report: PlacedReport, uom: string | undefined): TemperatureUnit {
    if (uom === undefined) {
      if (this.#options.unit !== undefined) {
        return this.#options.unit;
      }
      throw new ReadingsFileError({
        message: `${report.path}.uom is missing: a Temperature value needs uom CEL, FAH or KEL, or --unit`,
        field: `${report.path}.uom`,
        rule: 'required',
      });
    }
    const unit = temperatureUnitOfUom[uom];
    if (unit === undefined) {
      throw new ReadingsFileError({
        message: `${report.path}.uom '${uom}' is not a temperature unit: CEL, FAH or KEL`,
        field: `${report.path}.uom`,
        rule: 'temperature-unit',
      });
    }
    return unit;
  }
}

function eventsOf(document: JsonReader): JsonReader[] {
  const type = document.string('type');
  const body = document.field('epcisBody');
  if (type === 'EPCISDocument') {
    return body.array('eventList', (event) => event);
  }
  if (type === 'EPCISQueryDocument') {
    const results = body.field('queryResults').field('resultsBody');
    return results.has('eventList') ? results.array('eventList', (event) => event) : [];
  }
  return document
    .field('type')
    .fail('epcis-document', 'must be EPCISDocument or EPCISQueryDocument');
}

function checkedTime(reader: JsonReader, key: string): { timestamp: string; ms: number } {
  const timestamp = reader.string(key);
  return { timestamp, ms: parseRfc3339(timestamp, `${reader.path}.${key}`) };
}

/** The report's own field, else its sensor metadata's, with a warning when both differ. */
function ownOrMetadata(
  report: JsonReader,
  metadata: JsonReader | undefined,
  key: string,
  warnings: string[],
): JsonReader | undefined {
  const own = report.optionalString(key);
  const inherited = metadata?.optionalString(key);
  if (own !== undefined && inherited !== undefined && own !== inherited) {
    warnings.push(
      `${report.path}: ${key} ${own} differs from its sensorMetadata's ${inherited}; the report's is used`,
    );
  }
  return own !== undefined ? report : inherited !== undefined ? metadata : undefined;
}

function placeReport(
  report: JsonReader,
  index: number,
  metadata: JsonReader | undefined,
  event: JsonReader,
  warnings: string[],
): PlacedReport {
  const content = reportContent(report);
  const timeSource = ownOrMetadata(report, metadata, 'time', warnings);
  const deviceSource = ownOrMetadata(report, metadata, 'deviceID', warnings);
  const time =
    timeSource !== undefined ? checkedTime(timeSource, 'time') : checkedTime(event, 'eventTime');
  return {
    path: report.path,
    index,
    content,
    deviceId: deviceSource?.string('deviceID'),
    ...time,
  };
}

function sensorIdOf(report: PlacedReport, deviceId: string): string {
  return readFileContent(() => parseId(sensorIdOfDevice(deviceId), `${report.path}.deviceID`));
}

type CompanionContent = Extract<ReportContent, { kind: 'humidity' | 'coordinate' }>;

function companionName(content: CompanionContent): string {
  if (content.kind === 'humidity') {
    return 'RelativeHumidity';
  }
  return content.axis === 'lat' ? 'latitude' : 'longitude';
}

/** The Temperature drafts of one sensor element by device and time, for their companions. */
type DraftsByPlace = Map<string, ReadingDraft[]>;

// U+0000 cannot occur in a deviceID (a URI), so device and time never run into each other.
const placeKey = (report: PlacedReport): string => `${report.deviceId ?? ''}\u0000${report.ms}`;

function draftsByPlace(drafts: readonly ReadingDraft[]): DraftsByPlace {
  const byPlace: DraftsByPlace = new Map();
  for (const draft of drafts) {
    const key = placeKey(draft.report);
    const same = byPlace.get(key);
    if (same === undefined) {
      byPlace.set(key, [draft]);
    } else {
      same.push(draft);
    }
  }
  return byPlace;
}

/** Adds a humidity or coordinate report to the one reading it belongs to, or says why not. */
function attachCompanion(
  companion: PlacedReport,
  content: CompanionContent,
  byPlace: DraftsByPlace,
): string | undefined {
  const matches = byPlace.get(placeKey(companion)) ?? [];
  const name = companionName(content);
  const [draft] = matches;
  if (draft === undefined) {
    return `${name} with no Temperature report of the same device and time in its sensor element`;
  }
  if (matches.length > 1) {
    return `${name} of ${matches.length} Temperature reports of its sensor element: which one is unknown`;
  }
  const slot = content.kind === 'humidity' ? 'humidity' : content.axis;
  if (draft[slot] !== undefined) {
    return `a second ${name} for the Temperature report ${draft.report.path}`;
  }
  draft[slot] = content.value;
  return undefined;
}

/** Attaches an element's humidity and coordinate reports to its readings; skips the others. */
function attachCompanions(
  placed: readonly PlacedReport[],
  drafts: readonly ReadingDraft[],
  result: EpcisImport,
): void {
  // Built once per element: looking each companion up among all drafts was quadratic.
  let byPlace: DraftsByPlace | undefined;
  for (const companion of placed) {
    const { content } = companion;
    if (content.kind === 'humidity' || content.kind === 'coordinate') {
      byPlace ??= draftsByPlace(drafts);
      const reason = attachCompanion(companion, content, byPlace);
      if (reason !== undefined) {
        result.skip(companion.path, reason);
      }
    }
  }
}

function finishedReading(draft: ReadingDraft, result: EpcisImport): SensorReadingInput {
  const { lat, lon, humidity } = draft;
  if ((lat === undefined) !== (lon === undefined)) {
    result.warnings.push(
      `${draft.report.path}: a ${lat === undefined ? 'longitude' : 'latitude'} without a ${lat === undefined ? 'latitude' : 'longitude'} is not stored`,
    );
  }
  return {
    ...draft.reading,
    ...(humidity !== undefined ? { humidity } : {}),
    ...(lat !== undefined && lon !== undefined ? { location: { lat, lon } } : {}),
  };
}

interface ElementPlace {
  /** The event's identity, computed on first use: only reports naming no device need it. */
  readonly eventKey: () => string;
  readonly elementIndex: number;
  /** Sensor ids derived for reports that name no device, for the event's warning. */
  readonly derivedIds: string[];
}

function readElement(
  element: JsonReader,
  event: JsonReader,
  place: ElementPlace,
  result: EpcisImport,
): void {
  const metadata = element.has('sensorMetadata') ? element.field('sensorMetadata') : undefined;
  const placed = element
    .array('sensorReport', (report) => report)
    .map((report, index) => placeReport(report, index, metadata, event, result.warnings));
  const drafts: ReadingDraft[] = [];
  for (const report of placed) {
    const { content } = report;
    if (content.kind === 'none') {
      result.skip(report.path, content.reason);
    } else if (content.kind === 'temperature') {
      const sensorId =
        report.deviceId !== undefined
          ? sensorIdOf(report, report.deviceId)
          : derivedSensorId(place.eventKey(), place.elementIndex, report.index);
      if (report.deviceId === undefined) {
        place.derivedIds.push(sensorId);
      }
      const unit = result.unitOf(report, content.uom);
      drafts.push({
        report,
        reading: { sensorId, timestamp: report.timestamp, value: content.value, unit },
      });
    }
  }
  attachCompanions(placed, drafts, result);
  // One at a time: spreading an element's drafts into push() throws past ~120,000 arguments.
  for (const draft of drafts) {
    result.readings.push(finishedReading(draft, result));
  }
}

function readEvent(event: JsonReader, result: EpcisImport): void {
  if (!event.has('sensorElementList')) {
    return;
  }
  // Without an eventID the identity is the whole event marshalled: only worth it when used.
  let eventKey: string | undefined;
  const place = {
    eventKey: () => (eventKey ??= eventIdentity(event.raw)),
    derivedIds: [] as string[],
  };
  event
    .array('sensorElementList', (element) => element)
    .forEach((element, elementIndex) => {
      readElement(element, event, { ...place, elementIndex }, result);
    });
  const ids = place.derivedIds;
  if (ids.length > 0) {
    const listed =
      ids.slice(0, 3).join(', ') + (ids.length > 3 ? `, and ${ids.length - 3} more` : '');
    result.warnings.push(
      `${event.path}: ${ids.length} Temperature report(s) name no deviceID, in the report or its sensorMetadata; each gets a sensor id derived from the event and its position: ${listed}`,
    );
  }
}

/** True for a GS1 EPCIS 2.0 JSON document (EPCISDocument or EPCISQueryDocument). */
export function isEpcisDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'epcisBody' in value;
}

/**
 * Temperature readings from a GS1 EPCIS 2.0 JSON document (EPCISDocument or EPCISQueryDocument),
 * checked first against GS1's EPCIS 2.0 JSON Schema.
 *
 * Every `sensorReport` of type `Temperature` with a numeric `value` is a reading; the unit is its
 * `uom` (CEL, FAH or KEL), else `options.unit`. Time and device come from the report, else its
 * `sensorMetadata`, else (time) the event; a report that names no device gets a sensor id
 * derived from the event and its position (a warning lists them). A `RelativeHumidity` in P1 and
 * a WGS 84 latitude/longitude (`Angle` in DD) of the same device and time in the same sensor
 * element become the reading's humidity and location. Every other report is listed in `skipped`
 * with its path and the reason: other measurement types, min/max/mean summaries, exceptions.
 * @throws {@link ReadingsFileError} for a document GS1's schema refuses (naming the path and the
 * rule), a Temperature value without a unit, a unit that is not a temperature, or a deviceID that
 * cannot be a coldtrace sensor id.
 */
export function parseEpcisReadings(
  document: unknown,
  options: ReadingsFileOptions = {},
): ParsedReadings {
  checkEpcisSchema(document);
  const result = new EpcisImport(options);
  readFileContent(() => {
    for (const event of eventsOf(new JsonReader(document, ''))) {
      readEvent(event, result);
    }
  });
  return {
    format: 'GS1 EPCIS 2.0 JSON-LD',
    readings: result.readings,
    skipped: result.skipped,
    warnings: result.warnings,
  };
}
