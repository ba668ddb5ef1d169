import type { SensorReadingInput } from '@coldtrace/protocol';

/** Readings of one shipment, as read from a feed or file. */
export interface ShipmentReadings {
  readonly shipmentId: string;
  readonly readings: readonly SensorReadingInput[];
}
