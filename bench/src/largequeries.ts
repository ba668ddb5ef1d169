import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  type ColdtraceClient,
  type ProvenanceReportFile,
  newProvenanceHtmlFile,
  newProvenanceJsonFile,
  teeProvenanceSinks,
} from '@coldtrace/gateway-client';
import type { LargeShipment } from './largeshipment';
import { countItems } from './itemcount';
import { percentiles } from './percentile';

/** One timed query or command of the large-shipment round. */
export interface TimedStep {
  readonly name: string;
  readonly runs: number;
  /** Items the step returned (the last run's): readings, alerts, events, lines. */
  readonly items: number;
  readonly p50Ms: number;
  readonly maxMs: number;
  /** Largest resident set seen while it ran (MiB), when measured. */
  readonly peakRssMiB?: number;
}

/** Runs `step` `runs` times, timing each; `items` from the last run. */
export async function timeStep(
  name: string,
  runs: number,
  step: () => Promise<number>,
): Promise<TimedStep> {
  const latencies: number[] = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    items = await step();
    latencies.push(performance.now() - started);
  }
  const { p50, max } = percentiles(latencies);
  return { name, runs, items, p50Ms: Math.round(p50), maxMs: Math.round(max) };
}

/** Samples this process's resident set while `work` runs; returns its result and the peak. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMiB: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const result = await work();
    return { result, peakRssMiB: Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** The outcome of the library's audit of the large shipment. */
export interface LargeVerification {
  readonly verdict: string;
  readonly discrepancies: number;
  readonly transactions: number;
  readonly readingsMatched: number;
  readonly alerts: number;
  readonly blocksChecked: number;
  readonly htmlBytes: number;
  readonly jsonBytes: number;
}

/**
 * Every library query on the large shipment, as Pharma QA: first pages `runs` times each (the
 * answer a screen shows), whole lists once (iterators following every bookmark; every open
 * alert of the ledger only when `wholeLedger`); then the auditor's verification writing both
 * reports, timed with the bench process's peak memory.
 */
export async function benchLargeQueries(
  qa: ColdtraceClient,
  auditor: ColdtraceClient,
  large: LargeShipment,
  runs: number,
  wholeLedger: boolean,
): Promise<{ steps: TimedStep[]; verification: LargeVerification }> {
  const id = large.shipmentId;
  const lotId = large.lots[0]?.lotId ?? '';
  const page = { pageSize: 1000 };
  const steps = [
    await timeStep('shipments.get', runs, async () => (await qa.shipments.get(id)).readingCount),
    await timeStep('lots.get', runs, async () => ((await qa.lots.get(lotId)).lotId ? 1 : 0)),
    await timeStep(
      'shipments.historyPage (100)',
      runs,
      async () => (await qa.shipments.historyPage(id)).items.length,
    ),
    await timeStep('shipments.history (all)', 1, () => countItems(qa.shipments.history(id))),
    await timeStep(
      'lots.historyPage (100)',
      runs,
      async () => (await qa.lots.historyPage(lotId)).items.length,
    ),
    await timeStep('lots.history (all)', 1, () => countItems(qa.lots.history(lotId))),
    await timeStep(
      'readings.page (1000)',
      runs,
      async () => (await qa.readings.page(id, page)).items.length,
    ),
    await timeStep('readings.all (all)', 1, () => countItems(qa.readings.all(id))),
    await timeStep(
      'alerts.byShipmentPage (1000)',
      runs,
      async () => (await qa.alerts.byShipmentPage(id, page)).items.length,
    ),
    await timeStep('alerts.byShipment (all)', 1, () => countItems(qa.alerts.byShipment(id))),
    await timeStep(
      'alerts.byLotPage (1000)',
      runs,
      async () => (await qa.alerts.byLotPage(lotId, page)).items.length,
    ),
    await timeStep('alerts.byLot (all)', 1, () => countItems(qa.alerts.byLot(lotId))),
    await timeStep(
      'alerts.openPage (1000)',
      runs,
      async () => (await qa.alerts.openPage(page)).items.length,
    ),
    // Every open alert on the ledger: as long as the network's past, so the full run's only.
    ...(wholeLedger
      ? [await timeStep('alerts.open (all, every shipment)', 1, () => countItems(qa.alerts.open()))]
      : []),
  ];
  const dir = await mkdtemp(path.join(tmpdir(), 'coldtrace-bench-'));
  // Their parts live in temporary directories of their own until finished or discarded.
  const files: ProvenanceReportFile[] = [];
  try {
    const html = await newProvenanceHtmlFile(path.join(dir, 'report.html'));
    files.push(html);
    const json = await newProvenanceJsonFile(path.join(dir, 'report.json'));
    files.push(json);
    let readingsMatched = 0;
    let alerts = 0;
    const started = performance.now();
    const { result: report, peakRssMiB } = await withPeakRss(async () => {
      const verified = await auditor.provenance().verifyShipment(id, {
        sink: teeProvenanceSinks(html.sink, json.sink, {
          readingsDay: (day) => {
            readingsMatched += day.matchedOnLedger;
          },
          alerts: (page) => {
            alerts += page.length;
          },
        }),
      });
      await html.finish(verified);
      await json.finish(verified);
      return verified;
    });
    const ms = Math.round(performance.now() - started);
    steps.push({
      name: 'provenance.verifyShipment + reports',
      runs: 1,
      items: readingsMatched,
      p50Ms: ms,
      maxMs: ms,
      peakRssMiB,
    });
    return {
      steps,
      verification: {
        verdict: report.verdict,
        discrepancies: report.discrepancyCount,
        transactions: report.transactionCount,
        readingsMatched,
        alerts,
        blocksChecked: report.ledger.blocksChecked,
        htmlBytes: (await stat(path.join(dir, 'report.html'))).size,
        jsonBytes: (await stat(path.join(dir, 'report.json'))).size,
      },
    };
  } finally {
    // Nothing to do for a finished file; a verification that threw leaves its parts otherwise.
    await Promise.all(files.map((file) => file.discard()));
    await rm(dir, { recursive: true, force: true });
  }
}
