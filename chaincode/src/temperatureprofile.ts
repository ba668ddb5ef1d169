import {
  type ExcursionRule,
  type JsonReader,
  type TemperatureProfile,
  marshal,
  readTemperatureProfile,
} from '@coldtrace/protocol';
import { validationFailed } from './chaincodeerror';
import { findPreset } from './profilepresets';

export type {
  Direction,
  ExcursionRule,
  MktRule,
  RuleKind,
  TemperatureProfile,
} from '@coldtrace/protocol';

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

/** A preset name or a full profile object, held to the input limits. */
export function parseProfile(input: JsonReader): TemperatureProfile {
  if (input.isString()) {
    const preset = findPreset(input.asString());
    if (preset === undefined) {
      throw validationFailed(input.path, 'preset', `${input.path} is not a known preset`);
    }
    return preset;
  }
  return readTemperatureProfile(input, 'input');
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
