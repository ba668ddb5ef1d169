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

interface OpenRun {
  startMs: number;
  lastMs: number;
  peakMilliC: number;
}

interface CumulativeTotal {
  totalMs: number;
  startMs: number | null;
  endMs: number | null;
  peakMilliC: number;
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
      const gapMs = reading.ms - previous.ms;
      if (gapMs > this.#profile.maxLoggingIntervalMs) {
        this.#breakAtGap(track, out);
        this.#recordGap(track.sensorId, previous.ms, reading.ms, false, out);
      } else {
        this.#accrue(track, previous, reading.ms, out);
      }
    }
    this.#observe(track, reading, out);
    track.last = reading;
    track.count += 1;
  }

  // A gap is unknown time: every stretch ends at its last reading.
  #breakAtGap(track: SensorTrack, out: AlertOutcome): void {
    for (const [key, run] of Object.entries(track.runs)) {
      this.#emitRun(track.sensorId, key, run, run.lastMs, false, out);
    }
    track.runs = {};
  }

  /** The silence since the track's last reading, as of the observation time. */
  silence(track: SensorTrack): AlertOutcome {
    const out: AlertOutcome = new Map();
    this.#recordSilence(track, out);
    return out;
  }

  #recordSilence(track: SensorTrack, out: AlertOutcome): void {
    if (track.last !== null && this.#observedAtMs !== null) {
      this.#recordGap(track.sensorId, track.last.ms, this.#observedAtMs, true, out);
    }
  }

  /** A silence from `fromMs` to `toMs`; `ongoing` when no reading has ended it yet. */
  #recordGap(
    sensorId: string,
    fromMs: number,
    toMs: number,
    ongoing: boolean,
    out: AlertOutcome,
  ): void {
    const start = this.#transit.startMs;
    const alertId = gapAlertId(sensorId, fromMs);
    const end = this.#transit.endMs ?? Number.MAX_SAFE_INTEGER;
    const insideMs = start === null ? 0 : Math.min(toMs, end) - Math.max(fromMs, start);
    if (insideMs <= this.#profile.maxLoggingIntervalMs) {
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
      startMs: fromMs,
      endMs: ongoing ? null : toMs,
      ongoing,
      durationMs: insideMs,
      peakMilliC: null,
      mktMilliC: null,
    });
  }

  // Sample and hold: the previous reading's temperature holds until this reading.
  #accrue(track: SensorTrack, previous: TimedReading, untilMs: number, out: AlertOutcome): void {
    const durationMs = untilMs - previous.ms;
    for (const rule of this.#cumulativeRules) {
      if (isBeyond(rule, previous.milliC)) {
        const total = (track.cumulative[rule.id] ??= newTotal(previous.milliC));
        total.totalMs += durationMs;
        total.startMs ??= previous.ms;
        total.endMs = untilMs;
      }
    }
    this.#accrueMkt(track, previous, untilMs, out);
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
        track.runs[key] = { startMs: reading.ms, lastMs: reading.ms, peakMilliC: reading.milliC };
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
    this.#recordSilence(track, out);
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
    if (total.totalMs <= rule.durationMs || total.startMs === null) {
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
      durationMs: total.totalMs,
      peakMilliC: total.peakMilliC,
      mktMilliC: null,
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

/** One id per silence, open or closed: a reading that ends it keeps the id. */
function gapAlertId(sensorId: string, fromMs: number): string {
  return `DATA_GAP:gap:${sensorId}:${fromMs}`;
}

function newTotal(peakMilliC: number): CumulativeTotal {
  return { totalMs: 0, startMs: null, endMs: null, peakMilliC };
}

function deviation(profile: TemperatureProfile, milliC: number): number {
  return Math.max(profile.range.minMilliC - milliC, milliC - profile.range.maxMilliC, 0);
}
