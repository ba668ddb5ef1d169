import { type TransactionSample, endorseLatencyOf, latencyOf } from './latencyrecorder';
import { type Percentiles, percentiles } from './percentile';

/** What a round asked for, in Caliper's terms. */
export interface RoundSettings {
  readonly name: string;
  /** Target transactions per second; undefined for a closed loop (as fast as it goes). */
  readonly offeredTps?: number;
  readonly readingsPerTransaction: number;
  /** Shipments submitting in parallel, each one transaction at a time. */
  readonly concurrency: number;
}

/**
 * A round's result as Hyperledger Caliper reports it (succeeded, failed, send rate, throughput
 * counting failed transactions, latency min/avg/max in seconds) plus percentiles and readings.
 */
export interface CaliperRound {
  readonly name: string;
  readonly succeeded: number;
  readonly failed: number;
  /** Transactions submitted per second, first to last submission. */
  readonly sendRateTps: number;
  /** Transactions finished per second, failed ones included, first submission to last finish. */
  readonly throughputTps: number;
  /** Committed (VALID) transactions per second over the same span. */
  readonly committedTps: number;
  /** Readings in committed transactions. */
  readonly committedReadings: number;
  /** Readings in committed transactions per second over the same span. */
  readonly readingsPerSecond: number;
  readonly offeredTps: number | null;
  readonly offeredReadingsPerSecond: number | null;
  readonly readingsPerTransaction: number;
  readonly concurrency: number;
  readonly durationS: number;
  /** Submit-to-commit latency of committed transactions, seconds (Caliper's columns). */
  readonly latencyS: { readonly min: number; readonly avg: number; readonly max: number };
  /** The same latencies in milliseconds, with percentiles. */
  readonly latencyMs: Percentiles & { readonly min: number; readonly avg: number };
  /** The endorse-and-order part (`submitAsync`), milliseconds. */
  readonly endorseMs: Percentiles;
  /** Failed transactions by reason. */
  readonly failures: Readonly<Record<string, number>>;
}

function perSecond(count: number, spanMs: number): number {
  return spanMs > 0 ? (count * 1000) / spanMs : 0;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function roundAll(values: Percentiles): Percentiles {
  return {
    p50: Math.round(values.p50),
    p95: Math.round(values.p95),
    p99: Math.round(values.p99),
    max: Math.round(values.max),
  };
}

function countFailures(samples: readonly TransactionSample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of samples) {
    if (!sample.ok) {
      const reason = sample.failure ?? 'unknown';
      counts[reason] = (counts[reason] ?? 0) + 1;
    }
  }
  return counts;
}

/** Builds the Caliper-style report of one round from its samples. */
export function buildCaliperRound(
  settings: RoundSettings,
  samples: readonly TransactionSample[],
): CaliperRound {
  const ok = samples.filter((sample) => sample.ok);
  const latencies = ok.map(latencyOf);
  // Reductions, not Math.min(...spread): a round can hold more samples than a call has arguments.
  const first = samples.reduce((m, s) => Math.min(m, s.submittedAt), Infinity);
  const lastSubmit = samples.reduce((m, s) => Math.max(m, s.submittedAt), -Infinity);
  const lastFinish = samples.reduce((m, s) => Math.max(m, s.finishedAt), -Infinity);
  const spanMs = samples.length > 0 ? lastFinish - first : 0;
  const sum = latencies.reduce((total, value) => total + value, 0);
  const min = latencies.length > 0 ? latencies.reduce((m, v) => Math.min(m, v), Infinity) : 0;
  const avg = latencies.length > 0 ? sum / latencies.length : 0;
  const tail = percentiles(latencies);
  const readings = ok.reduce((total, sample) => total + sample.readings, 0);
  return {
    name: settings.name,
    succeeded: ok.length,
    failed: samples.length - ok.length,
    sendRateTps: round(perSecond(samples.length, samples.length > 0 ? lastSubmit - first : 0), 1),
    throughputTps: round(perSecond(samples.length, spanMs), 1),
    committedTps: round(perSecond(ok.length, spanMs), 1),
    committedReadings: readings,
    readingsPerSecond: Math.round(perSecond(readings, spanMs)),
    offeredTps: settings.offeredTps === undefined ? null : round(settings.offeredTps, 1),
    offeredReadingsPerSecond:
      settings.offeredTps === undefined
        ? null
        : Math.round(settings.offeredTps * settings.readingsPerTransaction),
    readingsPerTransaction: settings.readingsPerTransaction,
    concurrency: settings.concurrency,
    durationS: round(spanMs / 1000, 2),
    latencyS: {
      min: round(min / 1000, 3),
      avg: round(avg / 1000, 3),
      max: round(tail.max / 1000, 3),
    },
    latencyMs: { ...roundAll(tail), min: Math.round(min), avg: Math.round(avg) },
    endorseMs: roundAll(percentiles(ok.map(endorseLatencyOf))),
    failures: countFailures(samples),
  };
}
