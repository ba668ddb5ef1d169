import type { ColdtraceClient, ExcursionAlert, PageRequest } from '@coldtrace/gateway-client';
import { thresholdText } from './alertcommands';
import { newCommandRegistry } from './commands';
import { type CliEnvironment, runCli } from './runcli';

const minute = 60_000;

function alert(n: number, change: Partial<ExcursionAlert> = {}): ExcursionAlert {
  return {
    alertId: `OUT_OF_RANGE:range:T1:${n}`,
    type: 'OUT_OF_RANGE',
    severity: 'WARNING',
    status: 'OPEN',
    shipmentId: 'SHP-1',
    lotIds: ['09506000134352:L1'],
    sensorId: 'T1',
    ruleId: 'range',
    direction: 'ABOVE',
    thresholdMilliC: 8000,
    limitMs: null,
    startMs: Date.UTC(2026, 10, 23, 10) + n * minute,
    endMs: Date.UTC(2026, 10, 23, 10) + n * minute + 105 * minute,
    ongoing: false,
    durationMs: 105 * minute,
    coverage: { coveredMs: 105 * minute, uncoveredMs: 0, uncoveredGaps: 0 },
    loggingIntervals: null,
    peakMilliC: 9500,
    mktMilliC: null,
    custodianMspId: 'LogisticsMSP',
    raisedAtMs: 0,
    raisedTxId: 'tx1',
    updatedAtMs: 0,
    updatedTxId: 'tx1',
    acknowledgement: null,
    ...change,
  };
}

const acknowledged = alert(2, {
  status: 'ACKNOWLEDGED',
  severity: 'CRITICAL',
  acknowledgement: {
    comment: 'reefer restarted',
    by: { mspId: 'PharmaMSP', id: 'x509::qa', role: 'qa' },
    atMs: 0,
    txId: 'tx2',
  },
});

/** A client whose alert pages are `pages`, by bookmark; records the page calls. */
function environment(pages: Record<string, ExcursionAlert[]>) {
  const out = { stdout: '', stderr: '', calls: [] as string[] };
  const page = (name: string) => (id: string | PageRequest, request?: PageRequest) => {
    const { bookmark = '' } = (typeof id === 'string' ? request : id) ?? {};
    out.calls.push(`${name} ${typeof id === 'string' ? id : ''} ${bookmark}`.trim());
    const keys = Object.keys(pages);
    const next = keys[keys.indexOf(bookmark) + 1] ?? '';
    return Promise.resolve({ items: pages[bookmark] ?? [], bookmark: next });
  };
  const client = {
    alerts: {
      byShipmentPage: page('byShipmentPage'),
      byLotPage: page('byLotPage'),
      openPage: page('openPage'),
    },
    close: () => undefined,
  } as unknown as ColdtraceClient;
  const stream = (key: 'stdout' | 'stderr') =>
    ({
      write: (text: string) => {
        out[key] += text;
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const env: CliEnvironment = {
    env: { COLDTRACE_ORG: 'PharmaMSP', COLDTRACE_USER: 'qa', COLDTRACE_PROFILES: '/p' },
    cwd: '/',
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    signal: new AbortController().signal,
    connectClient: () => Promise.resolve(client),
  };
  return { env, out };
}

const registry = newCommandRegistry();
const pages = { '': [alert(0), alert(1, { severity: 'CRITICAL' })], b1: [acknowledged] };

describe('coldtrace alerts list', () => {
  it('prints every page of a shipment, with duration, threshold and acknowledgement', async () => {
    const { env, out } = environment(pages);
    expect(await runCli(registry, ['alerts', 'list', '--shipment', 'SHP-1'], env)).toBe(0);
    expect(out.calls).toEqual(['byShipmentPage SHP-1', 'byShipmentPage SHP-1 b1']);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Alert .*Duration .*Threshold .*Acknowledgement$/);
    expect(lines).toHaveLength(2 + 3);
    expect(lines[2]).toContain('1 h 45 min');
    expect(lines[2]).toContain('above 8.0 °C');
    expect(lines[4]).toContain('PharmaMSP: reefer restarted');
    expect(out.stdout).not.toContain('6300000');
  });

  it('filters by --severity, --status and --since, across pages', async () => {
    const { env, out } = environment(pages);
    const argv = ['alerts', 'list', '--lot', '09506000134352:L1', '--json'];
    expect(await runCli(registry, [...argv, '--severity', 'critical'], env)).toBe(0);
    expect((JSON.parse(out.stdout) as ExcursionAlert[]).map((a) => a.alertId)).toEqual([
      alert(1).alertId,
      acknowledged.alertId,
    ]);
    out.stdout = '';
    expect(await runCli(registry, [...argv, '--status', 'ACKNOWLEDGED'], env)).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([acknowledged]);
    out.stdout = '';
    // Alert 0 ended at 11:45, alert 1 at 11:46: only excursions going on at 11:46 or later.
    const since = new Date(alert(1).endMs!).toISOString();
    expect(await runCli(registry, [...argv, '--since', since], env)).toBe(0);
    expect((JSON.parse(out.stdout) as ExcursionAlert[]).map((a) => a.alertId)).toEqual([
      alert(1).alertId,
      acknowledged.alertId,
    ]);
  });

  it('lists the open alerts without --shipment or --lot', async () => {
    const { env, out } = environment({ '': [alert(0)] });
    expect(await runCli(registry, ['alerts', 'list'], env)).toBe(0);
    expect(out.calls).toEqual(['openPage']);
  });

  it('asks for pages of --page-size', async () => {
    const { env, out } = environment(pages);
    const sizes: number[] = [];
    const argv = ['alerts', 'list', '--shipment', 'SHP-1', '--page-size', '7'];
    const original = env.connectClient!;
    const spying: typeof env = {
      ...env,
      connectClient: async (profile, user) => {
        const client = await original(profile, user);
        const page = client.alerts.byShipmentPage.bind(client.alerts);
        return {
          ...client,
          alerts: {
            ...client.alerts,
            byShipmentPage: (id: string, request?: PageRequest) => {
              sizes.push(request?.pageSize ?? 0);
              return page(id, request);
            },
          },
        };
      },
    };
    expect(await runCli(registry, argv, spying)).toBe(0);
    expect(sizes).toEqual([7, 7]);
    expect(out.calls).toHaveLength(2);
  });

  it.each([
    [['--severity', 'HIGH'], '--severity must be WARNING or CRITICAL'],
    [['--status', 'CLOSED'], '--status must be OPEN, ACKNOWLEDGED or WITHDRAWN'],
    [['--since', 'yesterday'], '--since must be a time such as'],
    [['--status', 'WITHDRAWN'], '--status WITHDRAWN needs --shipment or --lot'],
    [['--shipment', 'A', '--lot', 'B'], 'give --shipment or --lot, not both'],
    [['--page-size', '0'], '--page-size must be a whole number from 1 to 1000'],
  ])('exits 2 for %j, naming the option', async (args, message) => {
    const { env, out } = environment(pages);
    expect(await runCli(registry, ['alerts', 'list', ...args], env)).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.calls).toEqual([]);
  });
});

describe('thresholdText', () => {
  it('says what limit each kind of alert broke', () => {
    expect(thresholdText(alert(0))).toBe('above 8.0 °C');
    expect(thresholdText(alert(0, { direction: 'BELOW', thresholdMilliC: 2000 }))).toBe(
      'below 2.0 °C',
    );
    expect(thresholdText(alert(0, { type: 'CONTINUOUS', limitMs: 2 * 3_600_000 }))).toBe(
      'above 8.0 °C for 2 h',
    );
    expect(thresholdText(alert(0, { type: 'MKT', limitMs: 86_400_000 }))).toBe(
      'MKT above 8.0 °C per 1 d',
    );
    expect(
      thresholdText(
        alert(0, { type: 'DATA_GAP', thresholdMilliC: null, direction: null, limitMs: 900_000 }),
      ),
    ).toBe('silent > 15 min');
  });
});
