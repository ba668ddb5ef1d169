// GS1 EPCIS 2.0 through the CLI on the live network: a shipment exported with
// `coldtrace shipment export --epcis` is valid against GS1's schema, and importing the export into
// a second shipment of the same lot with `coldtrace readings submit` reproduces the same readings
// and alerts; GS1's own Example 13 keeps its two sensors apart.
import type { ExcursionAlert, SensorReading, SensorReadingInput } from '@coldtrace/gateway-client';
import { epcisSchemaViolation } from '@coldtrace/readings-io';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  type Parties,
  closeParties,
  collect,
  connectParties,
  peersInSync,
  registerLot,
  shipmentInTransit,
} from './support/coldtrace';
import { profileDir } from './support/network';

const repoRoot = path.resolve(__dirname, '..');
const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function coldtrace(mspId: string, user: string, args: readonly string[]): Promise<CliRun> {
  const argv = [path.join(repoRoot, 'cli/dist/main.js'), ...args];
  argv.push('--org', mspId, '--user', user, '--profiles', profileDir);
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
    });
  });
}

/**
 * Two loggers, one a minute for 90 minutes from the start of the hour three hours ago: before
 * either shipment's transit (so no data gaps), two UTC hours, so two sensor events per logger.
 */
function loggerReadings(): SensorReadingInput[] {
  const start = Math.floor(Date.now() / hourMs) * hourMs - 3 * hourMs;
  const readings: SensorReadingInput[] = [];
  for (let i = 0; i < 90; i += 1) {
    const timestamp = new Date(start + i * minuteMs).toISOString();
    // Door open 30 minutes: 9.5 °C, an OUT_OF_RANGE warning.
    const doorOpen = i >= 20 && i < 50;
    readings.push({
      sensorId: 'EPCIS-LOGGER-1',
      timestamp,
      value: doorOpen ? 9.5 : 5.25,
      unit: 'CEL',
      ...(i % 10 === 0 ? { humidity: 41.5, location: { lat: 50.110922, lon: 8.682127 } } : {}),
    });
    // A GIAI-numbered probe that touches freezing once: HARD_LIMIT, CRITICAL, quarantine.
    readings.push({
      sensorId: 'urn:epc:id:giai:4000001.111',
      timestamp,
      value: i === 60 ? -0.5 : 4.125,
      unit: 'CEL',
    });
  }
  return readings;
}

const storedReading = (r: SensorReading) => ({
  sensorId: r.sensorId,
  timestampMs: r.timestampMs,
  milliC: r.milliC,
  humidityPct: r.humidityPct,
  location: r.location,
});

const derivedAlert = (a: ExcursionAlert) => ({
  alertId: a.alertId,
  type: a.type,
  severity: a.severity,
  ruleId: a.ruleId,
  sensorId: a.sensorId,
  startMs: a.startMs,
  endMs: a.endMs,
  ongoing: a.ongoing,
  durationMs: a.durationMs,
  peakMilliC: a.peakMilliC,
});

async function readingsOf(parties: Parties, shipmentId: string) {
  return (await collect(parties.qa.readings.all(shipmentId, { pageSize: 1000 }))).map(
    storedReading,
  );
}

async function alertsOf(parties: Parties, shipmentId: string) {
  return (await collect(parties.qa.alerts.byShipment(shipmentId)))
    .filter((alert) => alert.status !== 'WITHDRAWN')
    .map(derivedAlert)
    .sort((a, b) => a.alertId.localeCompare(b.alertId));
}

describe('GS1 EPCIS 2.0 in and out through the CLI', () => {
  let parties: Parties;
  const workDir = mkdtempSync(path.join(tmpdir(), 'coldtrace-epcis-'));

  beforeAll(async () => {
    parties = await connectParties();
  });

  afterAll(() => {
    closeParties(parties);
  });

  it('exports a shipment valid against GS1, and its import reproduces readings and alerts', async () => {
    const lot = await registerLot(parties.shipper);
    const original = await shipmentInTransit(parties, lot.lotId);
    const summary = await parties.carrier.readings
      .newIngestion()
      .ingest([{ shipmentId: original, readings: loggerReadings() }]);
    expect(summary).toMatchObject({ failedBatches: 0, committedReadings: 180 });
    await peersInSync(parties);
    await parties.dispatcher.custody.confirmDelivery(original);
    await peersInSync(parties);
    await parties.qa.shipments.dispose(
      original,
      'RELEASE',
      'probe touched 0 °C once; stability data cover it',
    );
    await peersInSync(parties);

    const file = path.join(workDir, `${original}.jsonld`);
    const exported = await coldtrace('PharmaMSP', 'qa', [
      'shipment',
      'export',
      '--shipment',
      original,
      '--epcis',
      '--output',
      file,
    ]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toBe(
      `wrote ${file}: 4 custody step(s), 180 reading(s) in 4 sensor event(s)\n`,
    );
    const document = JSON.parse(readFileSync(file, 'utf8')) as {
      epcisBody: { eventList: { bizStep: string }[] };
    };
    expect(epcisSchemaViolation(document)).toBeUndefined();
    const steps = document.epcisBody.eventList.map((event) => event.bizStep);
    expect(steps.slice(0, 4)).toEqual(['shipping', 'accepting', 'receiving', 'inspecting']);
    expect(new Set(steps.slice(4))).toEqual(new Set(['sensor_reporting']));

    const copy = await shipmentInTransit(parties, lot.lotId);
    const imported = await coldtrace('LogisticsMSP', 'sensor-gateway', [
      'readings',
      'submit',
      '--shipment',
      copy,
      '--file',
      file,
      '--json',
    ]);
    expect(imported.code).toBe(0);
    await peersInSync(parties);

    const readings = await readingsOf(parties, original);
    expect(readings).toHaveLength(180);
    expect(readings.filter((r) => r.humidityPct !== null && r.location !== null)).toHaveLength(9);
    expect(await readingsOf(parties, copy)).toEqual(readings);
    const alerts = await alertsOf(parties, original);
    expect(alerts.map((a) => a.type)).toEqual(
      expect.arrayContaining(['OUT_OF_RANGE', 'HARD_LIMIT']),
    );
    expect(await alertsOf(parties, copy)).toEqual(alerts);
    expect((await parties.qa.shipments.get(copy)).status).toBe('QUARANTINED');
  });

  it("keeps GS1 Example 13's two sensors at one time as two readings", async () => {
    const lot = await registerLot(parties.shipper);
    const shipmentId = await shipmentInTransit(parties, lot.lotId);
    const example13 = path.join(
      repoRoot,
      'readings-io/src/testdata/gs1/JSON/WithSensorData/SensorDataExample13.jsonld',
    );
    const submitted = await coldtrace('LogisticsMSP', 'sensor-gateway', [
      'readings',
      'submit',
      '--shipment',
      shipmentId,
      '--file',
      example13,
      '--json',
    ]);
    expect(submitted.code).toBe(0);
    await peersInSync(parties);
    const stored = await readingsOf(parties, shipmentId);
    expect(stored.map((r) => r.milliC).sort()).toEqual([20700, 20900]);
    expect(new Set(stored.map((r) => r.sensorId)).size).toBe(2);
    expect((await parties.qa.shipments.get(shipmentId)).readingCount).toBe(2);
  });
});
