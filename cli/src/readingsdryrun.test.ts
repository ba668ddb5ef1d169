// `readings submit` as a user runs it on real logger exports (test/fixtures/loggers), with the
// client seam of runCli: the fake client has only `shipments.get`, so any submission would throw.
import type { ColdtraceClient, Shipment } from '@coldtrace/gateway-client';
import { EndorsementError, NotFoundError } from '@coldtrace/gateway-client';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newCommandRegistry } from './commands';
import { type CliEnvironment, runCli } from './runcli';

const fixture = (name: string): string =>
  path.join(__dirname, '..', '..', 'test', 'fixtures', 'loggers', name);

const shipment = {
  shipmentId: 'SHP-1',
  createdAtMs: Date.parse('2026-06-09T12:00:00Z'),
  oldReadingWindowMs: 30 * 86_400_000,
  profile: {
    name: 'refrigerated-2-8',
    range: { minMilliC: 2000, maxMilliC: 8000 },
    rules: [],
    mkt: null,
    maxLoggingIntervalMs: 900_000,
  },
} as unknown as Shipment;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  connections: number;
}

async function submit(argv: string[], get: () => Promise<Shipment>): Promise<Run> {
  const captured = { stdout: '', stderr: '', connections: 0 };
  const stream = (key: 'stdout' | 'stderr'): NodeJS.WriteStream =>
    ({
      isTTY: false,
      write: (text: string) => {
        captured[key] += text;
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const client = { shipments: { get }, close: () => undefined } as unknown as ColdtraceClient;
  const env: CliEnvironment = {
    env: { COLDTRACE_ORG: 'LogisticsMSP', COLDTRACE_USER: 'sensor-gateway' },
    cwd: '/',
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    signal: new AbortController().signal,
    connectClient: () => {
      captured.connections++;
      return Promise.resolve(client);
    },
  };
  const code = await runCli(
    newCommandRegistry(),
    ['readings', 'submit', '--shipment', 'SHP-1', ...argv],
    env,
  );
  return { code, ...captured };
}

const found = (): Promise<Shipment> => Promise.resolve(shipment);
const down = (): Promise<Shipment> =>
  Promise.reject(
    new EndorsementError({ message: 'connection refused', retryable: true, grpcCode: 14 }),
  );

describe('readings submit --dry-run', () => {
  it('shows per sensor what an unmodified HOBOware export would submit, and submits nothing', async () => {
    const run = await submit(
      ['--file', fixture('onset-hoboware-2-loggers.csv'), '--dry-run'],
      found,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was submitted.');
    expect(run.stdout).toMatch(
      /20338010\s+240\s+2026-06-10T00:00:00.000Z\s+2026-06-14T23:30:00.000Z\s+[\d.]+\s+[\d.]+\s+°C/u,
    );
    expect(run.stdout).toContain(
      '480 readings from 2 sensor(s) would be submitted; 6 entries skipped.',
    );
    expect(run.stdout).toContain('line 243: no temperature (Coupler Attached: Logged)');
    expect(run.stdout).toContain('Shipment SHP-1: profile refrigerated-2-8 (2.0..8.0 °C)');
    expect(run.stdout).toContain('units: every sensor fits the profile');
  });

  it('still prints the summary when the network is down, saying the checks were skipped', async () => {
    const run = await submit(
      ['--file', fixture('onset-hoboware-2-loggers.csv'), '--dry-run'],
      down,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('480 readings from 2 sensor(s)');
    expect(run.stdout).toContain(
      'Profile checks skipped: cannot read shipment SHP-1 (UNAVAILABLE: connection refused)',
    );
  });

  it('exits 1 when the shipment does not exist, after the summary', async () => {
    const run = await submit(['--file', fixture('onset-hoboware-2-loggers.csv'), '--dry-run'], () =>
      Promise.reject(new NotFoundError({ message: 'shipment SHP-1 not found' })),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('480 readings');
    expect(run.stderr).toBe(
      'coldtrace: NOT_FOUND: shipment SHP-1 not found; nothing could be stored\n',
    );
  });

  it('flags °F values stated as °C for a 2-8 °C profile, and readings older than the shipment', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dry-run-'));
    const file = path.join(dir, 'fahrenheit.csv');
    await writeFile(
      file,
      'Sensor,Timestamp,Temp\nL-7,2026-05-01T08:00:00Z,41\nL-7,2026-06-10T08:15:00Z,43\nL-7,2026-06-10T08:30:00Z,42\n',
    );
    const run = await submit(['--file', file, '--unit', 'CEL', '--dry-run'], found);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "values of column 'Temp' are taken as °C from --unit: the file states no unit",
    );
    expect(run.stdout).toContain(
      "UNIT? sensor L-7: 3 values stated in °C have a median of 42.0 °C, far outside the profile's 2.0 °C..8.0 °C; read as °F they would be 5.6 °C: is the unit right?",
    );
    expect(run.stdout).toContain(
      'OLD READINGS: 1 readings were taken more than 30 days before the shipment was created',
    );
  });

  it('prints JSON for scripts', async () => {
    const run = await submit(
      ['--file', fixture('rotronic-hw4.csv'), '--tz', '+01:00', '--dry-run', '--json'],
      found,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      dryRun: true,
      shipmentId: 'SHP-1',
      format: 'CSV, comma-separated, one column per sensor (1)',
      readingCount: 96,
      sensors: [
        expect.objectContaining({
          sensorId: 'A26040117',
          count: 96,
          first: '2026-06-12T17:00:00.000Z',
          last: '2026-06-13T16:45:00.000Z',
          unit: 'CEL',
        }),
      ],
      skipped: [],
      warnings: [
        "times of column 'Date + Time' are taken as UTC+01:00 from --tz: the file states no zone",
      ],
      checks: { done: true, unitFindings: [], oldReadings: null },
    });
  });
});

describe('readings submit: what a file cannot say', () => {
  it('takes --map, --unit, --tz and --sensor', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'map-'));
    const file = path.join(dir, 'export.txt');
    await writeFile(file, 'Zeit;Messwert\n10.06.2026 08:00;4,5\n10.06.2026 08:15;4,6\n');
    const run = await submit(
      [
        '--file',
        file,
        '--map',
        'timestamp=Zeit',
        '--map=value=Messwert',
        '--unit',
        '°C',
        '--tz',
        '+02:00',
        '--sensor',
        'KS-7',
        '--dry-run',
        '--json',
      ],
      found,
    );
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { sensors: unknown[] };
    expect(output.sensors).toEqual([
      expect.objectContaining({ sensorId: 'KS-7', count: 2, first: '2026-06-10T06:00:00.000Z' }),
    ]);
  });

  it('refuses a file without a unit, naming --unit (exit 1)', async () => {
    const run = await submit(
      ['--file', fixture('gemini-tinytag-explorer.csv'), '--tz', 'UTC', '--dry-run'],
      found,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pass --unit CEL, FAH or KEL');
    expect(run.connections).toBe(0);
  });

  it('refuses a --map column the file lacks, naming --map (exit 1)', async () => {
    const run = await submit(
      ['--file', fixture('rotronic-hw4.csv'), '--map', 'value=Temp', '--dry-run'],
      found,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--map value="Temp": the file has no such column');
  });

  it.each([
    [['--unit', 'XYZ'], "--unit must be CEL, FAH or KEL (or °C, °F, K) (got 'XYZ')"],
    [['--map', 'temp=Temp'], '--map must be <name>=<column> with a name of timestamp, date'],
    [['--map', 'value'], "--map value needs a column after '=' (got 'value')"],
    [['--map', 'value=A', '--map', 'value=B'], '--map value is given twice'],
    [['--tz', 'Europe/Berlin'], '--tz must be a UTC offset such as +01:00, -04:00 or UTC'],
    [['--date-order', 'ymd'], "--date-order must be dmy or mdy (got 'ymd')"],
    [['--sensor', 'a b'], '--sensor must be 1-64 chars'],
  ])('refuses %j with exit 2 before reading or connecting', async (argv, message) => {
    const run = await submit(['--file', fixture('rotronic-hw4.csv'), ...argv, '--dry-run'], found);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.connections).toBe(0);
  });
});
