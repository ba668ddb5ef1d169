import { type SensorReadingInput } from '@coldtrace/protocol';
import { createHash } from 'node:crypto';
import { ValidationError } from './coldtraceerror';

/** Largest batch the chaincode accepts. */
export const maxReadingsPerBatch = 1000;

/** Readings of one shipment sent in one `SubmitReadings` transaction. */
export interface ReadingBatch {
  readonly shipmentId: string;
  /** Derived from the content, so the same readings always form the same batch id. */
  readonly batchId: string;
  readonly readings: readonly SensorReadingInput[];
}

function instantOf(timestamp: string): number {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/**
 * Deterministic batch id: a hash of the shipment and of each reading's identity and value, with
 * timestamps normalised to epoch milliseconds so `Z` and `+00:00` spellings agree. Restarting a
 * feed therefore re-sends batches under the ids they had before.
 */
export function batchIdFor(shipmentId: string, readings: readonly SensorReadingInput[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(['coldtrace.batch/v1', shipmentId]));
  for (const reading of readings) {
    const instant = instantOf(reading.timestamp);
    const when = Number.isFinite(instant) ? String(instant) : reading.timestamp;
    hash.update(JSON.stringify([reading.sensorId, when, reading.value, reading.unit]));
  }
  return `b1-${hash.digest('hex').slice(0, 40)}`;
}

/**
 * Splits one shipment's readings into batches of at most `maxBatchSize`, in time order (stable
 * for equal timestamps) so the chaincode sees each shipment's readings chronologically.
 * @throws {@link ValidationError} if `maxBatchSize` is not an integer from 1 to 1000.
 */
export function batchReadings(
  shipmentId: string,
  readings: readonly SensorReadingInput[],
  maxBatchSize: number,
): ReadingBatch[] {
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1 || maxBatchSize > maxReadingsPerBatch) {
    throw new ValidationError({
      message: `maxBatchSize must be an integer from 1 to ${maxReadingsPerBatch}`,
      field: 'maxBatchSize',
      rule: 'range',
    });
  }
  const ordered = readings
    .map((reading, index) => ({ reading, index, instant: instantOf(reading.timestamp) }))
    .sort((a, b) => a.instant - b.instant || a.index - b.index)
    .map(({ reading }) => reading);
  const batches: ReadingBatch[] = [];
  for (let start = 0; start < ordered.length; start += maxBatchSize) {
    const chunk = ordered.slice(start, start + maxBatchSize);
    batches.push({ shipmentId, batchId: batchIdFor(shipmentId, chunk), readings: chunk });
  }
  return batches;
}

/** The `batchJson` argument of `SubmitReadings`. */
export function batchJson(batch: ReadingBatch): string {
  return JSON.stringify({ batchId: batch.batchId, readings: batch.readings });
}
