import type { SensorReadingInput, TemperatureUnit } from '@coldtrace/protocol';

/** What the caller tells a parser that the file itself may not. */
export interface ReadingsFileOptions {
  /** `--unit`: the unit of values whose file states none. Never guessed otherwise. */
  readonly unit?: TemperatureUnit;
  /** `--map`: coldtrace column name → the file's spelling of it. */
  readonly columnMap?: Readonly<Record<string, string>>;
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
