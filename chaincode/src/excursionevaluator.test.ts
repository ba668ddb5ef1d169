import {
  type DerivedAlert,
  ExcursionEvaluator,
  type TimedReading,
  emptyTrack,
} from './excursionevaluator';
import { findPreset } from './profilepresets';
import type { TemperatureProfile } from './temperatureprofile';

const minute = 60_000;
const hour = 60 * minute;
const t0 = Date.UTC(2026, 10, 23, 0, 0, 0);

// Range 2-8 °C, logging every 10 min at most; one rule of each kind, numbers easy to reason on.
const profile: TemperatureProfile = {
  name: 'test',
  range: { minMilliC: 2000, maxMilliC: 8000 },
  rules: [
    {
      id: 'hot-1h',
      kind: 'CONTINUOUS',
      direction: 'ABOVE',
      thresholdMilliC: 8000,
      inclusive: false,
      durationMs: hour,
    },
    {
      id: 'hot-2h-total',
      kind: 'CUMULATIVE',
      direction: 'ABOVE',
      thresholdMilliC: 8000,
      inclusive: false,
      durationMs: 2 * hour,
    },
    {
      id: 'frozen',
      kind: 'HARD_LIMIT',
      direction: 'BELOW',
      thresholdMilliC: 0,
      inclusive: true,
      durationMs: 0,
    },
  ],
  mkt: null,
  maxLoggingIntervalMs: 10 * minute,
};

/** Readings every `stepMin` minutes from t0 with the given °C values. */
function series(celsius: readonly number[], stepMin = 5, startMs = t0): TimedReading[] {
  return celsius.map((c, i) => ({
    ms: startMs + i * stepMin * minute,
    milliC: Math.round(c * 1000),
  }));
}

function evaluate(
  readings: readonly TimedReading[],
  p = profile,
  transitStartMs: number | null = t0,
): DerivedAlert[] {
  const outcome = new ExcursionEvaluator(p, { startMs: transitStartMs, endMs: null }).fold(
    emptyTrack('S1'),
    readings,
  );
  return [...outcome.values()].filter((alert): alert is DerivedAlert => alert !== null);
}

function ofType(alerts: DerivedAlert[], type: DerivedAlert['type']): DerivedAlert[] {
  return alerts.filter((alert) => alert.type === type);
}

describe('out of range (rule 1)', () => {
  it('opens a WARNING excursion on the first reading outside the range and closes it back in range', () => {
    const alerts = evaluate(series([5, 8.001, 9.5, 8.5, 8, 5]));
    const [excursion] = ofType(alerts, 'OUT_OF_RANGE');
    expect(excursion).toMatchObject({
      severity: 'WARNING',
      startMs: t0 + 5 * minute,
      endMs: t0 + 20 * minute,
      durationMs: 15 * minute,
      peakMilliC: 9500,
      ongoing: false,
      direction: 'ABOVE',
      thresholdMilliC: 8000,
    });
  });

  it('treats the range bounds themselves as in range', () => {
    expect(ofType(evaluate(series([2, 8, 2, 8])), 'OUT_OF_RANGE')).toHaveLength(0);
  });

  it('keeps an excursion ongoing while no in-range reading follows', () => {
    const [excursion] = ofType(evaluate(series([5, 1.5, 1])), 'OUT_OF_RANGE');
    expect(excursion).toMatchObject({
      ongoing: true,
      endMs: null,
      durationMs: 5 * minute,
      peakMilliC: 1000,
      direction: 'BELOW',
    });
  });
});

describe('continuous rule (rule 2)', () => {
  it('does not fire for a stretch of exactly its time', () => {
    // 12 readings 5 min apart above 8 °C, then back: 60 min beyond.
    const readings = series([5, ...Array<number>(12).fill(9), 5]);
    expect(ofType(evaluate(readings), 'CONTINUOUS')).toHaveLength(0);
  });

  it('fires CRITICAL for a stretch one interval longer than its time', () => {
    const readings = series([5, ...Array<number>(13).fill(9), 5]);
    const [alert] = ofType(evaluate(readings), 'CONTINUOUS');
    expect(alert).toMatchObject({
      severity: 'CRITICAL',
      ruleId: 'hot-1h',
      durationMs: 65 * minute,
      limitMs: hour,
    });
  });

  // Changed with issue 9: a gap no longer breaks a stretch. Unlogged time inside an excursion
  // counts as excursion (conservative), and the alert states how much of it was unlogged.
  it('goes on through a gap longer than the logging interval, stating it as uncovered', () => {
    const before = series(Array<number>(8).fill(9));
    const after = series(Array<number>(8).fill(9), 5, t0 + 60 * minute);
    // 35 min + gap of 25 min + 35 min: one stretch of 95 min, 25 of them unlogged.
    const [alert] = ofType(evaluate([...before, ...after]), 'CONTINUOUS');
    expect(alert).toMatchObject({
      startMs: t0,
      durationMs: 95 * minute,
      ongoing: true,
      coverage: { coveredMs: 70 * minute, uncoveredMs: 25 * minute, uncoveredGaps: 1 },
    });
  });

  it('compares the whole span, unlogged time included, strictly with its time', () => {
    // 9 °C at t0 and t0 + 30 min, 5 °C at t0 + 60 min: a span of exactly 1 h, all unlogged.
    const exactly = [
      { ms: t0, milliC: 9000 },
      { ms: t0 + 30 * minute, milliC: 9000 },
      { ms: t0 + hour, milliC: 5000 },
    ];
    expect(ofType(evaluate(exactly), 'CONTINUOUS')).toHaveLength(0);
    const longer = [...exactly.slice(0, 2), { ms: t0 + hour + 1, milliC: 5000 }];
    expect(ofType(evaluate(longer), 'CONTINUOUS')).toEqual([
      expect.objectContaining({
        durationMs: hour + 1,
        endMs: t0 + hour + 1,
        coverage: { coveredMs: 0, uncoveredMs: hour + 1, uncoveredGaps: 2 },
      }),
    ]);
  });
});

describe('cumulative rule (rule 3)', () => {
  function pulses(count: number): TimedReading[] {
    // Each pulse: 30 min above 8 °C (7 readings, 5 min apart), then 30 min in range.
    const values: number[] = [];
    for (let i = 0; i < count; i += 1) {
      values.push(...Array<number>(6).fill(9), ...Array<number>(6).fill(5));
    }
    return series(values);
  }

  it('does not fire at exactly its budget', () => {
    expect(ofType(evaluate(pulses(4)), 'CUMULATIVE')).toHaveLength(0);
  });

  it('fires once the total exceeds its budget, with one alert per sensor and rule', () => {
    const readings = [
      ...pulses(4),
      { ms: t0 + 4 * hour, milliC: 9000 },
      { ms: t0 + 4 * hour + minute, milliC: 5000 },
    ];
    const alerts = ofType(evaluate(readings), 'CUMULATIVE');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      alertId: 'CUMULATIVE:hot-2h-total:S1',
      durationMs: 2 * hour + minute,
      startMs: t0,
    });
  });
});

describe('hard limit (rule 4)', () => {
  it('fires CRITICAL for a single reading at an inclusive threshold', () => {
    const [alert] = ofType(evaluate(series([5, 0, 5])), 'HARD_LIMIT');
    expect(alert).toMatchObject({
      severity: 'CRITICAL',
      ruleId: 'frozen',
      peakMilliC: 0,
      startMs: t0 + 5 * minute,
    });
  });

  it('does not fire just inside the threshold', () => {
    expect(ofType(evaluate(series([5, 0.001, 5])), 'HARD_LIMIT')).toHaveLength(0);
  });
});

describe('data gap (rule 6)', () => {
  it('raises DATA_GAP for a silence longer than the logging interval in transit', () => {
    const readings = [
      { ms: t0, milliC: 5000 },
      { ms: t0 + 10 * minute + 1, milliC: 5000 },
    ];
    const [gap] = ofType(evaluate(readings), 'DATA_GAP');
    expect(gap).toMatchObject({
      durationMs: 10 * minute + 1,
      startMs: t0,
      endMs: t0 + 10 * minute + 1,
    });
  });

  it('accepts a silence of exactly the logging interval', () => {
    const readings = [
      { ms: t0, milliC: 5000 },
      { ms: t0 + 10 * minute, milliC: 5000 },
    ];
    expect(ofType(evaluate(readings), 'DATA_GAP')).toHaveLength(0);
  });

  it('ignores silences before the shipment is in transit', () => {
    const readings = [
      { ms: t0, milliC: 5000 },
      { ms: t0 + hour, milliC: 5000 },
    ];
    expect(ofType(evaluate(readings, profile, null), 'DATA_GAP')).toHaveLength(0);
    expect(ofType(evaluate(readings, profile, t0 + 55 * minute), 'DATA_GAP')).toHaveLength(0);
    expect(ofType(evaluate(readings, profile, t0 + 45 * minute), 'DATA_GAP')).toHaveLength(1);
  });
});

describe('data gap: one finding per run of over-long intervals (issue 9)', () => {
  it('makes coarse sampling one finding that states the logger’s intervals and the profile’s', () => {
    // A logger sampling every 25 min on a 10 min profile for 5 h: 12 over-long intervals.
    const readings = series(Array<number>(13).fill(5), 25);
    const gaps = ofType(evaluate(readings), 'DATA_GAP');
    expect(gaps).toEqual([
      expect.objectContaining({
        alertId: `DATA_GAP:gap:S1:${t0}`,
        startMs: t0,
        endMs: t0 + 300 * minute,
        ongoing: false,
        durationMs: 300 * minute,
        limitMs: 10 * minute,
        loggingIntervals: { count: 12, shortestMs: 25 * minute, longestMs: 25 * minute },
        coverage: null,
      }),
    ]);
  });

  it('ends a run at a covered interval; the next over-long interval starts another', () => {
    const readings = [
      { ms: t0, milliC: 5000 },
      { ms: t0 + 20 * minute, milliC: 5000 },
      { ms: t0 + 50 * minute, milliC: 5000 },
      { ms: t0 + 55 * minute, milliC: 5000 },
      { ms: t0 + 70 * minute, milliC: 5000 },
    ];
    const gaps = ofType(evaluate(readings), 'DATA_GAP');
    expect(
      gaps.map((gap) => [gap.startMs, gap.endMs, gap.durationMs, gap.loggingIntervals]),
    ).toEqual([
      [
        t0,
        t0 + 50 * minute,
        50 * minute,
        { count: 2, shortestMs: 20 * minute, longestMs: 30 * minute },
      ],
      [
        t0 + 55 * minute,
        t0 + 70 * minute,
        15 * minute,
        { count: 1, shortestMs: 15 * minute, longestMs: 15 * minute },
      ],
    ]);
  });

  it('counts only the run’s time inside the transit period, and raises it only beyond the interval', () => {
    const readings = series(Array<number>(5).fill(5), 20);
    // Transit starts 65 min in: 15 min of the 4th interval and all of the 5th count.
    expect(ofType(evaluate(readings, profile, t0 + 65 * minute), 'DATA_GAP')).toEqual([
      expect.objectContaining({ startMs: t0, durationMs: 15 * minute }),
    ]);
    // Transit starts 72 min in: 8 min count, no longer than the interval.
    expect(ofType(evaluate(readings, profile, t0 + 72 * minute), 'DATA_GAP')).toHaveLength(0);
  });

  it('lets one excursion sampled coarsely stay one alert, and counts its unlogged time', () => {
    // Every 20 min: 5, 9, 9, 9, 5 °C, 9 °C from t0 + 20 min to t0 + 80 min.
    const readings = series([5, 9, 9, 9, 5], 20);
    const alerts = evaluate(readings);
    expect(ofType(alerts, 'OUT_OF_RANGE')).toEqual([
      expect.objectContaining({
        startMs: t0 + 20 * minute,
        endMs: t0 + 80 * minute,
        durationMs: hour,
        coverage: { coveredMs: 0, uncoveredMs: hour, uncoveredGaps: 3 },
      }),
    ]);
    expect(ofType(alerts, 'CONTINUOUS')).toHaveLength(0);
  });

  it('totals unlogged breach time in CUMULATIVE, stated apart', () => {
    // 9 °C held through a 40 min unlogged interval, then 90 min logged every 5 min.
    const readings = [
      { ms: t0, milliC: 9000 },
      ...series(Array<number>(19).fill(9), 5, t0 + 40 * minute),
      { ms: t0 + 135 * minute, milliC: 5000 },
    ];
    expect(ofType(evaluate(readings), 'CUMULATIVE')).toEqual([
      expect.objectContaining({
        durationMs: 135 * minute,
        coverage: { coveredMs: 95 * minute, uncoveredMs: 40 * minute, uncoveredGaps: 1 },
      }),
    ]);
  });

  it('leaves unlogged time out of MKT', () => {
    const mktProfile: TemperatureProfile = {
      ...profile,
      rules: [],
      mkt: { limitMilliC: 8000, windowMs: 24 * hour, minCoverageMs: hour },
    };
    // 30 °C for 70 min unlogged, then 5 °C logged every 5 min for 12 h: MKT of the logged part.
    const readings = [
      { ms: t0, milliC: 30_000 },
      ...series(Array<number>(145).fill(5), 5, t0 + 70 * minute),
    ];
    const alerts = evaluate(readings, mktProfile);
    expect(ofType(alerts, 'MKT')).toHaveLength(0);
    expect(ofType(alerts, 'DATA_GAP')).toHaveLength(1);
  });
});

describe('data gap: silence since the last reading (rule 6)', () => {
  const silenceOf = (last: number, observedAtMs: number, endMs: number | null = null) => {
    const track = emptyTrack('S1');
    track.last = { ms: last, milliC: 5000 };
    const outcome = new ExcursionEvaluator(profile, { startMs: t0, endMs }, observedAtMs).silence(
      track,
    );
    return outcome.get(`DATA_GAP:gap:S1:${last}`);
  };

  it('is an ongoing DATA_GAP measured to the transaction time once longer than the interval', () => {
    expect(silenceOf(t0 + hour, t0 + hour + 10 * minute)).toBeNull();
    expect(silenceOf(t0 + hour, t0 + hour + 10 * minute + 1)).toMatchObject({
      type: 'DATA_GAP',
      severity: 'WARNING',
      startMs: t0 + hour,
      endMs: null,
      ongoing: true,
      durationMs: 10 * minute + 1,
    });
  });

  it('counts only the silence inside the transit period', () => {
    // Last reading before transit: measured from the start of transit.
    expect(silenceOf(t0 - hour, t0 + 11 * minute)).toMatchObject({ durationMs: 11 * minute });
    // Delivered: measured to delivery, however late the transaction.
    expect(silenceOf(t0, t0 + 9 * hour, t0 + 2 * hour)).toMatchObject({
      durationMs: 2 * hour,
      ongoing: true,
    });
    expect(silenceOf(t0, t0 + 9 * hour, t0 + 5 * minute)).toBeNull();
  });

  // Changed with issue 9: the silence is part of the gap run it follows, so a reading that ends
  // it with another over-long interval extends that run instead of closing a gap of its own.
  it('is folded into the gap run the next reading continues, under the same id', () => {
    const evaluator = new ExcursionEvaluator(profile, { startMs: t0, endMs: null }, t0 + hour);
    const track = emptyTrack('S1');
    const first = evaluator.fold(track, [{ ms: t0, milliC: 5000 }]);
    expect(first.get(`DATA_GAP:gap:S1:${t0}`)).toMatchObject({
      ongoing: true,
      durationMs: hour,
      loggingIntervals: { count: 0, shortestMs: null, longestMs: null },
    });
    // 30 min later, and silent again for 30 min by the observation time: still ongoing.
    const continued = evaluator.fold(track, [{ ms: t0 + 30 * minute, milliC: 5000 }]);
    expect(continued.get(`DATA_GAP:gap:S1:${t0}`)).toMatchObject({
      ongoing: true,
      endMs: null,
      durationMs: hour,
      loggingIntervals: { count: 1, shortestMs: 30 * minute, longestMs: 30 * minute },
    });
    // 25 min later, 5 min before the observation time: the silence is over, the run closed.
    const closed = evaluator.fold(track, [{ ms: t0 + 55 * minute, milliC: 5000 }]);
    expect(closed.get(`DATA_GAP:gap:S1:${t0}`)).toMatchObject({
      ongoing: false,
      endMs: t0 + 55 * minute,
      durationMs: 55 * minute,
      loggingIntervals: { count: 2, shortestMs: 25 * minute, longestMs: 30 * minute },
    });
  });

  it('is withdrawn when the next reading comes within the logging interval', () => {
    const evaluator = new ExcursionEvaluator(profile, { startMs: t0, endMs: null }, t0 + hour);
    const track = emptyTrack('S1');
    evaluator.fold(track, [{ ms: t0 + 30 * minute, milliC: 5000 }]);
    const filled = evaluator.fold(track, [
      { ms: t0 + 35 * minute, milliC: 5000 },
      { ms: t0 + 45 * minute, milliC: 5000 },
      { ms: t0 + 55 * minute, milliC: 5000 },
    ]);
    expect(filled.get(`DATA_GAP:gap:S1:${t0 + 30 * minute}`)).toBeNull();
    expect([...filled.values()].filter((a) => a !== null)).toEqual([]);
  });
});

describe('WHO PQS E006 preset: the threshold value itself is a breach', () => {
  const e006 = findPreset('who-pqs-e006-shipping')!;

  it('fires heat-45-1h for 45.0 °C held longer than 1 h, not for 44.999 °C', () => {
    const at45 = series(Array<number>(8).fill(45), 10);
    const below = series(Array<number>(8).fill(44.999), 10);
    expect(ofType(evaluate(at45, e006), 'CONTINUOUS').map((a) => a.ruleId)).toEqual(['heat-45-1h']);
    expect(ofType(evaluate(below, e006), 'CONTINUOUS')).toHaveLength(0);
  });

  it('fires freeze for -0.5 °C held longer than 1 h', () => {
    const alerts = ofType(evaluate(series(Array<number>(8).fill(-0.5), 10), e006), 'CONTINUOUS');
    expect(alerts.map((a) => a.ruleId)).toEqual(['freeze-minus0.5-1h']);
  });
});

describe('incremental folding', () => {
  it('gives the same track and alerts whether a series is folded at once or in parts', () => {
    const readings = series([5, 9, 9, 9, -1, 5, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1, 5]);
    const evaluator = new ExcursionEvaluator(profile, { startMs: t0, endMs: null });
    const whole = emptyTrack('S1');
    const wholeAlerts = evaluator.fold(whole, readings);
    const parts = emptyTrack('S1');
    const merged = new Map(evaluator.fold(parts, readings.slice(0, 7)));
    for (const [id, alert] of evaluator.fold(parts, readings.slice(7))) {
      merged.set(id, alert);
    }
    expect(parts).toEqual(whole);
    expect([...merged.entries()].filter(([, a]) => a !== null).sort()).toEqual(
      [...wholeAlerts.entries()].filter(([, a]) => a !== null).sort(),
    );
  });
});
