import fc from 'fast-check';
import type { ExcursionAlert } from './excursionalert';
import { ExcursionEvaluator, type TimedReading, emptyTrack } from './excursionevaluator';
import { findPreset } from './profilepresets';
import {
  type ReadingSpec,
  auditor,
  batchJson,
  sensorGateway,
  shipmentInTransit,
  startMs,
  alertsJson,
} from './testing/testfixtures';
import { type TemperatureProfile, isBeyond, isInRange } from './temperatureprofile';

/*
 * Issue 9: alerts count physical events, not readings. However readings are spaced, ordered and
 * batched, a sensor has at most one alert per maximal run of readings beyond a rule's threshold
 * (exactly one for the range and hard limits, which have no duration to reach), at most one
 * CUMULATIVE per rule, and at most one DATA_GAP per maximal run of over-long intervals.
 */

const minute = 60_000;
const profile = findPreset('refrigerated-2-8')!;

/** Maximal runs of consecutive elements that satisfy `holds`. */
function runs<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let count = 0;
  let inside = false;
  for (const item of items) {
    if (holds(item) && !inside) {
      count += 1;
    }
    inside = holds(item);
  }
  return count;
}

/** Per alert kind (`type:ruleId`): the most alerts the sensor's readings allow, and whether exactly. */
function bounds(
  p: TemperatureProfile,
  readings: readonly TimedReading[],
  observedAtMs: number | null,
): Map<string, { max: number; exact: boolean }> {
  const sorted = [...readings].sort((a, b) => a.ms - b.ms);
  const result = new Map<string, { max: number; exact: boolean }>();
  result.set('OUT_OF_RANGE:range', {
    max: runs(sorted, (r) => !isInRange(p, r.milliC)),
    exact: true,
  });
  for (const rule of p.rules) {
    const beyond = runs(sorted, (r) => isBeyond(rule, r.milliC));
    result.set(`${rule.kind}:${rule.id}`, {
      max: rule.kind === 'CUMULATIVE' ? Math.min(beyond, 1) : beyond,
      exact: rule.kind === 'HARD_LIMIT',
    });
  }
  // Intervals between readings, and the silence since the last one by the observation time.
  const intervals = sorted.slice(1).map((r, i) => r.ms - (sorted[i]?.ms ?? r.ms));
  const last = sorted.at(-1);
  if (observedAtMs !== null && last !== undefined) {
    intervals.push(observedAtMs - last.ms);
  }
  result.set('DATA_GAP:gap', {
    max: runs(intervals, (ms) => ms > p.maxLoggingIntervalMs),
    exact: false,
  });
  return result;
}

function countByKind(
  alerts: readonly Pick<ExcursionAlert, 'type' | 'ruleId'>[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const alert of alerts) {
    const kind = `${alert.type}:${alert.ruleId}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

function expectWithinBounds(
  alerts: readonly Pick<ExcursionAlert, 'type' | 'ruleId'>[],
  readings: readonly TimedReading[],
  observedAtMs: number | null,
): void {
  const counts = countByKind(alerts.filter((alert) => alert.type !== 'MKT'));
  const limits = bounds(profile, readings, observedAtMs);
  for (const kind of counts.keys()) {
    expect(limits.has(kind)).toBe(true);
  }
  for (const [kind, { max, exact }] of limits) {
    const count = counts.get(kind) ?? 0;
    // The kind rides along so that a failure names it.
    if (exact) {
      expect({ kind, count }).toEqual({ kind, count: max });
    } else {
      expect({ kind, count, atMost: count <= max }).toEqual({ kind, count, atMost: true });
    }
  }
}

// Intervals around the profile's 15 min, temperatures across every threshold of the preset.
const intervalMinutes = fc.constantFrom(1, 5, 10, 15, 16, 20, 30, 45, 120, 600);
const celsius = fc.constantFrom(-1, 0, 1.5, 2, 5, 8, 8.5, 12, 25, 26);
const sensorSeries = fc.array(fc.tuple(intervalMinutes, celsius), { minLength: 1, maxLength: 60 });

/** Readings from the steps, starting an hour before transit so clipping is exercised too. */
function timed(steps: readonly (readonly [number, number])[]): TimedReading[] {
  let ms = startMs - 60 * minute;
  return steps.map(([gap, c]) => {
    ms += gap * minute;
    return { ms, milliC: Math.round(c * 1000) };
  });
}

describe('alerts per sensor are bounded by maximal runs (property)', () => {
  it('holds for the evaluator over any readings, transit start and observation time', () => {
    fc.assert(
      fc.property(
        sensorSeries,
        fc.option(fc.integer({ min: -120, max: 600 })),
        fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 })),
        (steps, transitOffset, observedOffset) => {
          const readings = timed(steps);
          const last = readings.at(-1)?.ms ?? startMs;
          const observedAtMs = observedOffset === null ? null : last + observedOffset * minute;
          const transit = {
            startMs: transitOffset === null ? null : startMs + transitOffset * minute,
            endMs: null,
          };
          const outcome = new ExcursionEvaluator(profile, transit, observedAtMs).fold(
            emptyTrack('S1'),
            readings,
          );
          const alerts = [...outcome.values()].filter((a) => a !== null);
          expectWithinBounds(alerts, readings, observedAtMs);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('holds on the ledger whatever the order and batching of two sensors’ readings', async () => {
    await fc.assert(
      fc.asyncProperty(
        sensorSeries,
        sensorSeries,
        fc.func(fc.integer()),
        fc.integer({ min: 1, max: 50 }),
        async (stepsA, stepsB, shuffleKey, batchSize) => {
          const bySensor = new Map([
            ['S1', timed(stepsA)],
            ['S2', timed(stepsB)],
          ]);
          const specs: ReadingSpec[] = [...bySensor].flatMap(([sensorId, readings]) =>
            readings.map((r) => ({ sensorId, ms: r.ms, celsius: r.milliC / 1000 })),
          );
          specs.sort(
            (a, b) => shuffleKey(`${a.sensorId}${a.ms}`) - shuffleKey(`${b.sensorId}${b.ms}`),
          );
          const ledger = await shipmentInTransit();
          ledger.timeMs = Math.max(...specs.map((r) => r.ms)) + 60 * minute;
          for (let i = 0; i < specs.length; i += batchSize) {
            await ledger.invoke(
              sensorGateway,
              'SubmitReadings',
              'SHP-1',
              batchJson(`B${i}`, specs.slice(i, i + batchSize)),
            );
          }
          const alerts = (
            JSON.parse(await alertsJson(ledger, auditor, 'SHP-1')) as ExcursionAlert[]
          ).filter((alert) => alert.status !== 'WITHDRAWN');
          for (const [sensorId, readings] of bySensor) {
            expectWithinBounds(
              alerts.filter((alert) => alert.sensorId === sensorId),
              readings,
              ledger.timeMs,
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('a coarse logger (issue 9: 30 min sampling on a 15 min profile)', () => {
  // The shape of the real shipment in the issue (an Onset HOBOware export sampling every 30 min,
  // 10,990 alerts under the old rules): four weeks of 5 °C with three excursions.
  const sampleMs = 30 * minute;
  const count = 28 * 48;
  const excursions = new Map<number, number>([
    [200, 10], // a warm spell of 5 readings: 2.5 h above 8 °C, longer than the 2 h rule
    [201, 10.5],
    [202, 11],
    [203, 10],
    [204, 9],
    [600, 1], // below the range
    [1000, -0.5], // freezing
  ]);
  const readings: ReadingSpec[] = Array.from({ length: count }, (_, i) => ({
    sensorId: 'HOBO-20012345',
    ms: startMs + i * sampleMs,
    celsius: excursions.get(i) ?? 5,
  }));

  it('gives a handful of alerts, not thousands, each stating its unlogged time', async () => {
    const ledger = await shipmentInTransit();
    ledger.timeMs = startMs + count * sampleMs;
    for (let i = 0; i < readings.length; i += 500) {
      await ledger.invoke(
        sensorGateway,
        'SubmitReadings',
        'SHP-1',
        batchJson(`B${i}`, readings.slice(i, i + 500)),
      );
    }
    const alerts = JSON.parse(await alertsJson(ledger, auditor, 'SHP-1')) as ExcursionAlert[];
    const active = alerts.filter((alert) => alert.status !== 'WITHDRAWN');
    expect(
      active.map((a) => `${a.type}:${a.ruleId}@${(a.startMs - startMs) / sampleMs}`).sort(),
    ).toEqual([
      'CONTINUOUS:above-8-continuous@200',
      'DATA_GAP:gap@0',
      'HARD_LIMIT:freezing@1000',
      'OUT_OF_RANGE:range@1000',
      'OUT_OF_RANGE:range@200',
      'OUT_OF_RANGE:range@600',
    ]);
    const gap = active.find((a) => a.type === 'DATA_GAP');
    expect(gap).toMatchObject({
      limitMs: 15 * minute,
      loggingIntervals: { count: count - 1, shortestMs: sampleMs, longestMs: sampleMs },
      // Silent for 30 min by the last batch: the same finding goes on.
      durationMs: count * sampleMs,
      ongoing: true,
    });
    expect(active.find((a) => a.type === 'CONTINUOUS')).toMatchObject({
      durationMs: 5 * sampleMs,
      coverage: { coveredMs: 0, uncoveredMs: 5 * sampleMs, uncoveredGaps: 5 },
    });
    // Every alert ever raised, withdrawn ones included, stays a handful across the batches.
    expect(alerts.length).toBeLessThan(10);
  });
});
