/** Temperature units the chaincode accepts (`batchJson` in docs/chaincode-api.md). */
export type TemperatureUnit = 'CEL' | 'FAH' | 'KEL' | '°C' | '°F' | 'K';

export const temperatureUnits: readonly TemperatureUnit[] = ['CEL', 'FAH', 'KEL', '°C', '°F', 'K'];

/** One sensor reading as submitted; the chaincode converts it to milli-degrees Celsius. */
export interface SensorReadingInput {
  readonly sensorId: string;
  /** RFC 3339 with a zone, for example `2026-11-23T10:00:00Z`. */
  readonly timestamp: string;
  readonly value: number;
  readonly unit: TemperatureUnit;
  readonly humidity?: number;
  readonly location?: { readonly lat: number; readonly lon: number };
}

/** Readings of one shipment, as read from a feed or file. */
export interface ShipmentReadings {
  readonly shipmentId: string;
  readonly readings: readonly SensorReadingInput[];
}
