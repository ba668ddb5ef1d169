import type { ExcursionAlert } from '@coldtrace/protocol';
import { exactMktMilliC, exposureTerm, mktMilliC } from './meankinetictemperature';
import {
  type ExcursionRule,
  type TemperatureProfile,
  isBeyond,
  isInRange,
} from './temperatureprofile';

/** One reading as the rules see it: time and integer temperature. */
export interface TimedReading {
  readonly ms: number;
  readonly milliC: number;
}

export type { AlertType, AlertSeverity as Severity } from '@coldtrace/protocol';

/** The part of an alert that is a pure function of the readings and the profile. */
export type DerivedAlert = Omit<
  ExcursionAlert,
  | 'shipmentId'
  | 'lotIds'
  | 'custodianMspId'
  | 'status'
  | 'raisedAtMs'
  | 'raisedTxId'
  | 'updatedAtMs'
  | 'updatedTxId'
  | 'acknowledgement'
>;

/** Time of a span split by whether the logger covered it (see `AlertCoverage`). */
interface Coverage {
  coveredMs: number;
  uncoveredMs: number;
  uncoveredGaps: number;
}

interface OpenRun extends Coverage {
  startMs: number;
  lastMs: number;
  peakMilliC: number;
}

interface CumulativeTotal extends Coverage {
  startMs: number | null;
  endMs: number | null;
  peakMilliC: number;
}

/** Consecutive over-long intervals between readings: one DATA_GAP finding. */
interface GapRun {
  /** The reading before the first over-long interval: the finding's id. */
  startMs: number;
  /** The reading after the last one. */
  endMs: number;
  intervals: number;
  shortestMs: number;
  longestMs: number;
  /** Their time inside the transit period, as known when they were folded. */
  insideMs: number;
}

interface MktWindow {
  startMs: number;
  exposure: number;
  coveredMs: number;
  peakMilliC: number;
}

/**
 * Compact per-sensor state: everything the rules need to continue from the sensor's last
 * reading, so an in-order batch is folded on without re-reading earlier readings.
 */
export interface SensorTrack {
  sensorId: string;
  count: number;
  last: TimedReading | null;
  runs: Record<string, OpenRun>;
  cumulative: Record<string, CumulativeTotal>;
  mktWindow: MktWindow | null;
  /** Open while the last interval was over-long: the next one may extend it. */
  gapRun: GapRun | null;
  activeAlertIds: string[];
}

/** When the shipment was in transit: DATA_GAP only counts inside this period. */
export interface TransitPeriod {
  readonly startMs: number | null;
  readonly endMs: number | null;
}

/** Alert id → derived alert, or null where an alert with that id must not exist. */
export type AlertOutcome = Map<string, DerivedAlert | null>;

// Rule ids cannot hold '@', so the range run never collides with a rule's run.
const rangeRunKey = '@range';

export function emptyTrack(sensorId: string): SensorTrack {
  return {
    sensorId,
    count: 0,
    last: null,
    runs: {},
    cumulative: {},
    mktWindow: null,
    gapRun: null,
    activeAlertIds: [],
  };
}

/**
 * Folds time-ordered readings (all later than `track.last`) into the track. Folding a sequence
 * in one go or in consecutive parts gives the same track and the same final alerts.
 */
export class ExcursionEvaluator {
  readonly #profile: TemperatureProfile;
  readonly #transit: TransitPeriod;
  readonly #observedAtMs: number | null;
  readonly #runRules: readonly ExcursionRule[];
  readonly #cumulativeRules: readonly ExcursionRule[];

  /**
   * `observedAtMs` is the transaction time: a sensor silent since its last reading for longer
   * than the logging interval by then has an ongoing DATA_GAP. `null` judges the readings only.
   */
  constructor(
    profile: TemperatureProfile,
    transit: TransitPeriod,
    observedAtMs: number | null = null,
  ) {
    this.#profile = profile;
    this.#transit = transit;
    this.#observedAtMs = observedAtMs;
    this.#runRules = profile.rules.filter((rule) => rule.kind !== 'CUMULATIVE');
    this.#cumulativeRules = profile.rules.filter((rule) => rule.kind === 'CUMULATIVE');
  }

  fold(track: SensorTrack, readings: readonly TimedReading[]): AlertOutcome {
    const out: AlertOutcome = new Map();
    if (track.last !== null && readings.length > 0) {
      // The silence after the old last reading ends here: a gap below replaces it, if any.
      out.set(gapAlertId(track.sensorId, track.last.ms), null);
    }
    for (const reading of readings) {
      this.#step(track, reading, out);
    }
    this.#emitOpenState(track, out);
    return out;
  }

  #step(track: SensorTrack, reading: TimedReading, out: AlertOutcome): void {
    const previous = track.last;
    if (previous !== null) {
      // Gaps break nothing: an open run's span goes on through them, stated as uncovered.
      const lengthMs = reading.ms - previous.ms;
      const covered = lengthMs <= this.#profile.maxLoggingIntervalMs;
      for (const run of Object.values(track.runs)) {
        addSpan(run, lengthMs, covered);
      }
      this.#accrueCumulative(track, previous, reading.ms, covered);
      if (covered) {
        this.#closeGapRun(track, out);
        this.#accrueMkt(track, previous, reading.ms, out);
      } else {
        this.#extendGapRun(track, previous.ms, reading.ms);
      }
    }
    this.#observe(track, reading, out);
    track.last = reading;
    track.count += 1;
  }

  #extendGapRun(track: SensorTrack, fromMs: number, toMs: number): void {
    const lengthMs = toMs - fromMs;
    const insideMs = this.#insideTransit(fromMs, toMs);
    const run = track.gapRun;
    if (run === null) {
      track.gapRun = {
        startMs: fromMs,
        endMs: toMs,
        intervals: 1,
        shortestMs: lengthMs,
        longestMs: lengthMs,
        insideMs,
      };
      return;
    }
    run.endMs = toMs;
    run.intervals += 1;
    run.shortestMs = Math.min(run.shortestMs, lengthMs);
    run.longestMs = Math.max(run.longestMs, lengthMs);
    run.insideMs += insideMs;
  }

  #closeGapRun(track: SensorTrack, out: AlertOutcome): void {
    if (track.gapRun !== null) {
      this.#emitGap(track.sensorId, track.gapRun, null, out);
      track.gapRun = null;
    }
  }

  /** The silence since the track's last reading, as of the observation time. */
  silence(track: SensorTrack): AlertOutcome {
    const out: AlertOutcome = new Map();
    this.#emitGapState(track, out);
    return out;
  }

  /**
   * The sensor's last gap run, extended by the silence since its last reading when that silence
   * is over-long by the observation time (ongoing), or that silence alone.
   */
  #emitGapState(track: SensorTrack, out: AlertOutcome): void {
    const last = track.last;
    if (last === null) {
      return;
    }
    const observedAtMs = this.#observedAtMs;
    const silenceMs =
      observedAtMs !== null && observedAtMs - last.ms > this.#profile.maxLoggingIntervalMs
        ? this.#insideTransit(last.ms, observedAtMs)
        : null;
    if (track.gapRun !== null) {
      this.#emitGap(track.sensorId, track.gapRun, silenceMs, out);
    } else if (silenceMs !== null) {
      this.#emitGap(track.sensorId, silenceOnly(last.ms), silenceMs, out);
    } else {
      out.set(gapAlertId(track.sensorId, last.ms), null);
    }
  }

  /** Part of `[fromMs, toMs]` inside the transit period. */
  #insideTransit(fromMs: number, toMs: number): number {
    const start = this.#transit.startMs;
    if (start === null) {
      return 0;
    }
    const end = this.#transit.endMs ?? Number.MAX_SAFE_INTEGER;
    return Math.max(0, Math.min(toMs, end) - Math.max(fromMs, start));
  }

  /** `ongoingMs`: the ongoing silence's part inside transit that extends the run, if any. */
  #emitGap(sensorId: string, run: GapRun, ongoingMs: number | null, out: AlertOutcome): void {
    const alertId = gapAlertId(sensorId, run.startMs);
    const durationMs = run.insideMs + (ongoingMs ?? 0);
    if (durationMs <= this.#profile.maxLoggingIntervalMs) {
      out.set(alertId, null);
      return;
    }
    out.set(alertId, {
      alertId,
      type: 'DATA_GAP',
      severity: 'WARNING',
      sensorId,
      ruleId: 'gap',
      direction: null,
      thresholdMilliC: null,
      limitMs: this.#profile.maxLoggingIntervalMs,
      startMs: run.startMs,
      endMs: ongoingMs === null ? run.endMs : null,
      ongoing: ongoingMs !== null,
      durationMs,
      peakMilliC: null,
      mktMilliC: null,
      coverage: null,
      loggingIntervals:
        run.intervals === 0
          ? { count: 0, shortestMs: null, longestMs: null }
          : { count: run.intervals, shortestMs: run.shortestMs, longestMs: run.longestMs },
    });
  }

  // Sample and hold: the previous reading's temperature holds until this reading, logged or not.
  #accrueCumulative(
    track: SensorTrack,
    previous: TimedReading,
    untilMs: number,
    covered: boolean,
  ): void {
    for (const rule of this.#cumulativeRules) {
      if (isBeyond(rule, previous.milliC)) {
        const total = (track.cumulative[rule.id] ??= newTotal(previous.milliC));
        addSpan(total, untilMs - previous.ms, covered);
        total.startMs ??= previous.ms;
        total.endMs = untilMs;
      }
    }
  }

  #accrueMkt(track: SensorTrack, previous: TimedReading, untilMs: number, out: AlertOutcome): void {
    const mkt = this.#profile.mkt;
    if (mkt === null) {
      return;
    }
    let from = previous.ms;
    while (from < untilMs) {
      const windowStart = Math.floor(from / mkt.windowMs) * mkt.windowMs;
      const to = Math.min(untilMs, windowStart + mkt.windowMs);
      let window = track.mktWindow;
      if (window?.startMs !== windowStart) {
        if (window !== null) {
          this.#emitMkt(track.sensorId, window, out);
        }
        window = { startMs: windowStart, exposure: 0, coveredMs: 0, peakMilliC: previous.milliC };
        track.mktWindow = window;
      }
      window.exposure += exposureTerm(previous.milliC, to - from);
      window.coveredMs += to - from;
      window.peakMilliC = Math.max(window.peakMilliC, previous.milliC);
      from = to;
    }
  }

  #observe(track: SensorTrack, reading: TimedReading, out: AlertOutcome): void {
    this.#observeRun(track, rangeRunKey, !isInRange(this.#profile, reading.milliC), reading, out);
    for (const rule of this.#runRules) {
      this.#observeRun(track, rule.id, isBeyond(rule, reading.milliC), reading, out);
    }
    for (const rule of this.#cumulativeRules) {
      if (isBeyond(rule, reading.milliC)) {
        const total = (track.cumulative[rule.id] ??= newTotal(reading.milliC));
        total.peakMilliC = this.#farther(rule.id, total.peakMilliC, reading.milliC);
      }
    }
  }

  #observeRun(
    track: SensorTrack,
    key: string,
    beyond: boolean,
    reading: TimedReading,
    out: AlertOutcome,
  ): void {
    const run = track.runs[key];
    if (beyond) {
      if (run === undefined) {
        track.runs[key] = {
          startMs: reading.ms,
          lastMs: reading.ms,
          peakMilliC: reading.milliC,
          coveredMs: 0,
          uncoveredMs: 0,
          uncoveredGaps: 0,
        };
      } else {
        run.lastMs = reading.ms;
        run.peakMilliC = this.#farther(key, run.peakMilliC, reading.milliC);
      }
    } else if (run !== undefined) {
      this.#emitRun(track.sensorId, key, run, reading.ms, false, out);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
      delete track.runs[key];
    }
  }

  #emitOpenState(track: SensorTrack, out: AlertOutcome): void {
    for (const [key, run] of Object.entries(track.runs)) {
      this.#emitRun(track.sensorId, key, run, null, true, out);
    }
    const lastMilliC = track.last?.milliC;
    for (const rule of this.#cumulativeRules) {
      const total = track.cumulative[rule.id];
      if (total !== undefined) {
        const ongoing = lastMilliC !== undefined && isBeyond(rule, lastMilliC);
        this.#emitCumulative(track.sensorId, rule, total, ongoing, out);
      }
    }
    if (track.mktWindow !== null) {
      this.#emitMkt(track.sensorId, track.mktWindow, out);
    }
    this.#emitGapState(track, out);
  }

  #emitRun(
    sensorId: string,
    key: string,
    run: OpenRun,
    endMs: number | null,
    ongoing: boolean,
    out: AlertOutcome,
  ): void {
    const durationMs = (endMs ?? run.lastMs) - run.startMs;
    if (key === rangeRunKey) {
      const above = run.peakMilliC > this.#profile.range.maxMilliC;
      const alertId = `OUT_OF_RANGE:range:${sensorId}:${run.startMs}`;
      out.set(alertId, {
        alertId,
        type: 'OUT_OF_RANGE',
        severity: 'WARNING',
        sensorId,
        ruleId: 'range',
        direction: above ? 'ABOVE' : 'BELOW',
        thresholdMilliC: above ? this.#profile.range.maxMilliC : this.#profile.range.minMilliC,
        limitMs: null,
        startMs: run.startMs,
        endMs,
        ongoing,
        durationMs,
        peakMilliC: run.peakMilliC,
        mktMilliC: null,
        coverage: coverageOf(run),
        loggingIntervals: null,
      });
      return;
    }
    const rule = this.#runRules.find((candidate) => candidate.id === key);
    if (rule === undefined) {
      return;
    }
    const alertId = `${rule.kind}:${rule.id}:${sensorId}:${run.startMs}`;
    if (rule.kind === 'CONTINUOUS' && durationMs <= rule.durationMs) {
      out.set(alertId, null);
      return;
    }
    out.set(alertId, {
      alertId,
      type: rule.kind,
      severity: 'CRITICAL',
      sensorId,
      ruleId: rule.id,
      direction: rule.direction,
      thresholdMilliC: rule.thresholdMilliC,
      limitMs: rule.durationMs,
      startMs: run.startMs,
      endMs,
      ongoing,
      durationMs,
      peakMilliC: run.peakMilliC,
      mktMilliC: null,
      coverage: coverageOf(run),
      loggingIntervals: null,
    });
  }

  #emitCumulative(
    sensorId: string,
    rule: ExcursionRule,
    total: CumulativeTotal,
    ongoing: boolean,
    out: AlertOutcome,
  ): void {
    const alertId = `CUMULATIVE:${rule.id}:${sensorId}`;
    const totalMs = total.coveredMs + total.uncoveredMs;
    if (totalMs <= rule.durationMs || total.startMs === null) {
      out.set(alertId, null);
      return;
    }
    out.set(alertId, {
      alertId,
      type: 'CUMULATIVE',
      severity: 'CRITICAL',
      sensorId,
      ruleId: rule.id,
      direction: rule.direction,
      thresholdMilliC: rule.thresholdMilliC,
      limitMs: rule.durationMs,
      startMs: total.startMs,
      endMs: total.endMs,
      ongoing,
      durationMs: totalMs,
      peakMilliC: total.peakMilliC,
      mktMilliC: null,
      coverage: coverageOf(total),
      loggingIntervals: null,
    });
  }

  #emitMkt(sensorId: string, window: MktWindow, out: AlertOutcome): void {
    const mkt = this.#profile.mkt;
    if (mkt === null) {
      return;
    }
    const alertId = `MKT:mkt:${sensorId}:${window.startMs}`;
    // Compared unrounded: rounding to 0.01 °C first would hide an exceedance of up to 5 m°C.
    const exact = exactMktMilliC(window.exposure, window.coveredMs);
    if (window.coveredMs < mkt.minCoverageMs || exact <= mkt.limitMilliC) {
      out.set(alertId, null);
      return;
    }
    out.set(alertId, {
      alertId,
      type: 'MKT',
      severity: 'CRITICAL',
      sensorId,
      ruleId: 'mkt',
      direction: 'ABOVE',
      thresholdMilliC: mkt.limitMilliC,
      limitMs: mkt.windowMs,
      startMs: window.startMs,
      endMs: window.startMs + mkt.windowMs,
      ongoing: false,
      durationMs: window.coveredMs,
      peakMilliC: window.peakMilliC,
      mktMilliC: mktMilliC(window.exposure, window.coveredMs),
      coverage: null,
      loggingIntervals: null,
    });
  }

  /** The reading farther beyond the rule (or out of range) of the two; ties keep the first. */
  #farther(key: string, current: number, candidate: number): number {
    if (key === rangeRunKey) {
      return deviation(this.#profile, candidate) > deviation(this.#profile, current)
        ? candidate
        : current;
    }
    const rule = this.#profile.rules.find((r) => r.id === key);
    if (rule?.direction === 'BELOW') {
      return Math.min(current, candidate);
    }
    return Math.max(current, candidate);
  }
}

/** One id per gap run, keyed on its first interval's start: later readings keep the id. */
function gapAlertId(sensorId: string, fromMs: number): string {
  return `DATA_GAP:gap:${sensorId}:${fromMs}`;
}

function newTotal(peakMilliC: number): CumulativeTotal {
  return { startMs: null, endMs: null, peakMilliC, coveredMs: 0, uncoveredMs: 0, uncoveredGaps: 0 };
}

function addSpan(span: Coverage, lengthMs: number, covered: boolean): void {
  if (covered) {
    span.coveredMs += lengthMs;
  } else {
    span.uncoveredMs += lengthMs;
    span.uncoveredGaps += 1;
  }
}

function coverageOf(span: Coverage): Coverage {
  return {
    coveredMs: span.coveredMs,
    uncoveredMs: span.uncoveredMs,
    uncoveredGaps: span.uncoveredGaps,
  };
}

/** A silence since the last reading with no over-long interval before it. */
function silenceOnly(lastMs: number): GapRun {
  return { startMs: lastMs, endMs: lastMs, intervals: 0, shortestMs: 0, longestMs: 0, insideMs: 0 };
}

function deviation(profile: TemperatureProfile, milliC: number): number {
  return Math.max(profile.range.minMilliC - milliC, milliC - profile.range.maxMilliC, 0);
}
