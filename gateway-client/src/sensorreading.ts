import { JsonReader } from './jsonreader';

/** A stored reading, normalised to milli-degrees Celsius and epoch milliseconds. */
export interface SensorReading {
  readonly shipmentId: string;
  readonly sensorId: string;
  readonly timestampMs: number;
  readonly valueMilliC: number;
  readonly batchId: string;
  readonly txId?: string;
  readonly humidity?: number;
}

export function readSensorReading(json: JsonReader): SensorReading {
  const txId = json.optionalString('txId');
  const humidity = json.optionalNumber('humidity');
  return {
    shipmentId: json.string('shipmentId'),
    sensorId: json.string('sensorId'),
    timestampMs: json.integer('timestampMs'),
    valueMilliC: json.integer('valueMilliC'),
    batchId: json.string('batchId'),
    ...(txId !== undefined ? { txId } : {}),
    ...(humidity !== undefined ? { humidity } : {}),
  };
}
