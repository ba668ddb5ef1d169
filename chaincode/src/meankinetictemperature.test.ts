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

  it('reproduces a published worked example: 20 °C 2 h, 2 °C 4 h, 25 °C 1 h give 15.7 °C', () => {
    // Isopharm, "What is Mean Kinetic Temperature?",
    // https://systems.isopharm.co.uk/mean-kinetic-temperature/ : "A product is sat in a 20º C
    // room for 2 hours, in 2º C refrigeration for 4 hours, and on a 25º C loading dock for 1 hour
    // Using MKT we can calculate that temperature profile of the product was 'thermally
    // equivalent' to storing them at 15.7º C for 7 hours." (R = 8.314472 J/mol·K there.)
    // The page does not restate ΔH for the example; 15.7 °C is what ΔH = 83.144 kJ/mol gives
    // (USP <1160>: "ΔH ... equals 83.144 kJ per mol"; 80 kJ/mol would give 15.5, 90 kJ/mol
    // 16.0), the value fixed here as ΔH/R = 10,000 K.
    const profile: TemperatureProfile = {
      name: 'isopharm',
      range: { minMilliC: -50_000, maxMilliC: 50_000 },
      rules: [],
      mkt: { limitMilliC: 15_000, windowMs: 86_400_000, minCoverageMs: 7 * 3_600_000 },
      maxLoggingIntervalMs: 4 * 3_600_000,
    };
    const t0 = Date.UTC(2026, 0, 1);
    // Sample and hold: each reading holds until the next; the last one closes the 7 hours.
    const readings = [
      { ms: t0, milliC: 20_000 },
      { ms: t0 + 2 * 3_600_000, milliC: 2_000 },
      { ms: t0 + 6 * 3_600_000, milliC: 25_000 },
      { ms: t0 + 7 * 3_600_000, milliC: 2_000 },
    ];
    const [alert] = [
      ...new ExcursionEvaluator(profile, { startMs: null, endMs: null })
        .fold(emptyTrack('S'), readings)
        .values(),
    ];
    expect(alert).toMatchObject({ type: 'MKT', durationMs: 7 * 3_600_000 });
    // Stored to 0.01 °C; the source gives 0.1 °C.
    expect(alert?.mktMilliC).toBe(15_680);
    expect(Math.round((alert?.mktMilliC ?? 0) / 100) / 10).toBe(15.7);
  });

  it('compares the unrounded MKT with the limit: 8.004 °C exceeds 8 °C though stored as 8.00', () => {
    const profile: TemperatureProfile = {
      name: 'tight',
      range: { minMilliC: -50_000, maxMilliC: 50_000 },
      rules: [],
      mkt: { limitMilliC: 8000, windowMs: 86_400_000, minCoverageMs: 6 * 3_600_000 },
      maxLoggingIntervalMs: 4 * 3_600_000,
    };
    const t0 = Date.UTC(2026, 0, 1);
    const readings = Array.from({ length: 9 }, (_, hour) => ({
      ms: t0 + hour * 3_600_000,
      milliC: 8004,
    }));
    const alerts = [
      ...new ExcursionEvaluator(profile, { startMs: null, endMs: null })
        .fold(emptyTrack('S'), readings)
        .values(),
    ].filter((alert) => alert !== null);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: 'MKT', thresholdMilliC: 8000, mktMilliC: 8000 });
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
