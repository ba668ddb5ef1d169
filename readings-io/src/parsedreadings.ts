import type { SensorReadingInput, TemperatureUnit } from '@coldtrace/protocol';
import type { DateOrder } from './loggertime';

/** What the caller tells a parser that the file itself may not. Never guessed otherwise. */
export interface ReadingsFileOptions {
  /** `--unit`: the unit of values whose file states none. */
  readonly unit?: TemperatureUnit;
  /** `--map`: coldtrace column name (`timestamp`, `value`, `sensorId`...) → the file's spelling. */
  readonly columnMap?: Readonly<Record<string, string>>;
  /** `--tz`: the UTC offset (`+01:00`, `UTC`) of times that state no zone. */
  readonly timeZone?: string;
  /** `--date-order`: day/month order of dates like `03/04/2026` when no date in the file tells. */
  readonly dateOrder?: DateOrder;
  /** `--sensor`: the sensor of a one-sensor file that names none. */
  readonly sensorId?: string;
}

/** Something in the file that holds no reading to submit, and why (counted, never silent). */
export interface SkippedEntry {
  /** Where in the file: `line 7`, `epcisBody.eventList[2].sensorElementList[0].sensorReport[1]`. */
  readonly where: string;
  readonly reason: string;
}

/** The readings of one file, with what was left out and what looks wrong. */
export interface ParsedReadings {
  /** The format as detected from the content, for people: `GS1 EPCIS 2.0 JSON-LD`. */
  readonly format: string;
  readonly readings: SensorReadingInput[];
  readonly skipped: readonly SkippedEntry[];
  readonly warnings: readonly string[];
}
