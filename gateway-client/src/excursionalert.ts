import { JsonReader } from './jsonreader';

export const alertSeverities = ['WARNING', 'CRITICAL'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

/** A temperature excursion detected by the chaincode from a shipment's readings. */
export interface ExcursionAlert {
  readonly alertId: string;
  readonly shipmentId: string;
  readonly lotIds: readonly string[];
  readonly sensorId: string;
  readonly severity: AlertSeverity;
  /** `OPEN` until acknowledged; other values as the chaincode defines them. */
  readonly status: string;
  readonly startMs: number;
  readonly endMs?: number;
  readonly peakMilliC: number;
  readonly raisedTxId?: string;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAtMs?: number;
  readonly comment?: string;
}

export function readExcursionAlert(json: JsonReader): ExcursionAlert {
  const optionalString = (name: string): Record<string, string> => {
    const value = json.optionalString(name);
    return value !== undefined ? { [name]: value } : {};
  };
  const optionalInteger = (name: string): Record<string, number> => {
    const value = json.optionalInteger(name);
    return value !== undefined ? { [name]: value } : {};
  };
  return {
    alertId: json.string('alertId'),
    shipmentId: json.string('shipmentId'),
    lotIds: json.has('lotIds') ? json.array('lotIds', (id) => id.asString()) : [],
    sensorId: json.string('sensorId'),
    severity: json.oneOf('severity', alertSeverities),
    status: json.string('status'),
    startMs: json.integer('startMs'),
    ...optionalInteger('endMs'),
    peakMilliC: json.integer('peakMilliC'),
    ...optionalString('raisedTxId'),
    ...optionalString('acknowledgedBy'),
    ...optionalInteger('acknowledgedAtMs'),
    ...optionalString('comment'),
  };
}

export function parseExcursionAlert(bytes: Uint8Array): ExcursionAlert {
  return readExcursionAlert(JsonReader.fromBytes(bytes, 'ExcursionAlert'));
}
