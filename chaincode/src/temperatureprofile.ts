import { validationFailed } from './chaincodeerror';
import { JsonInput } from './jsoninput';
import { findPreset } from './profilepresets';
import { marshal } from './marshal';
import { maxPlausibleMilliC, minPlausibleMilliC } from './temperature';

export type RuleKind = 'HARD_LIMIT' | 'CONTINUOUS' | 'CUMULATIVE';
export type Direction = 'ABOVE' | 'BELOW';

/** One excursion rule; `inclusive` says whether the threshold value itself is a breach. */
export interface ExcursionRule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly direction: Direction;
  readonly thresholdMilliC: number;
  readonly inclusive: boolean;
  readonly durationMs: number;
}

export interface MktRule {
  readonly limitMilliC: number;
  readonly windowMs: number;
  readonly minCoverageMs: number;
}

/** A product class's storage conditions, as data. */
export interface TemperatureProfile {
  readonly name: string;
  readonly range: { readonly minMilliC: number; readonly maxMilliC: number };
  readonly rules: readonly ExcursionRule[];
  readonly mkt: MktRule | null;
  readonly maxLoggingIntervalMs: number;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export function isBeyond(
  rule: Pick<ExcursionRule, 'direction' | 'thresholdMilliC' | 'inclusive'>,
  milliC: number,
): boolean {
  if (rule.direction === 'ABOVE') {
    return rule.inclusive ? milliC >= rule.thresholdMilliC : milliC > rule.thresholdMilliC;
  }
  return rule.inclusive ? milliC <= rule.thresholdMilliC : milliC < rule.thresholdMilliC;
}

export function isInRange(profile: TemperatureProfile, milliC: number): boolean {
  return milliC >= profile.range.minMilliC && milliC <= profile.range.maxMilliC;
}

/** A preset name or a full profile object. */
export function parseProfile(input: JsonInput): TemperatureProfile {
  if (input.isString()) {
    const name = input.string();
    const preset = findPreset(name);
    if (preset === undefined) {
      throw validationFailed(input.path, 'preset', `${input.path} is not a known preset`);
    }
    return preset;
  }
  input.object(['name', 'range', 'rules', 'mkt', 'maxLoggingIntervalMs']);
  const range = input.field('range').object(['minMilliC', 'maxMilliC']);
  const minMilliC = range.field('minMilliC').integer(minPlausibleMilliC, maxPlausibleMilliC);
  const maxMilliC = range.field('maxMilliC').integer(minPlausibleMilliC, maxPlausibleMilliC);
  if (minMilliC > maxMilliC) {
    throw validationFailed(`${range.path}.minMilliC`, 'min-le-max', 'range min must be <= max');
  }
  const rules = input.field('rules').array(0, 16).map(parseRule);
  const ids = new Set(rules.map((rule) => rule.id));
  if (ids.size !== rules.length) {
    throw validationFailed(`${input.path}.rules`, 'unique-id', 'rule ids must be unique');
  }
  const mktInput = input.optional('mkt');
  return {
    name: input.field('name').string(/^[A-Za-z0-9._+-]{1,64}$/u, 'name-format'),
    range: { minMilliC, maxMilliC },
    rules,
    mkt: mktInput === undefined ? null : parseMkt(mktInput),
    maxLoggingIntervalMs: input.field('maxLoggingIntervalMs').integer(1000, 7 * dayMs),
  };
}

function parseRule(input: JsonInput): ExcursionRule {
  input.object(['id', 'kind', 'direction', 'thresholdMilliC', 'inclusive', 'durationMs']);
  const kind = input.field('kind').oneOf<RuleKind>(['HARD_LIMIT', 'CONTINUOUS', 'CUMULATIVE']);
  const durationMs =
    kind === 'HARD_LIMIT'
      ? input.field('durationMs').integer(0, 0)
      : input.field('durationMs').integer(1, 365 * dayMs);
  return {
    id: input.field('id').string(/^[A-Za-z0-9._-]{1,32}$/u, 'rule-id-format'),
    kind,
    direction: input.field('direction').oneOf<Direction>(['ABOVE', 'BELOW']),
    thresholdMilliC: input.field('thresholdMilliC').integer(minPlausibleMilliC, maxPlausibleMilliC),
    inclusive: input.field('inclusive').boolean(),
    durationMs,
  };
}

function parseMkt(input: JsonInput): MktRule {
  input.object(['limitMilliC', 'windowMs', 'minCoverageMs']);
  const windowMs = input.field('windowMs').integer(hourMs, 90 * dayMs);
  return {
    limitMilliC: input.field('limitMilliC').integer(minPlausibleMilliC, maxPlausibleMilliC),
    windowMs,
    minCoverageMs: input.field('minCoverageMs').integer(0, windowMs),
  };
}

/**
 * The strictest combination of several profiles: every rule of every profile applies, within
 * the intersection of their ranges, at the shortest logging interval and the lowest MKT limit.
 */
export function strictestProfile(
  profiles: readonly TemperatureProfile[],
  field: string,
): TemperatureProfile {
  const distinct = [...new Map(profiles.map((p) => [marshal(p), p])).values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const [first] = distinct;
  if (first === undefined) {
    throw validationFailed(field, 'required', `${field} is required`);
  }
  if (distinct.length === 1) {
    return first;
  }
  const minMilliC = Math.max(...distinct.map((p) => p.range.minMilliC));
  const maxMilliC = Math.min(...distinct.map((p) => p.range.maxMilliC));
  if (minMilliC > maxMilliC) {
    throw validationFailed(field, 'incompatible', 'the lots have disjoint temperature ranges');
  }
  const mkts = distinct.flatMap((p) => (p.mkt === null ? [] : [p.mkt]));
  mkts.sort((a, b) => a.limitMilliC - b.limitMilliC || a.windowMs - b.windowMs);
  const rules = distinct.flatMap((p) =>
    p.rules.map((rule) => ({ ...rule, id: `${p.name}.${rule.id}` })),
  );
  // Names and ids may hold '.', and two custom profiles may share a name: a clash would merge
  // two rules' stretches into one, so the shipment must name its profile explicitly instead.
  if (new Set(rules.map((rule) => rule.id)).size !== rules.length) {
    throw validationFailed(
      field,
      'rule-id-clash',
      "the lots' profiles give two rules the same prefixed id; give the shipment a profile",
    );
  }
  return {
    name: distinct.map((p) => p.name).join('+'),
    range: { minMilliC, maxMilliC },
    rules,
    mkt: mkts[0] ?? null,
    maxLoggingIntervalMs: Math.min(...distinct.map((p) => p.maxLoggingIntervalMs)),
  };
}
