import type { JsonReader } from './jsonreader';
import { dayMs, hourMs, maxPlausibleMilliC, minPlausibleMilliC } from './temperature';

export const ruleKinds = ['HARD_LIMIT', 'CONTINUOUS', 'CUMULATIVE'] as const;
export type RuleKind = (typeof ruleKinds)[number];
export const directions = ['ABOVE', 'BELOW'] as const;
export type Direction = (typeof directions)[number];

/** One excursion rule; `inclusive` says whether the threshold value itself is a breach. */
export interface ExcursionRule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly direction: Direction;
  readonly thresholdMilliC: number;
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

/** A product class's storage and transport conditions, as data. */
export interface TemperatureProfile {
  readonly name: string;
  /** Inclusive at both ends. */
  readonly range: { readonly minMilliC: number; readonly maxMilliC: number };
  readonly rules: readonly ExcursionRule[];
  /** null when the profile has no MKT rule. */
  readonly mkt: MktRule | null;
  readonly maxLoggingIntervalMs: number;
}

/**
 * `input`: a profile a caller sends, held to the input limits (docs/chaincode-api.md). `stored`:
 * a profile the chaincode returns, which may be a combination of several (longer names and ids).
 */
export type ProfileMode = 'input' | 'stored';

const temperature = (json: JsonReader): number =>
  json.asInteger(minPlausibleMilliC, maxPlausibleMilliC);

function readRule(json: JsonReader, mode: ProfileMode): ExcursionRule {
  const input = mode === 'input';
  if (input) {
    json.object(['id', 'kind', 'direction', 'thresholdMilliC', 'inclusive', 'durationMs']);
  }
  const kind = json.oneOf('kind', ruleKinds);
  const duration = json.field('durationMs');
  return {
    id: input
      ? json.field('id').asString(/^[A-Za-z0-9._-]{1,32}$/u, 'rule-id-format')
      : json.string('id'),
    kind,
    direction: json.oneOf('direction', directions),
    thresholdMilliC: temperature(json.field('thresholdMilliC')),
    inclusive: json.boolean('inclusive'),
    durationMs:
      kind === 'HARD_LIMIT' ? duration.asInteger(0, 0) : duration.asInteger(1, 365 * dayMs),
  };
}

function readMkt(json: JsonReader, mode: ProfileMode): MktRule {
  if (mode === 'input') {
    json.object(['limitMilliC', 'windowMs', 'minCoverageMs']);
  }
  const windowMs = json.field('windowMs').asInteger(hourMs, 90 * dayMs);
  return {
    limitMilliC: temperature(json.field('limitMilliC')),
    windowMs,
    minCoverageMs: json.field('minCoverageMs').asInteger(0, windowMs),
  };
}

/** Reads a full profile object (a preset name is the chaincode's business). */
export function readTemperatureProfile(
  json: JsonReader,
  mode: ProfileMode = 'stored',
): TemperatureProfile {
  const input = mode === 'input';
  if (input) {
    json.object(['name', 'range', 'rules', 'mkt', 'maxLoggingIntervalMs']);
  }
  const range = json.field('range');
  if (input) {
    range.object(['minMilliC', 'maxMilliC']);
  }
  const minMilliC = temperature(range.field('minMilliC'));
  const maxMilliC = temperature(range.field('maxMilliC'));
  if (minMilliC > maxMilliC) {
    range.field('minMilliC').fail('min-le-max', 'must be <= maxMilliC');
  }
  const rulesJson = json.field('rules');
  const rules = rulesJson.asArray((rule) => readRule(rule, mode), 0, input ? 16 : Infinity);
  if (new Set(rules.map((rule) => rule.id)).size !== rules.length) {
    rulesJson.fail('unique-id', 'must have unique ids');
  }
  const mkt = input ? (json.optional('mkt') ?? null) : json.nullable('mkt');
  return {
    name: input
      ? json.field('name').asString(/^[A-Za-z0-9._+-]{1,64}$/u, 'name-format')
      : json.string('name'),
    range: { minMilliC, maxMilliC },
    rules,
    mkt: mkt === null ? null : readMkt(mkt, mode),
    maxLoggingIntervalMs: json.field('maxLoggingIntervalMs').asInteger(1000, 7 * dayMs),
  };
}
