import { type Actor, readActor } from './actor';
import { JsonReader } from './jsonreader';

export const alertTypes = [
  'OUT_OF_RANGE',
  'CONTINUOUS',
  'CUMULATIVE',
  'HARD_LIMIT',
  'MKT',
  'DATA_GAP',
] as const;
export type AlertType = (typeof alertTypes)[number];
export type AlertSeverity = 'WARNING' | 'CRITICAL';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'WITHDRAWN';

/** QA's or the custodian's acknowledgement of an alert. */
export interface AlertAcknowledgement {
  readonly comment: string;
  readonly by: Actor;
  readonly atMs: number;
  readonly txId: string;
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
  readonly direction?: 'ABOVE' | 'BELOW';
  readonly thresholdMilliC?: number;
  readonly limitMs?: number;
  readonly startMs: number;
  readonly endMs?: number;
  readonly ongoing: boolean;
  readonly durationMs: number;
  readonly peakMilliC?: number;
  readonly mktMilliC?: number;
  /** The custodian at `startMs`: the organisation responsible. */
  readonly custodianMspId: string;
  readonly raisedAtMs: number;
  readonly raisedTxId: string;
  readonly updatedAtMs: number;
  readonly updatedTxId: string;
  readonly acknowledgement?: AlertAcknowledgement;
}

function optionalIntegers(json: JsonReader, names: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const name of names) {
    const value = json.optionalInteger(name);
    if (value !== undefined) {
      result[name] = value;
    }
  }
  return result;
}

function readAcknowledgement(json: JsonReader): AlertAcknowledgement {
  return {
    comment: json.string('comment'),
    by: readActor(json.field('by')),
    atMs: json.integer('atMs'),
    txId: json.string('txId'),
  };
}

export function readExcursionAlert(json: JsonReader): ExcursionAlert {
  return {
    alertId: json.string('alertId'),
    type: json.oneOf('type', alertTypes),
    severity: json.oneOf('severity', ['WARNING', 'CRITICAL']),
    status: json.oneOf('status', ['OPEN', 'ACKNOWLEDGED', 'WITHDRAWN']),
    shipmentId: json.string('shipmentId'),
    lotIds: json.array('lotIds', (id) => id.asString()),
    sensorId: json.string('sensorId'),
    ruleId: json.string('ruleId'),
    ...(json.has('direction') ? { direction: json.oneOf('direction', ['ABOVE', 'BELOW']) } : {}),
    ...optionalIntegers(json, ['thresholdMilliC', 'limitMs', 'endMs', 'peakMilliC', 'mktMilliC']),
    startMs: json.integer('startMs'),
    ongoing: json.boolean('ongoing'),
    durationMs: json.integer('durationMs'),
    custodianMspId: json.string('custodianMspId'),
    raisedAtMs: json.integer('raisedAtMs'),
    raisedTxId: json.string('raisedTxId'),
    updatedAtMs: json.integer('updatedAtMs'),
    updatedTxId: json.string('updatedTxId'),
    ...(json.has('acknowledgement')
      ? { acknowledgement: readAcknowledgement(json.field('acknowledgement')) }
      : {}),
  };
}

export function parseExcursionAlert(bytes: Uint8Array): ExcursionAlert {
  return readExcursionAlert(JsonReader.fromBytes(bytes, 'ExcursionAlert'));
}
