#!/usr/bin/env node
// The coldtrace demo: a 2-8 °C vaccine lot shipped by Pharma and carried by Logistics, replayed
// from the carrier's two loggers (one reading a minute each, three days), through the client
// library on the live local network. Usage: main.js --profiles DIR --output DIR
import {
  type AlertNotification,
  type ColdtraceClient,
  type ExcursionAlert,
  type SensorReadingInput,
  type TemperatureProfile,
  connect,
  newProvenanceHtmlFile,
  newProvenanceJsonFile,
  teeProvenanceSinks,
  waitForPeersInSync,
} from '@coldtrace/gateway-client';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { sensorTrace, splitAt } from './sensortrace';

const minuteMs = 60_000;
const dayMinutes = 24 * 60;

/** A vaccine with a 90-minute stability budget above 8 °C (manufacturer's stability data). */
const vaccineProfile: TemperatureProfile = {
  name: 'vaccine-2-8-budget90',
  range: { minMilliC: 2000, maxMilliC: 8000 },
  rules: [
    {
      id: 'freezing',
      kind: 'HARD_LIMIT',
      direction: 'BELOW',
      thresholdMilliC: 0,
      inclusive: true,
      durationMs: 0,
    },
    {
      id: 'above-8-continuous',
      kind: 'CONTINUOUS',
      direction: 'ABOVE',
      thresholdMilliC: 8000,
      inclusive: false,
      durationMs: 4 * 60 * minuteMs,
    },
    {
      id: 'above-8-budget',
      kind: 'CUMULATIVE',
      direction: 'ABOVE',
      thresholdMilliC: 8000,
      inclusive: false,
      durationMs: 90 * minuteMs,
    },
  ],
  mkt: { limitMilliC: 8000, windowMs: dayMinutes * minuteMs, minCoverageMs: 6 * 60 * minuteMs },
  maxLoggingIntervalMs: 15 * minuteMs,
};

interface DemoArguments {
  readonly profiles: string;
  readonly output: string;
}

function parseArguments(argv: readonly string[]): DemoArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: { profiles: { type: 'string' }, output: { type: 'string' } },
    strict: true,
  });
  return {
    profiles: path.resolve(values.profiles ?? path.join('.coldtrace', 'network', 'profiles')),
    output: path.resolve(values.output ?? 'demo-output'),
  };
}

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function connectAs(args: DemoArguments, mspId: string, user: string) {
  return connect({
    connection: { profile: path.join(args.profiles, `${mspId}.json`), user },
  });
}

function describeAlert(alert: ExcursionAlert): string {
  const peak = alert.peakMilliC === null ? '' : `, peak ${alert.peakMilliC / 1000} °C`;
  const minutes = Math.round(alert.durationMs / minuteMs);
  return `${alert.severity} ${alert.type} (${alert.ruleId}) on ${alert.sensorId}: ${minutes} min${peak}, ${alert.status}`;
}

/** Watches alerts as Pharma QA while the readings arrive, printing each one. */
function watchAlerts(qa: ColdtraceClient, shipmentId: string, seen: Map<string, ExcursionAlert>) {
  const stream = qa.alerts.watch();
  const done = (async () => {
    for await (const notification of stream as AsyncIterable<AlertNotification>) {
      if (notification.shipmentId !== shipmentId) continue;
      for (const alert of notification.alerts) {
        seen.set(alert.alertId, alert);
        say(`  alert stream: ${describeAlert(alert)}`);
      }
    }
  })();
  return {
    stop: () => {
      stream.close();
    },
    done,
  };
}

async function ingest(
  carrier: ColdtraceClient,
  shipmentId: string,
  label: string,
  readings: readonly SensorReadingInput[],
): Promise<number> {
  const ingestion = carrier.readings.newIngestion({ maxBatchSize: 500, maxInFlight: 4 });
  const summary = await ingestion.ingest([{ shipmentId, readings }]);
  if (summary.failedBatches > 0 || summary.skippedBatches > 0) {
    const failed = summary.batches.find((batch) => batch.outcome !== 'committed');
    throw new Error(`${label}: batch ${failed?.batchId ?? '?'} not committed`, {
      cause: failed?.error,
    });
  }
  say(
    `  ${label}: ${summary.committedReadings} readings in ${summary.committedBatches} transactions`,
  );
  return summary.committedReadings;
}

async function countBy(alerts: AsyncIterable<ExcursionAlert>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const alert of alerts) {
    const key = `${alert.severity}/${alert.type}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function play(args: DemoArguments): Promise<void> {
  const shipper = await connectAs(args, 'PharmaMSP', 'shipper');
  const qa = await connectAs(args, 'PharmaMSP', 'qa');
  const dispatcher = await connectAs(args, 'LogisticsMSP', 'dispatcher');
  const carrier = await connectAs(args, 'LogisticsMSP', 'sensor-gateway');
  const auditor = await connectAs(args, 'AuditorMSP', 'auditor');
  const startedMs = Date.now();
  const run = startedMs.toString(36).toUpperCase();
  const seenAlerts = new Map<string, ExcursionAlert>();
  // Each next step may be endorsed on another organisation's peer: it must have the last block.
  const inSync = (): Promise<void> => waitForPeersInSync([shipper, dispatcher, auditor]);
  try {
    const lot = await shipper.lots.register({
      gtin: '09506000134352',
      lotNumber: `MR-${run}`,
      expiry: '2028-06-30',
      productName: 'Measles-rubella vaccine, 10-dose vial',
      profile: vaccineProfile,
    });
    await inSync();
    const shipmentId = `SHP-${run}`;
    await shipper.shipments.create({
      shipmentId,
      lots: [{ lotId: lot.lotId, quantity: 4800 }],
      origin: { gln: '9506000134352', name: 'Pharma plant, Basel' },
      destination: { name: 'Central medical stores, Nairobi' },
    });
    await inSync();
    say(`lot ${lot.lotId} registered; shipment ${shipmentId} created by PharmaMSP`);
    await shipper.custody.offer(shipmentId, 'LogisticsMSP');
    await inSync();
    await dispatcher.custody.accept(shipmentId);
    await inSync();
    say('custody handed over to LogisticsMSP (offer and acceptance on the ledger)');

    const watcher = watchAlerts(qa, shipmentId, seenAlerts);
    const endMs = Math.floor((Date.now() - 5 * minuteMs) / minuteMs) * minuteMs;
    const startMs = endMs - 3 * dayMinutes * minuteMs;
    const trace = (sensorId: string, phase: number) =>
      sensorTrace({
        sensorId,
        startMs,
        minutes: 3 * dayMinutes,
        intervalMinutes: 1,
        phase,
        excursions: [
          { startMinute: 600, minutes: 30, celsius: 9.4 }, // door left open at a hub: heals
          { startMinute: dayMinutes + 840, minutes: 75, celsius: 10.8 }, // reefer failure
        ],
      });
    const [logger1Day1, logger1Rest] = splitAt(
      trace('LOGGER-1', 0),
      startMs + dayMinutes * minuteMs,
    );
    const [logger2Day1, logger2Rest] = splitAt(
      trace('LOGGER-2', 17),
      startMs + dayMinutes * minuteMs,
    );

    say('replaying three days of readings, two loggers, one reading a minute each:');
    let committed = await ingest(carrier, shipmentId, 'day 1, LOGGER-1 live feed', logger1Day1);
    committed += await ingest(
      carrier,
      shipmentId,
      'day 1, LOGGER-2 read out late at the cross-dock',
      logger2Day1,
    );
    committed += await ingest(carrier, shipmentId, 'days 2-3, both loggers', [
      ...logger1Rest,
      ...logger2Rest,
    ]);
    // Give the event stream a moment to deliver the last block's alerts.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    watcher.stop();
    await watcher.done;

    const quarantined = await qa.shipments.get(shipmentId);
    say(`shipment status after the readings: ${quarantined.status}`);
    let critical: ExcursionAlert | undefined;
    for await (const alert of qa.alerts.byShipment(shipmentId)) {
      say(`  ${describeAlert(alert)}`);
      if (alert.severity === 'CRITICAL' && alert.status === 'OPEN') critical ??= alert;
    }
    if (critical) {
      await qa.alerts.acknowledge(
        shipmentId,
        critical.alertId,
        'Reefer unit failure confirmed by the carrier; stability budget exceeded.',
      );
    }
    const disposed =
      quarantined.status === 'QUARANTINED'
        ? await qa.shipments.dispose(
            shipmentId,
            'REJECT',
            '105 min above 8 °C exceeds the 90 min stability budget of this lot; destroy per SOP-QA-114.',
          )
        : quarantined;
    say(`QA disposition: ${disposed.status}`);

    say('auditor verifying provenance on its own peer…');
    await mkdir(args.output, { recursive: true });
    const reportHtml = path.join(args.output, 'provenance.html');
    const files = [
      await newProvenanceHtmlFile(reportHtml),
      await newProvenanceJsonFile(path.join(args.output, 'provenance.json')),
    ];
    const report = await auditor.provenance().verifyShipment(shipmentId, {
      sink: teeProvenanceSinks(...files.map((file) => file.sink)),
    });
    for (const file of files) await file.finish(report);

    const summary = {
      shipmentId,
      lotId: lot.lotId,
      finalStatus: disposed.status,
      readingsCommitted: committed,
      readingsOnLedger: disposed.readingCount,
      alertsByTypeAndSeverity: await countBy(qa.alerts.byShipment(shipmentId)),
      alertsSeenOnStream: seenAlerts.size,
      verification: { verdict: report.verdict, discrepancies: report.discrepancyCount },
      report: reportHtml,
      elapsedSeconds: Math.round((Date.now() - startedMs) / 1000),
    };
    await writeFile(
      path.join(args.output, 'summary.json'),
      JSON.stringify(summary, null, 2) + '\n',
    );
    say('');
    say(`summary: ${JSON.stringify(summary, null, 2)}`);
    say(`report: ${reportHtml}; summary: ${path.join(args.output, 'summary.json')}`);
  } finally {
    for (const client of [shipper, qa, dispatcher, carrier, auditor]) client.close();
  }
}

Promise.resolve()
  .then(() => play(parseArguments(process.argv.slice(2))))
  .catch((error: unknown) => {
    process.stderr.write(
      `demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (error instanceof Error && error.cause instanceof Error) {
      process.stderr.write(`  cause: ${error.cause.message}\n`);
    }
    process.exitCode = 1;
  });
