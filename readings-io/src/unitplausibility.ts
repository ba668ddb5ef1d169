import {
  type SensorReadingInput,
  type TemperatureProfile,
  type TemperatureUnit,
  toMilliCelsius,
} from '@coldtrace/protocol';
import { unitSymbol } from './temperatureunit';

/** A sensor whose values, in the unit the file states, do not fit the shipment's profile. */
export interface ImplausibleUnitFinding {
  readonly sensorId: string;
  readonly unit: TemperatureUnit;
  readonly count: number;
  /** The sensor's median, in milli-degrees Celsius as stated. */
  readonly medianMilliC: number;
  /** A unit under which the median would fit the profile, if one does. */
  readonly likelyUnit: TemperatureUnit | undefined;
  /** One line for people, naming the sensor, the values, the profile and the likely unit. */
  readonly message: string;
}

/** How far outside the profile's range a sensor's median may sit before its unit is doubted. */
export const defaultUnitDoubtMarginMilliC = 10_000;

const alternatives: readonly TemperatureUnit[] = ['CEL', 'FAH', 'KEL'];

function median(values: number[]): number {
  const sorted = values.sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const celsius = (milliC: number): string => `${(milliC / 1000).toFixed(1)} °C`;

interface Group {
  readonly sensorId: string;
  readonly unit: TemperatureUnit;
  readonly values: number[];
}

function groupsOf(readings: readonly SensorReadingInput[]): Group[] {
  const groups = new Map<string, Group>();
  for (const { sensorId, unit, value } of readings) {
    const key = `${sensorId}\u0000${unitSymbol(unit)}`;
    const group = groups.get(key) ?? { sensorId, unit, values: [] };
    group.values.push(value);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Sensors whose median value, converted from the unit the file states, lies more than `margin`
 * outside the profile's range: 41-43 stated as °C on a 2-8 °C profile. The median, not each
 * value, so a real excursion is not mistaken for a wrong unit. When reading the values in another
 * unit would put the median inside the same band, the finding names that unit.
 */
export function findImplausibleUnits(
  readings: readonly SensorReadingInput[],
  profile: TemperatureProfile,
  marginMilliC: number = defaultUnitDoubtMarginMilliC,
): ImplausibleUnitFinding[] {
  const { minMilliC, maxMilliC } = profile.range;
  const fits = (milliC: number): boolean =>
    milliC >= minMilliC - marginMilliC && milliC <= maxMilliC + marginMilliC;
  const findings: ImplausibleUnitFinding[] = [];
  for (const { sensorId, unit, values } of groupsOf(readings)) {
    const middle = median([...values]);
    const medianMilliC = toMilliCelsius(middle, unit);
    if (fits(medianMilliC)) {
      continue;
    }
    const likelyUnit = alternatives.find(
      (other) => unitSymbol(other) !== unitSymbol(unit) && fits(toMilliCelsius(middle, other)),
    );
    const guess =
      likelyUnit === undefined
        ? 'no unit makes them fit: check the sensor and the unit'
        : `read as ${unitSymbol(likelyUnit)} they would be ${celsius(toMilliCelsius(middle, likelyUnit))}: is the unit right?`;
    findings.push({
      sensorId,
      unit,
      count: values.length,
      medianMilliC,
      likelyUnit,
      message: `sensor ${sensorId}: ${values.length} values stated in ${unitSymbol(unit)} have a median of ${celsius(medianMilliC)}, far outside the profile's ${celsius(minMilliC)}..${celsius(maxMilliC)}; ${guess}`,
    });
  }
  return findings;
}
