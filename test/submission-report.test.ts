// Issue 9: a submission says what happened. One batch mixing duplicates, a conflict, a reading
// from long before the shipment was created and a freezing reading goes through the library (its
// receipts and summary) and through the built CLI (`readings submit`, as a user runs it).
import type { IngestionSummary, SensorReadingInput } from '@coldtrace/gateway-client';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  closeParties,
  connectParties,
  type Parties,
  peersInSync,
  readingsAt,
  registerLot,
  shipmentInTransit,
} from './support/coldtrace';
import { profileDir } from './support/network';

const dayMs = 86_400_000;
const cli = path.resolve(__dirname, '..', 'cli', 'dist', 'main.js');

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

/** Three readings stored first, then the mixed batch: what each reading of it is. */
function scenario(baseMs: number): { first: SensorReadingInput[]; mixed: SensorReadingInput[] } {
  const first = readingsAt('LOGGER-1', baseMs, [5.0, 5.1, 5.2]);
  const mixed = [
    ...readingsAt('LOGGER-1', baseMs, [5.0, 5.1]), // duplicates
    ...readingsAt('LOGGER-1', baseMs + 20_000, [6.8]), // conflict: 5.2 °C is stored
    ...readingsAt('LOGGER-1', baseMs - 40 * dayMs, [4.0]), // old: before creation - 30 days
    ...readingsAt('LOGGER-1', baseMs + 30_000, [-1.0, 5.0]), // freezing, then back in range
  ];
  return { first, mixed };
}

const loud = (shipmentId: string): string =>
  `SHIPMENT ${shipmentId} IS QUARANTINED: A CRITICAL ALERT HOLDS IT UNTIL QA RELEASES OR REJECTS IT`;

describe('a submission says what happened', () => {
  let parties: Parties;
  let workDir: string;

  beforeAll(async () => {
    parties = await connectParties();
    workDir = mkdtempSync(path.join(tmpdir(), 'coldtrace-submission-'));
  });

  afterAll(() => {
    closeParties(parties);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('reports stored, duplicates, the conflict, the old reading and the quarantine in the library', async () => {
    const lot = await registerLot(parties.shipper);
    const shipmentId = await shipmentInTransit(parties, lot.lotId);
    const baseMs = Date.now();
    const { first, mixed } = scenario(baseMs);
    await parties.carrier.readings.newIngestion().enqueue(shipmentId, first);
    await peersInSync(parties);

    // Two readings a batch: in time order [old, duplicate], [duplicate, conflict], [freezing, 5 °C].
    const summary = await parties.carrier.readings
      .newIngestion({ maxBatchSize: 2 })
      .ingest([{ shipmentId, readings: mixed }]);
    expect(summary.batches.map((b) => b.outcome)).toEqual(['committed', 'committed', 'committed']);
    const receipts = summary.batches.map((b) => b.receipt);
    expect(
      receipts.map((r) => [r?.stored, r?.duplicates, r?.conflicts.length, r?.oldReadings]),
    ).toEqual([
      [1, 1, 0, 1],
      [0, 1, 1, 0],
      [2, 0, 0, 0],
    ]);
    expect(receipts[1]?.conflicts).toEqual([
      {
        sensorId: 'LOGGER-1',
        timestampMs: baseMs + 20_000,
        stored: { milliC: 5200, humidityPct: null, location: null },
        submitted: { milliC: 6800, humidityPct: null, location: null },
      },
    ]);
    expect(receipts[2]).toMatchObject({
      shipmentStatus: 'QUARANTINED',
      alertCounts: { raised: 2, changed: 0, withdrawn: 0 },
    });

    const [shipment] = summary.shipments;
    expect(shipment).toMatchObject({
      shipmentId,
      receipts: 3,
      stored: 3,
      duplicates: 2,
      oldReadings: 1,
      earliestOldReadingMs: baseMs - 40 * dayMs,
      alertsComplete: true,
      shipmentStatus: 'QUARANTINED',
      readingCount: 6,
    });
    expect(shipment?.conflicts).toEqual(receipts[1]?.conflicts);
    expect(shipment?.alerts.map((a) => [a.change, a.severity, a.type, a.status])).toEqual([
      ['RAISED', 'CRITICAL', 'HARD_LIMIT', 'OPEN'],
      ['RAISED', 'WARNING', 'OUT_OF_RANGE', 'OPEN'],
    ]);

    await peersInSync(parties);
    expect((await parties.qa.shipments.get(shipmentId)).readingFlags).toEqual({
      oldReadings: 1,
      earliestOldReadingMs: baseMs - 40 * dayMs,
      conflicts: 1,
    });
  });

  it('prints the report from the CLI, the quarantine loudly, and the summary with --json', async () => {
    const lot = await registerLot(parties.shipper);
    const shipmentId = await shipmentInTransit(parties, lot.lotId);
    const baseMs = Date.now();
    const { first, mixed } = scenario(baseMs);
    await parties.carrier.readings.newIngestion().enqueue(shipmentId, first);
    await peersInSync(parties);
    const file = path.join(workDir, `${shipmentId}.json`);
    writeFileSync(file, JSON.stringify({ readings: mixed }));
    const submit = (...extra: string[]) =>
      runCli([
        'readings',
        'submit',
        '--org',
        'LogisticsMSP',
        '--user',
        'sensor-gateway',
        '--profiles',
        profileDir,
        '--shipment',
        shipmentId,
        '--file',
        file,
        ...extra,
      ]);

    const human = await submit();
    expect(human.code).toBe(0);
    const lines = human.stdout.split('\n');
    expect(lines).toContain(
      `Shipment ${shipmentId}: 3 readings stored, 2 duplicates, 1 conflict, 1 old reading`,
    );
    expect(human.stdout).toMatch(
      new RegExp(`LOGGER-1 +${new Date(baseMs + 20_000).toISOString()} +5.2 °C +6.8 °C`),
    );
    expect(human.stdout).toContain(`earliest ${new Date(baseMs - 40 * dayMs).toISOString()}`);
    expect(human.stdout).toMatch(
      /RAISED +CRITICAL +HARD_LIMIT +OPEN +HARD_LIMIT:freezing:LOGGER-1:/,
    );
    expect(lines).toContain('Status: QUARANTINED');
    expect(lines).toContain(loud(shipmentId));
    expect(human.stderr.split('\n')).toContain(loud(shipmentId));
    expect(human.stderr).toContain(`shipment ${shipmentId}: 1 conflicting reading not stored`);

    // The same file again, for a script: everything is a duplicate but the conflict, still there.
    await peersInSync(parties);
    const json = await submit('--json');
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout) as IngestionSummary;
    expect(summary.shipments).toEqual([
      expect.objectContaining({
        shipmentId,
        stored: 0,
        duplicates: 5,
        oldReadings: 0,
        alerts: [],
        shipmentStatus: 'QUARANTINED',
        conflicts: [expect.objectContaining({ timestampMs: baseMs + 20_000 })],
      }),
    ]);
    expect(json.stderr.split('\n')).toContain(loud(shipmentId));
    await peersInSync(parties);
    expect((await parties.qa.shipments.get(shipmentId)).readingFlags.conflicts).toBe(1);
  });
});
