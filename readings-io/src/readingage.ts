import {
  type SensorReadingInput,
  dayMs,
  defaultOldReadingWindowMs,
  findOldReadings,
  oldReadingBeforeMs,
} from '@coldtrace/protocol';

// The ledger's own default, so the dry run flags exactly what the chaincode will flag.
export { defaultOldReadingWindowMs };

/** Readings taken long before the shipment they are submitted to was created. */
export interface OldReadingsFinding {
  readonly count: number;
  readonly earliestMs: number;
  readonly earliestSensorId: string;
  readonly windowMs: number;
  readonly shipmentCreatedAtMs: number;
  readonly message: string;
}

const days = (ms: number): string => `${Math.round(ms / dayMs)} days`;

/**
 * Readings stamped more than `windowMs` before `shipmentCreatedAtMs` (2019 data attached to a
 * 2026 shipment), or undefined when there are none. They are not refused: QA decides.
 */
export function findReadingsLongBeforeShipment(
  readings: readonly SensorReadingInput[],
  shipmentCreatedAtMs: number,
  windowMs: number = defaultOldReadingWindowMs,
): OldReadingsFinding | undefined {
  const beforeMs = oldReadingBeforeMs({
    createdAtMs: shipmentCreatedAtMs,
    oldReadingWindowMs: windowMs,
  });
  const { count, earliest, earliestMs } = findOldReadings(
    readings,
    (reading) => Date.parse(reading.timestamp),
    beforeMs,
  );
  if (earliest === undefined || earliestMs === null) {
    return undefined;
  }
  return {
    count,
    earliestMs,
    earliestSensorId: earliest.sensorId,
    windowMs,
    shipmentCreatedAtMs,
    message: `${count} readings were taken more than ${days(windowMs)} before the shipment was created (${new Date(shipmentCreatedAtMs).toISOString()}); the earliest, from sensor ${earliest.sensorId}, at ${new Date(earliestMs).toISOString()}`,
  };
}
