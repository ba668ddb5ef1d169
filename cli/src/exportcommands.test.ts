// `coldtrace shipment export` over a stub of the client's three query methods: it writes the
// document from the paged iterators, to a file only once complete, or to standard output.
import type { ColdtraceClient, SensorReading, Shipment } from '@coldtrace/gateway-client';
import { epcisSchemaViolation } from '@coldtrace/readings-io';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { newCommandRegistry } from './commands';
import { type CliEnvironment, runCli } from './runcli';

const t0 = Date.parse('2026-11-23T10:00:00Z');
const actor = { mspId: 'PharmaMSP', id: 'x509::CN=shipper', role: 'shipper' };
const shipment: Shipment = {
  shipmentId: 'SHP-1',
  ownerMspId: 'PharmaMSP',
  lots: [{ lotId: '09506000134352:L1', quantity: 10 }],
  origin: { gln: null, name: 'DC' },
  destination: { gln: null, name: 'Pharmacy' },
  profile: {
    name: 'p',
    range: { minMilliC: 2000, maxMilliC: 8000 },
    rules: [],
    mkt: null,
    maxLoggingIntervalMs: 900_000,
  },
  status: 'CREATED',
  statusBeforeQuarantine: null,
  custodianMspId: 'PharmaMSP',
  pendingHandover: null,
  handovers: [],
  endorsingMspIds: ['PharmaMSP', 'AuditorMSP'],
  transitStartedAtMs: null,
  deliveredAtMs: null,
  quarantinedAtMs: null,
  disposition: null,
  readingCount: 3,
  oldReadingWindowMs: 30 * 86_400_000,
  readingFlags: { oldReadings: 0, earliestOldReadingMs: null, conflicts: 0 },
  sensorIds: ['S1'],
  eventCount: 1,
  createdBy: actor,
  createdAtMs: t0,
  updatedAtMs: t0,
};

function readingsUntil(failAt: number | undefined): AsyncIterable<SensorReading> {
  return (async function* () {
    for (let i = 0; i < 3; i += 1) {
      if (i === failAt) throw new Error('peer went away');
      yield await Promise.resolve({
        shipmentId: 'SHP-1',
        sensorId: 'S1',
        timestampMs: t0 + i * 60_000,
        milliC: 4000 + i,
        humidityPct: null,
        location: null,
      });
    }
  })();
}

function run(argv: string[], failAt?: number) {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let stderr = '';
  const client = {
    shipments: {
      get: () => Promise.resolve(shipment),
      history: () => (async function* () {})(),
    },
    readings: { all: () => readingsUntil(failAt) },
    close: () => undefined,
  } as unknown as ColdtraceClient;
  const env: CliEnvironment = {
    env: { COLDTRACE_ORG: 'PharmaMSP', COLDTRACE_USER: 'qa', COLDTRACE_PROFILES: '/profiles' },
    cwd: '/',
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: {
      write: (text: string) => (stderr += text) !== '',
    } as unknown as NodeJS.WriteStream,
    signal: new AbortController().signal,
    connectClient: () => Promise.resolve(client),
  };
  return runCli(newCommandRegistry(), ['shipment', 'export', ...argv], env).then((code) => ({
    code,
    stdout: Buffer.concat(chunks).toString('utf8'),
    stderr,
  }));
}

describe('coldtrace shipment export', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'coldtrace-export-'));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('writes a schema-valid document to --output and says what it wrote', async () => {
    const file = join(mkdtempSync(join(scratch, 'ok-')), 'SHP-1.jsonld');
    const result = await run(['--shipment', 'SHP-1', '--epcis', '--output', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `wrote ${file}: 0 custody step(s), 3 reading(s) in 1 sensor event(s)\n`,
    );
    expect(epcisSchemaViolation(JSON.parse(readFileSync(file, 'utf8')))).toBeUndefined();
  });

  it('leaves no file when the export fails half way', async () => {
    const dir = mkdtempSync(join(scratch, 'failed-'));
    const result = await run(['--shipment', 'SHP-1', '--epcis', '--output', join(dir, 'x')], 2);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('coldtrace: peer went away\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('streams to standard output without --output', async () => {
    const result = await run(['--shipment', 'SHP-1', '--epcis']);
    expect(result.code).toBe(0);
    expect(epcisSchemaViolation(JSON.parse(result.stdout))).toBeUndefined();
  });

  it('needs --epcis, the format, as a usage error', async () => {
    const result = await run(['--shipment', 'SHP-1', '--output', '/nonexistent/x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--epcis is required');
    expect(existsSync('/nonexistent/x')).toBe(false);
  });
});
