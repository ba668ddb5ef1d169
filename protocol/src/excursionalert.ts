import { type Actor, readActor } from './actor';
import { JsonReader } from './jsonreader';
import { type Direction, directions } from './temperatureprofile';

export const alertTypes = [
  'OUT_OF_RANGE',
  'CONTINUOUS',
  'CUMULATIVE',
  'HARD_LIMIT',
  'MKT',
  'DATA_GAP',
] as const;
export type AlertType = (typeof alertTypes)[number];
export const alertSeverities = ['WARNING', 'CRITICAL'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];
export const alertStatuses = ['OPEN', 'ACKNOWLEDGED', 'WITHDRAWN'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** QA's or the custodian's acknowledgement of an alert. */
export interface AlertAcknowledgement {
  readonly comment: string;
  readonly by: Actor;
  readonly atMs: number;
  readonly txId: string;
}

/**
 * How much of an excursion's span the logger actually covered. Intervals between consecutive
 * readings no longer than the profile's `maxLoggingIntervalMs` are covered; longer ones are
 * unlogged time, which still counts as excursion (sample and hold) but is stated apart.
 */
export interface AlertCoverage {
  readonly coveredMs: number;
  readonly uncoveredMs: number;
  /** How many over-long intervals make up `uncoveredMs`. */
  readonly uncoveredGaps: number;
}

/**
 * The over-long intervals between readings that make up a `DATA_GAP`: the logger's observed
 * sampling interval, to compare with the profile's (`limitMs`). `count` is 0 (and the extremes
 * `null`) for a finding that is only the ongoing silence since the last reading.
 */
export interface LoggingIntervals {
  readonly count: number;
  readonly shortestMs: number | null;
  readonly longestMs: number | null;
}

/** A temperature excursion (or logging gap) derived by the chaincode from a shipment's readings. */
export interface ExcursionAlert {
  /** `<type>:<ruleId>:<sensorId>:<startMs>` (see docs/chaincode-api.md for CUMULATIVE and MKT). */
  readonly alertId: string;
  readonly type: AlertType;
  readonly severity: AlertSeverity;
  readonly status: AlertStatus;
  readonly shipmentId: string;
  readonly lotIds: readonly string[];
  readonly sensorId: string;
  readonly ruleId: string;
  readonly direction: Direction | null;
  readonly thresholdMilliC: number | null;
  readonly limitMs: number | null;
  readonly startMs: number;
  readonly endMs: number | null;
  readonly ongoing: boolean;
  readonly durationMs: number;
  readonly peakMilliC: number | null;
  readonly mktMilliC: number | null;
  /** Covered and unlogged time of the span; `null` for `MKT` and `DATA_GAP`. */
  readonly coverage: AlertCoverage | null;
  /** Only for `DATA_GAP`, `null` otherwise. */
  readonly loggingIntervals: LoggingIntervals | null;
  /** The custodian at `startMs`: the organisation responsible. */
  readonly custodianMspId: string;
  readonly raisedAtMs: number;
  readonly raisedTxId: string;
  readonly updatedAtMs: number;
  readonly updatedTxId: string;
  readonly acknowledgement: AlertAcknowledgement | null;
}

function readAcknowledgement(json: JsonReader): AlertAcknowledgement {
  return {
    comment: json.string('comment'),
    by: readActor(json.field('by')),
    atMs: json.integer('atMs'),
    txId: json.string('txId'),
  };
}

function readCoverage(json: JsonReader): AlertCoverage {
  return {
    coveredMs: json.field('coveredMs').asInteger(0),
    uncoveredMs: json.field('uncoveredMs').asInteger(0),
    uncoveredGaps: json.field('uncoveredGaps').asInteger(0),
  };
}

function readLoggingIntervals(json: JsonReader): LoggingIntervals {
  return {
    count: json.field('count').asInteger(0),
    shortestMs: json.nullableInteger('shortestMs'),
    longestMs: json.nullableInteger('longestMs'),
  };
}

export function readExcursionAlert(json: JsonReader): ExcursionAlert {
  const acknowledgement = json.nullable('acknowledgement');
  // Absent in alerts stored before they were kept: read as unknown (null), as for MKT.
  const coverage = json.optional('coverage') ?? null;
  const loggingIntervals = json.optional('loggingIntervals') ?? null;
  return {
    alertId: json.string('alertId'),
    type: json.oneOf('type', alertTypes),
    severity: json.oneOf('severity', alertSeverities),
    status: json.oneOf('status', alertStatuses),
    shipmentId: json.string('shipmentId'),
    lotIds: json.array('lotIds', (id) => id.asString()),
    sensorId: json.string('sensorId'),
    ruleId: json.string('ruleId'),
    direction: json.nullable('direction')?.asOneOf(directions) ?? null,
    thresholdMilliC: json.nullableInteger('thresholdMilliC'),
    limitMs: json.nullableInteger('limitMs'),
    startMs: json.integer('startMs'),
    endMs: json.nullableInteger('endMs'),
    ongoing: json.boolean('ongoing'),
    durationMs: json.integer('durationMs'),
    peakMilliC: json.nullableInteger('peakMilliC'),
    mktMilliC: json.nullableInteger('mktMilliC'),
    coverage: coverage === null ? null : readCoverage(coverage),
    loggingIntervals: loggingIntervals === null ? null : readLoggingIntervals(loggingIntervals),
    custodianMspId: json.string('custodianMspId'),
    raisedAtMs: json.integer('raisedAtMs'),
    raisedTxId: json.string('raisedTxId'),
    updatedAtMs: json.integer('updatedAtMs'),
    updatedTxId: json.string('updatedTxId'),
    acknowledgement: acknowledgement === null ? null : readAcknowledgement(acknowledgement),
  };
}

export function parseExcursionAlert(bytes: Uint8Array): ExcursionAlert {
  return readExcursionAlert(JsonReader.fromBytes(bytes, 'ExcursionAlert'));
}
