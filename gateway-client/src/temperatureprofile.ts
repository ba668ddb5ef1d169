import type { JsonReader } from './jsonreader';

export type TemperatureRuleKind = 'HARD_LIMIT' | 'CONTINUOUS' | 'CUMULATIVE';
export type TemperatureDirection = 'ABOVE' | 'BELOW';

/** One excursion rule of a profile. */
export interface TemperatureRule {
  readonly id: string;
  readonly kind: TemperatureRuleKind;
  readonly direction: TemperatureDirection;
  readonly thresholdMilliC: number;
  /** A reading equal to the threshold is beyond it. */
  readonly inclusive: boolean;
  /** 0 for HARD_LIMIT. */
  readonly durationMs: number;
}

/** Mean kinetic temperature rule. */
export interface MktRule {
  readonly limitMilliC: number;
  readonly windowMs: number;
  readonly minCoverageMs: number;
}

/** Storage and transport conditions of a product (data, not code). */
export interface TemperatureProfile {
  readonly name: string;
  /** Inclusive at both ends. */
  readonly range: { readonly minMilliC: number; readonly maxMilliC: number };
  readonly rules: readonly TemperatureRule[];
  readonly mkt?: MktRule;
  readonly maxLoggingIntervalMs: number;
}

function readRule(json: JsonReader): TemperatureRule {
  return {
    id: json.string('id'),
    kind: json.oneOf('kind', ['HARD_LIMIT', 'CONTINUOUS', 'CUMULATIVE']),
    direction: json.oneOf('direction', ['ABOVE', 'BELOW']),
    thresholdMilliC: json.integer('thresholdMilliC'),
    inclusive: json.boolean('inclusive'),
    durationMs: json.integer('durationMs'),
  };
}

export function readTemperatureProfile(json: JsonReader): TemperatureProfile {
  const range = json.field('range');
  const mkt = json.has('mkt') ? json.field('mkt') : undefined;
  return {
    name: json.string('name'),
    range: { minMilliC: range.integer('minMilliC'), maxMilliC: range.integer('maxMilliC') },
    rules: json.array('rules', readRule),
    ...(mkt !== undefined
      ? {
          mkt: {
            limitMilliC: mkt.integer('limitMilliC'),
            windowMs: mkt.integer('windowMs'),
            minCoverageMs: mkt.integer('minCoverageMs'),
          },
        }
      : {}),
    maxLoggingIntervalMs: json.integer('maxLoggingIntervalMs'),
  };
}
