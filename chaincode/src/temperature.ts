import {
  type TemperatureUnit,
  maxPlausibleMilliC,
  minPlausibleMilliC,
  toMilliCelsius,
} from '@coldtrace/protocol';
import { validationFailed } from './chaincodeerror';

export function parseTemperature(value: number, unit: TemperatureUnit, field: string): number {
  const milliC = toMilliCelsius(value, unit);
  if (milliC < minPlausibleMilliC || milliC > maxPlausibleMilliC) {
    throw validationFailed(field, 'plausible', `${field} must be within -100..100 °C`);
  }
  return milliC;
}
