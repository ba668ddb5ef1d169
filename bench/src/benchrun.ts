import * as path from 'node:path';
import type { BenchOptions } from './benchoptions';
import type { BenchParties } from './benchparties';
import { prepareShipments, registerBenchLot } from './benchshipments';
import { type CaliperRound, buildCaliperRound } from './caliperreport';
import { LatencyRecorder } from './latencyrecorder';
import { generateLoad } from './loadgenerator';
import { type CpuUsage, cpuUsageBetween, snapshotCpu } from './processcpu';
import { benchLargeCli } from './largeclibench';
import { type LargeVerification, type TimedStep, benchLargeQueries } from './largequeries';
import { type LargeShipmentPlan, expectedAlerts, prepareLargeShipment } from './largeshipment';
import { type QueryResults, benchQueries } from './querybench';
import { type RateController, fixedRate, unlimitedRate } from './ratecontroller';
import type { SensorFeed } from './sensorfeed';
import { type VerificationResult, benchVerification } from './verificationbench';

/** A measured round with the CPU each network process used meanwhile. */
export interface MeasuredRound {
  readonly report: CaliperRound;
  readonly cpuPercentOfCore: CpuUsage;
}

/** The query round on one large shipment: every library query, CLI command and the audit. */
export interface LargeShipmentResults {
  readonly shipmentId: string;
  readonly plan: LargeShipmentPlan;
  readonly readings: number;
  readonly alerts: number;
  readonly ingestMs: number;
  readonly library: readonly TimedStep[];
  readonly cli: readonly TimedStep[];
  readonly verification: LargeVerification;
}

export interface BenchMeasurements {
  readonly lotId: string;
  readonly batched: readonly MeasuredRound[];
  readonly naive: MeasuredRound;
  readonly queries: QueryResults;
  readonly largeShipment: LargeShipmentResults;
  readonly verification: VerificationResult;
  readonly wallSeconds: number;
}

/** Only the large-shipment round (`--large-only`). */
export interface LargeOnlyMeasurements {
  readonly largeShipment: LargeShipmentResults;
  readonly wallSeconds: number;
}

export type Progress = (message: string) => void;

interface RoundPlan {
  readonly name: string;
  readonly prefix: string;
  readonly readingsPerTransaction: number;
  readonly rate: RateController;
  readonly seconds: number;
}

class BenchRun {
  readonly #parties: BenchParties;
  readonly #options: BenchOptions;
  readonly #progress: Progress;
  readonly #pidDir: string;
  readonly #feeds = new Map<string, SensorFeed[]>();
  readonly #runId = Date.now().toString(36).toUpperCase();
  #lotId = '';

  constructor(parties: BenchParties, options: BenchOptions, progress: Progress) {
    this.#parties = parties;
    this.#options = options;
    this.#progress = progress;
    this.#pidDir = path.resolve(options.profileDir, '..', 'pids');
  }

  async run(): Promise<BenchMeasurements> {
    const started = performance.now();
    const options = this.#options;
    const lotId = await registerBenchLot(this.#parties, this.#runId);
    this.#lotId = lotId;
    this.#progress(`lot ${lotId} registered`);
    const maximum = await this.#round({
      name: 'batched max',
      prefix: 'MAX',
      readingsPerTransaction: options.readingsPerTransaction,
      rate: unlimitedRate(),
      seconds: options.saturationSeconds,
    });
    const batched = [maximum];
    for (const fraction of options.loadFractions) {
      batched.push(
        await this.#round({
          name: `batched ${Math.round(fraction * 100)}%`,
          prefix: `L${Math.round(fraction * 100)}`,
          readingsPerTransaction: options.readingsPerTransaction,
          rate: fixedRate(Math.max(0.1, maximum.report.committedTps * fraction)),
          seconds: options.roundSeconds,
        }),
      );
    }
    const naive = await this.#round({
      name: 'naive',
      prefix: 'NAIVE',
      readingsPerTransaction: 1,
      rate: unlimitedRate(),
      seconds: options.naiveSeconds,
    });
    await this.#topUpLot(lotId, [...batched, naive]);
    this.#progress('timing queries');
    const queries = await benchQueries(this.#parties.qa, lotId, options.queryRuns);
    this.#progress('timing auditor verification');
    const verification = await benchVerification(this.#parties.auditor, this.#verifySubjects());
    // Last: its thousand large blocks would lengthen every hash-chain walk timed after it.
    const largeShipment = await this.large();
    return {
      lotId,
      batched,
      naive,
      queries,
      largeShipment,
      verification,
      wallSeconds: Math.round((performance.now() - started) / 1000),
    };
  }

  /** The large shipment: built (not timed beyond its ingestion), then queried every way. */
  async large(): Promise<LargeShipmentResults> {
    const plan = this.#options.largeShipment;
    this.#progress(
      `large shipment: ${plan.readings} readings from ${plan.sensors} loggers, ${expectedAlerts(plan)} alerts expected`,
    );
    const large = await prepareLargeShipment(this.#parties, this.#runId, plan, this.#progress);
    const stored = (await this.#parties.qa.shipments.get(large.shipmentId)).readingCount;
    this.#progress(`large shipment ${large.shipmentId}: timing every library query and the audit`);
    const library = await benchLargeQueries(
      this.#parties.qa,
      this.#parties.auditor,
      large,
      Math.max(3, Math.ceil(this.#options.queryRuns / 10)),
      this.#options.mode === 'full',
    );
    this.#progress(`large shipment ${large.shipmentId}: timing every CLI command`);
    const cli = await benchLargeCli(
      this.#parties,
      large,
      this.#options.profileDir,
      this.#options.mode === 'full',
    );
    return {
      shipmentId: large.shipmentId,
      plan,
      readings: stored,
      alerts: library.verification.alerts,
      ingestMs: large.ingestMs,
      library: library.steps,
      cli,
      verification: library.verification,
    };
  }

  async #round(plan: RoundPlan): Promise<MeasuredRound> {
    const options = this.#options;
    this.#progress(`${plan.name}: preparing ${options.concurrency} shipments`);
    const feeds = await prepareShipments(this.#parties, {
      lotId: this.#lotId,
      prefix: `B${this.#runId}-${plan.prefix}`,
      count: options.concurrency,
      sensorsPerShipment: options.sensorsPerShipment,
      spacingMs: options.spacingMs,
    });
    this.#feeds.set(plan.name, feeds);
    const target =
      plan.rate.tps === undefined ? 'as fast as it goes' : `${plan.rate.tps.toFixed(1)} tx/s`;
    this.#progress(`${plan.name}: ${plan.seconds} s at ${target}`);
    const recorder = new LatencyRecorder();
    const before = await snapshotCpu(this.#pidDir);
    const began = performance.now();
    await generateLoad({
      contract: this.#parties.sensorGateway.network.getContract(
        this.#parties.sensorGateway.chaincode,
      ),
      feeds,
      readingsPerTransaction: plan.readingsPerTransaction,
      rate: plan.rate,
      durationMs: plan.seconds * 1000,
      recorder,
      onNewFailure: (reason, message) => {
        this.#progress(`${plan.name}: first ${reason}: ${message}`);
      },
    });
    const cpuPercentOfCore = cpuUsageBetween(
      before,
      await snapshotCpu(this.#pidDir),
      performance.now() - began,
    );
    const report = buildCaliperRound(
      {
        name: plan.name,
        ...(plan.rate.tps !== undefined ? { offeredTps: plan.rate.tps } : {}),
        readingsPerTransaction: plan.readingsPerTransaction,
        concurrency: options.concurrency,
      },
      recorder.samples,
    );
    this.#progress(
      `${plan.name}: ${report.readingsPerSecond} readings/s, p95 ${report.latencyMs.p95} ms, ${report.failed} failed`,
    );
    return { report, cpuPercentOfCore };
  }

  /** Until the lot holds enough readings, ingests more through the library's ingestion client. */
  async #topUpLot(lotId: string, rounds: readonly MeasuredRound[]): Promise<void> {
    const committed = rounds.reduce((total, r) => total + r.report.committedReadings, 0);
    const missing = this.#options.lotReadings - committed;
    const feeds = this.#feeds.get('batched max') ?? [];
    if (missing <= 0 || feeds.length === 0) return;
    const perFeed = Math.ceil(missing / feeds.length / this.#options.readingsPerTransaction);
    this.#progress(`topping the lot up with about ${missing} readings (not timed)`);
    const ingestion = this.#parties.sensorGateway.readings.newIngestion({
      maxBatchSize: this.#options.readingsPerTransaction,
      maxInFlight: this.#options.concurrency,
    });
    const summary = await ingestion.ingest(
      feeds.map((feed) => ({
        shipmentId: feed.shipmentId,
        readings: Array.from(
          { length: perFeed },
          () => feed.nextReadout(this.#options.readingsPerTransaction).readings,
        ).flat(),
      })),
    );
    if (summary.failedBatches > 0) {
      this.#progress(`top-up: ${summary.failedBatches} batches failed (lot ${lotId})`);
    }
  }

  /** The naive shipments carry the most transactions each: verify the busiest of them. */
  #verifySubjects(): string[] {
    const naive = this.#feeds.get('naive') ?? [];
    return naive.slice(0, this.#options.verifyShipments).map((feed) => feed.shipmentId);
  }
}

/** Runs every phase of the benchmark on the connected parties. */
export function runBench(
  parties: BenchParties,
  options: BenchOptions,
  progress: Progress,
): Promise<BenchMeasurements> {
  return new BenchRun(parties, options, progress).run();
}

/** Runs only the large-shipment query round. */
export async function runLargeOnly(
  parties: BenchParties,
  options: BenchOptions,
  progress: Progress,
): Promise<LargeOnlyMeasurements> {
  const started = performance.now();
  const largeShipment = await new BenchRun(parties, options, progress).large();
  return { largeShipment, wallSeconds: Math.round((performance.now() - started) / 1000) };
}
