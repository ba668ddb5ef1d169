/** Units accepted on input: EPCIS/UN-CEFACT codes and their symbols. */
export const temperatureUnits = ['CEL', 'FAH', 'KEL', '°C', '°F', 'K'] as const;
export type TemperatureUnit = (typeof temperatureUnits)[number];

/** Plausible range after conversion; outside it a sensor is broken, not the cold chain. */
export const minPlausibleMilliC = -100_000;
export const maxPlausibleMilliC = 100_000;

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;
