/** Units accepted on input: EPCIS/UN-CEFACT codes and their symbols. */
export const temperatureUnits = ['CEL', 'FAH', 'KEL', '°C', '°F', 'K'] as const;
export type TemperatureUnit = (typeof temperatureUnits)[number];

/** Plausible range after conversion; outside it a sensor is broken, not the cold chain. */
export const minPlausibleMilliC = -100_000;
export const maxPlausibleMilliC = 100_000;

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/**
 * Converts to integer milli-degrees Celsius, as the chaincode stores readings. Integers in state
 * keep endorsers byte-identical; basic IEEE arithmetic plus Math.round is exact and the same on
 * every Node version. Shared here so a client judging a file converts exactly as the ledger will.
 */
export function toMilliCelsius(value: number, unit: TemperatureUnit): number {
  switch (unit) {
    case 'CEL':
    case '°C':
      return Math.round(value * 1000);
    case 'FAH':
    case '°F':
      return Math.round(((value - 32) * 5000) / 9);
    case 'KEL':
    case 'K':
      return Math.round(value * 1000 - 273_150);
  }
}
