import { ExcursionEvaluator, emptyTrack } from './excursionevaluator';
import { exposureTerm, mktMilliC } from './meankinetictemperature';
import type { TemperatureProfile } from './temperatureprofile';

/** MKT as defined in USP <1079.2> / WHO TRS 961 Annex 9 for equally spaced readings, in °C. */
function referenceMkt(celsius: readonly number[]): number {
  const mean =
    celsius.reduce((sum, c) => sum + Math.exp(-10_000 / (c + 273.15)), 0) / celsius.length;
  return 10_000 / -Math.log(mean) - 273.15;
}

function mktOf(celsius: readonly number[], hours = 1): number {
  const durationMs = hours * 3_600_000;
  const exposure = celsius.reduce(
    (sum, c) => sum + exposureTerm(Math.round(c * 1000), durationMs),
    0,
  );
  return mktMilliC(exposure, durationMs * celsius.length);
}

describe('mean kinetic temperature', () => {
  it('equals the temperature itself when it never changes', () => {
    expect(mktOf([5, 5, 5, 5])).toBe(5000);
    expect(mktOf([25, 25])).toBe(25_000);
  });

  it('weights warm periods more than the arithmetic mean (20 °C and 30 °C give 26.26 °C)', () => {
    // Worked by hand from the Arrhenius form with ΔH/R = 10,000 K:
    // Tk = 10000 / -ln((e^(-10000/293.15) + e^(-10000/303.15)) / 2) = 299.4099 K = 26.26 °C.
    expect(mktOf([20, 30])).toBe(26_260);
    expect(referenceMkt([20, 30])).toBeCloseTo(26.26, 2);
  });

  it('matches the reference formula for a refrigerated day with one warm hour (7.76 °C)', () => {
    const day = [...Array<number>(23).fill(5), 25];
    expect(mktOf(day)).toBe(Math.round(referenceMkt(day) * 100) * 10);
    expect(mktOf(day)).toBe(7760);
  });

  it('raises a CRITICAL MKT alert above the limit only once the window is covered enough', () => {
    const profile: TemperatureProfile = {
      name: 'mkt',
      range: { minMilliC: -50_000, maxMilliC: 50_000 },
      rules: [],
      mkt: { limitMilliC: 7_700, windowMs: 86_400_000, minCoverageMs: 12 * 3_600_000 },
      maxLoggingIntervalMs: 3_600_000,
    };
    const t0 = Date.UTC(2026, 0, 1);
    const day = [...Array<number>(23).fill(5), 25, 5].map((c, i) => ({
      ms: t0 + i * 3_600_000,
      milliC: c * 1000,
    }));
    const alerts = [
      ...new ExcursionEvaluator(profile, { startMs: null, endMs: null })
        .fold(emptyTrack('S'), day)
        .values(),
    ];
    expect(alerts.filter((a) => a !== null)).toEqual([
      expect.objectContaining({
        type: 'MKT',
        mktMilliC: 7760,
        durationMs: 86_400_000,
        startMs: t0,
        peakMilliC: 25_000,
      }),
    ]);
    const partial = [
      ...new ExcursionEvaluator(profile, { startMs: null, endMs: null })
        .fold(emptyTrack('S'), day.slice(0, 12).concat(day.slice(23, 24)))
        .values(),
    ];
    expect(partial.filter((a) => a !== null)).toEqual([]);
  });
});
