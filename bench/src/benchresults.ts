import type { BenchEnvironment } from './benchenvironment';
import type { BenchOptions } from './benchoptions';
import type { BenchMeasurements, LargeShipmentResults, MeasuredRound } from './benchrun';
import type { CaliperRound } from './caliperreport';
import type { QueryResults } from './querybench';
import type { VerificationResult } from './verificationbench';

/** The targets of issue 5, for information: a run never fails on speed. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** `bench-results/latest.json`. */
export interface BenchResults {
  readonly schema: 'coldtrace.bench/v1';
  readonly mode: 'quick' | 'full';
  readonly generatedAt: string;
  readonly commit: string;
  readonly fabricVersion: string;
  readonly machine: { readonly cpus: number; readonly node: string };
  readonly settings: {
    readonly ordererBatchTimeout: string;
    readonly ordererMaxMessageCount: number;
    readonly ordererPreferredMaxBytes: string;
    readonly ordererSettingsFrom: string;
    readonly readingsPerTransaction: number;
    readonly concurrency: number;
    readonly sensorsPerShipment: number;
    readonly readingSpacingMs: number;
  };
  readonly batched: CaliperRound & {
    readonly rounds: readonly CaliperRound[];
  };
  readonly halfLoad: CaliperRound | null;
  readonly naive: CaliperRound;
  /** Batched readings/s over naive readings/s, both at maximum load. */
  readonly ratio: number;
  readonly queries: QueryResults;
  /** Every library query, CLI command and the audit on one large shipment (never asserted). */
  readonly largeShipment: LargeShipmentResults;
  readonly verification: VerificationResult;
  /** Share of one core used by each network process (and this client) during each round. */
  readonly cpuPercentOfCore: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly targets: readonly TargetCheck[];
  readonly wallSeconds: number;
}

function targets(
  maximum: CaliperRound,
  half: CaliperRound | null,
  ratio: number,
  queries: QueryResults,
): TargetCheck[] {
  const checks: TargetCheck[] = [
    {
      target: '20,000 committed readings/s with p95 < 2.5 s',
      measured: `${maximum.readingsPerSecond} readings/s, p95 ${maximum.latencyMs.p95} ms`,
      met: maximum.readingsPerSecond >= 20_000 && maximum.latencyMs.p95 < 2500,
    },
    {
      target: 'batched ≥ 100× naive',
      measured: `${ratio}×`,
      met: ratio >= 100,
    },
    {
      target: 'lot history page < 200 ms p95',
      measured: `${queries.lotHistoryFirstPage.p95} ms`,
      met: queries.lotHistoryFirstPage.p95 < 200,
    },
  ];
  if (half !== null) {
    checks.splice(1, 0, {
      target: 'at half load p95 < 1 s',
      measured: `p95 ${half.latencyMs.p95} ms at ${half.readingsPerSecond} readings/s`,
      met: half.latencyMs.p95 < 1000,
    });
  }
  return checks;
}

function cpuByRound(rounds: readonly MeasuredRound[]): Record<string, Record<string, number>> {
  return Object.fromEntries(rounds.map((r) => [r.report.name, { ...r.cpuPercentOfCore }]));
}

/** Assembles the JSON result of a run. */
export function buildBenchResults(
  options: BenchOptions,
  environment: BenchEnvironment,
  measured: BenchMeasurements,
): BenchResults {
  const rounds = measured.batched.map((r) => r.report);
  const maximum = rounds[0];
  if (maximum === undefined) {
    throw new Error('no batched round was measured');
  }
  const half = rounds.find((r) => r.name === 'batched 50%') ?? null;
  const naive = measured.naive.report;
  const ratio =
    naive.readingsPerSecond > 0
      ? Math.round((maximum.readingsPerSecond / naive.readingsPerSecond) * 10) / 10
      : 0;
  return {
    schema: 'coldtrace.bench/v1',
    mode: options.mode,
    generatedAt: new Date().toISOString(),
    commit: environment.commit,
    fabricVersion: environment.fabricVersion,
    machine: { cpus: environment.cpus, node: environment.node },
    settings: {
      ordererBatchTimeout: environment.ordererBatchTimeout,
      ordererMaxMessageCount: environment.ordererMaxMessageCount,
      ordererPreferredMaxBytes: environment.ordererPreferredMaxBytes,
      ordererSettingsFrom: environment.ordererSettingsFrom,
      readingsPerTransaction: options.readingsPerTransaction,
      concurrency: options.concurrency,
      sensorsPerShipment: options.sensorsPerShipment,
      readingSpacingMs: options.spacingMs,
    },
    batched: { ...maximum, rounds },
    halfLoad: half,
    naive,
    ratio,
    queries: measured.queries,
    largeShipment: measured.largeShipment,
    verification: measured.verification,
    cpuPercentOfCore: cpuByRound([...measured.batched, measured.naive]),
    targets: targets(maximum, half, ratio, measured.queries),
    wallSeconds: measured.wallSeconds,
  };
}
