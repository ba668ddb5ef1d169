import type { TemperatureProfile } from './temperatureprofile';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

/** Named profiles for the common product classes (docs/chaincode-api.md, Presets). */
export const profilePresets: readonly TemperatureProfile[] = [
  {
    name: 'refrigerated-2-8',
    range: { minMilliC: 2000, maxMilliC: 8000 },
    rules: [
      {
        id: 'freezing',
        kind: 'HARD_LIMIT',
        direction: 'BELOW',
        thresholdMilliC: 0,
        inclusive: true,
        durationMs: 0,
      },
      {
        id: 'heat',
        kind: 'HARD_LIMIT',
        direction: 'ABOVE',
        thresholdMilliC: 25_000,
        inclusive: false,
        durationMs: 0,
      },
      {
        id: 'above-8-continuous',
        kind: 'CONTINUOUS',
        direction: 'ABOVE',
        thresholdMilliC: 8000,
        inclusive: false,
        durationMs: 2 * hourMs,
      },
      {
        id: 'above-8-cumulative',
        kind: 'CUMULATIVE',
        direction: 'ABOVE',
        thresholdMilliC: 8000,
        inclusive: false,
        durationMs: 12 * hourMs,
      },
    ],
    mkt: { limitMilliC: 8000, windowMs: 24 * hourMs, minCoverageMs: 6 * hourMs },
    maxLoggingIntervalMs: 15 * minuteMs,
  },
  {
    name: 'crt-15-25',
    range: { minMilliC: 15_000, maxMilliC: 25_000 },
    rules: [
      {
        id: 'freezing',
        kind: 'HARD_LIMIT',
        direction: 'BELOW',
        thresholdMilliC: 0,
        inclusive: true,
        durationMs: 0,
      },
      {
        id: 'heat',
        kind: 'HARD_LIMIT',
        direction: 'ABOVE',
        thresholdMilliC: 40_000,
        inclusive: false,
        durationMs: 0,
      },
      {
        id: 'above-30-continuous',
        kind: 'CONTINUOUS',
        direction: 'ABOVE',
        thresholdMilliC: 30_000,
        inclusive: false,
        durationMs: 24 * hourMs,
      },
      {
        id: 'below-15-continuous',
        kind: 'CONTINUOUS',
        direction: 'BELOW',
        thresholdMilliC: 15_000,
        inclusive: false,
        durationMs: 24 * hourMs,
      },
    ],
    mkt: { limitMilliC: 25_000, windowMs: 24 * hourMs, minCoverageMs: 6 * hourMs },
    maxLoggingIntervalMs: 15 * minuteMs,
  },
  {
    name: 'frozen-minus25-minus10',
    range: { minMilliC: -25_000, maxMilliC: -10_000 },
    rules: [
      {
        id: 'thawing',
        kind: 'HARD_LIMIT',
        direction: 'ABOVE',
        thresholdMilliC: 0,
        inclusive: true,
        durationMs: 0,
      },
      {
        id: 'above-minus10-continuous',
        kind: 'CONTINUOUS',
        direction: 'ABOVE',
        thresholdMilliC: -10_000,
        inclusive: false,
        durationMs: hourMs,
      },
    ],
    mkt: null,
    maxLoggingIntervalMs: 15 * minuteMs,
  },
  {
    // WHO PQS E006 shipping-indicator alarms: the threshold value itself is a breach.
    name: 'who-pqs-e006-shipping',
    range: { minMilliC: -499, maxMilliC: 29_999 },
    rules: [
      {
        id: 'heat-45-1h',
        kind: 'CONTINUOUS',
        direction: 'ABOVE',
        thresholdMilliC: 45_000,
        inclusive: true,
        durationMs: hourMs,
      },
      {
        id: 'heat-30-10h',
        kind: 'CUMULATIVE',
        direction: 'ABOVE',
        thresholdMilliC: 30_000,
        inclusive: true,
        durationMs: 10 * hourMs,
      },
      {
        id: 'freeze-minus0.5-1h',
        kind: 'CONTINUOUS',
        direction: 'BELOW',
        thresholdMilliC: -500,
        inclusive: true,
        durationMs: hourMs,
      },
    ],
    mkt: null,
    maxLoggingIntervalMs: 10 * minuteMs,
  },
];

export function findPreset(name: string): TemperatureProfile | undefined {
  return profilePresets.find((preset) => preset.name === name);
}
