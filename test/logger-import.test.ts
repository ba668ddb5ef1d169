// An unmodified Onset HOBOware export (test/fixtures/loggers) goes through the real `coldtrace`
// CLI into a shipment on the live network: the dry run reads the shipment's profile and creation
// time and stores nothing, the submission stores every reading the file holds.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  type Parties,
  closeParties,
  connectParties,
  peersInSync,
  registerLot,
  shipmentInTransit,
} from './support/coldtrace';
import { profileDir } from './support/network';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..');
const hoboware = path.join(repoRoot, 'test', 'fixtures', 'loggers', 'onset-hoboware-2-loggers.csv');

async function coldtrace(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return run(
    process.execPath,
    [
      path.join(repoRoot, 'cli', 'dist', 'main.js'),
      ...args,
      '--org',
      'LogisticsMSP',
      '--user',
      'sensor-gateway',
      '--profiles',
      profileDir,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
}

describe('logger export through the CLI', () => {
  let parties: Parties | undefined;

  beforeAll(async () => {
    parties = await connectParties();
  });

  afterAll(() => {
    closeParties(parties);
  });

  it('dry-runs, then stores every reading of an unmodified HOBOware export', async () => {
    const p = parties!;
    const lot = await registerLot(p.shipper);
    const shipmentId = await shipmentInTransit(p, lot.lotId);

    const dry = await coldtrace([
      'readings',
      'submit',
      '--shipment',
      shipmentId,
      '--file',
      hoboware,
      '--dry-run',
    ]);
    expect(dry.stdout).toContain(
      '480 readings from 2 sensor(s) would be submitted; 6 entries skipped.',
    );
    expect(dry.stdout).toContain(`Shipment ${shipmentId}: profile refrigerated-2-8 (2.0..8.0 °C)`);
    expect(dry.stdout).toContain('units: every sensor fits the profile');
    // The file is from June 2026; the shipment was created just now.
    expect(dry.stdout).toContain(
      'OLD READINGS: 480 readings were taken more than 30 days before the shipment was created',
    );
    expect((await p.qa.shipments.get(shipmentId)).readingCount).toBe(0);

    const submitted = await coldtrace([
      'readings',
      'submit',
      '--shipment',
      shipmentId,
      '--file',
      hoboware,
    ]);
    expect(submitted.stderr).toContain('6 entries of the file hold no reading (see --dry-run)');
    await peersInSync(p);
    const stored = await p.qa.shipments.get(shipmentId);
    expect(stored.readingCount).toBe(480);
    expect([...stored.sensorIds].sort()).toEqual(['20338010', '20338011']);
  });
});
