// A sensor feed killed with SIGKILL halfway through and started again on the same input ends with
// every reading on the ledger exactly once: batch ids are derived from the readings and the
// chaincode ignores readings it already has, so the restart re-sends what may have committed.
import type { SensorReadingInput } from '@coldtrace/gateway-client';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import {
  closeParties,
  collect,
  connectParties,
  type Parties,
  profileOf,
  registerLot,
  shipmentInTransit,
} from './support/coldtrace';

interface BatchLine {
  batchId: string;
  outcome: 'committed' | 'failed' | 'skipped';
  readings: number;
  stored: number | null;
  duplicates: number | null;
  error: string | null;
}

interface FeedRun {
  readonly lines: BatchLine[];
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
}

const sensors = ['RF-1', 'RF-2', 'RF-3'];
const perSensor = 1000;
const batchSize = 100;
const killAfterBatches = 8;
const minuteMs = 60_000;

/** 3,000 in-range readings, one a minute per sensor, all before now. */
function feedReadings(endMs: number): SensorReadingInput[] {
  const start = endMs - perSensor * minuteMs;
  return sensors.flatMap((sensorId, s) =>
    Array.from({ length: perSensor }, (_, i) => ({
      sensorId,
      timestamp: new Date(start + i * minuteMs + s * 1000).toISOString(),
      value: 4 + ((i + s * 7) % 30) / 10,
      unit: 'CEL' as const,
    })),
  );
}

/** Runs the feed process; kills it with SIGKILL once `killAfter` batches have committed. */
function runFeed(input: string, killAfter?: number): Promise<FeedRun> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(__dirname, 'support', 'ingest-feed.js'),
      '--profile',
      profileOf('LogisticsMSP'),
      '--user',
      'sensor-gateway',
      '--input',
      input,
      '--batch-size',
      String(batchSize),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: BatchLine[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(JSON.parse(line) as BatchLine);
    const committed = lines.filter((l) => l.outcome === 'committed').length;
    if (killAfter !== undefined && committed >= killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      resolve({ lines, exitCode, signal });
    });
  });
}

describe('reading ingestion killed and restarted halfway', () => {
  let parties: Parties;
  let workDir: string;

  beforeAll(async () => {
    parties = await connectParties();
    workDir = mkdtempSync(path.join(tmpdir(), 'coldtrace-feed-'));
  });

  afterAll(() => {
    closeParties(parties);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('stores each of 3,000 readings exactly once after a SIGKILL and a restart', async () => {
    const lot = await registerLot(parties.shipper);
    const shipmentId = await shipmentInTransit(parties, lot.lotId);
    const readings = feedReadings(Date.now() - minuteMs);
    const input = path.join(workDir, 'feed.json');
    writeFileSync(input, JSON.stringify({ shipmentId, readings }));

    const killed = await runFeed(input, killAfterBatches);

    expect(killed.signal).toBe('SIGKILL');
    const committedBeforeKill = killed.lines.filter((l) => l.outcome === 'committed').length;
    expect(committedBeforeKill).toBeGreaterThanOrEqual(killAfterBatches);
    const afterKill = (await parties.qa.shipments.get(shipmentId)).readingCount;
    expect(afterKill).toBeGreaterThanOrEqual(killAfterBatches * batchSize);
    expect(afterKill).toBeLessThan(readings.length);

    const restarted = await runFeed(input);

    expect(restarted.exitCode).toBe(0);
    expect(restarted.lines).toHaveLength(readings.length / batchSize);
    expect(restarted.lines.every((l) => l.outcome === 'committed')).toBe(true);
    const storedNow = restarted.lines.reduce((total, l) => total + (l.stored ?? 0), 0);
    const duplicates = restarted.lines.reduce((total, l) => total + (l.duplicates ?? 0), 0);
    // The restart re-sent what the killed run had committed; the chaincode counted it once.
    expect(duplicates).toBeGreaterThanOrEqual(committedBeforeKill * batchSize);
    expect(storedNow + duplicates).toBe(readings.length);

    const shipment = await parties.qa.shipments.get(shipmentId);
    expect(shipment.readingCount).toBe(readings.length);
    expect([...shipment.sensorIds].sort()).toEqual(sensors);
    const stored = await collect(parties.auditor.readings.all(shipmentId, { pageSize: 1000 }));
    const key = (sensorId: string, ms: number, milliC: number): string =>
      `${sensorId}@${ms}=${milliC}`;
    const storedKeys = stored.map((r) => key(r.sensorId, r.timestampMs, r.milliC));
    const inputKeys = readings.map((r) =>
      key(r.sensorId, Date.parse(r.timestamp), Math.round(r.value * 1000)),
    );
    expect(storedKeys).toHaveLength(readings.length);
    expect(new Set(storedKeys).size).toBe(readings.length);
    expect([...storedKeys].sort()).toEqual([...inputKeys].sort());
  });
});
