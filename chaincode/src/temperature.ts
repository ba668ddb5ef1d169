import { type TemperatureUnit, maxPlausibleMilliC, minPlausibleMilliC } from '@coldtrace/protocol';
import { validationFailed } from './chaincodeerror';

/**
 * Converts to integer milli-degrees Celsius. Integers in state keep endorsers byte-identical;
 * basic IEEE arithmetic plus Math.round is exact and the same on every Node version.
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

export function parseTemperature(value: number, unit: TemperatureUnit, field: string): number {
  const milliC = toMilliCelsius(value, unit);
  if (milliC < minPlausibleMilliC || milliC > maxPlausibleMilliC) {
    throw validationFailed(field, 'plausible', `${field} must be within -100..100 °C`);
  }
  return milliC;
}
