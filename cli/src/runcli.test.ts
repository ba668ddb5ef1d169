import type { ColdtraceClient } from '@coldtrace/gateway-client';
import { NotFoundError } from '@coldtrace/gateway-client';
import { newCommandRegistry } from './commands';
import { type CliEnvironment, runCli } from './runcli';

interface Captured {
  stdout: string;
  stderr: string;
  connections: string[];
  closed: number;
}

function environment(get: (id: string) => Promise<unknown>): {
  env: CliEnvironment;
  captured: Captured;
} {
  const captured: Captured = { stdout: '', stderr: '', connections: [], closed: 0 };
  const stream = (key: 'stdout' | 'stderr'): NodeJS.WriteStream =>
    ({
      isTTY: false,
      write: (text: string) => {
        captured[key] += text;
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  // Only the part of the client the command under test touches.
  const client = {
    shipments: { get },
    close: () => {
      captured.closed++;
    },
  } as unknown as ColdtraceClient;
  return {
    captured,
    env: {
      env: { COLDTRACE_ORG: 'PharmaMSP', COLDTRACE_USER: 'qa', COLDTRACE_PROFILES: '/profiles' },
      cwd: '/',
      stdout: stream('stdout'),
      stderr: stream('stderr'),
      signal: new AbortController().signal,
      connectClient: (profile, user) => {
        captured.connections.push(`${profile} as ${user}`);
        return Promise.resolve(client);
      },
    },
  };
}

const registry = newCommandRegistry();

describe('runCli', () => {
  it('prints help with exit code 0 without connecting', async () => {
    const { env, captured } = environment(() => Promise.reject(new Error('unused')));
    expect(await runCli(registry, ['--help'], env)).toBe(0);
    expect(captured.stdout).toContain('readings submit');
    expect(await runCli(registry, ['audit', 'verify', '--help'], env)).toBe(0);
    expect(captured.stdout).toContain('--report');
    expect(captured.connections).toEqual([]);
  });

  it('exits 2 for unknown commands, unknown options and missing required options', async () => {
    const { env, captured } = environment(() => Promise.reject(new Error('unused')));
    expect(await runCli(registry, ['teleport'], env)).toBe(2);
    expect(await runCli(registry, ['shipment', 'get', '--colour', 'red'], env)).toBe(2);
    expect(await runCli(registry, ['shipment', 'get'], env)).toBe(2);
    expect(captured.stderr).toContain('--shipment is required');
  });

  it('refuses a bad option value with exit 2, naming the option and the rule, before connecting', async () => {
    const { env, captured } = environment(() => Promise.reject(new Error('unused')));
    const argv = ['readings', 'submit', '--shipment', 'SHP-1', '--file', 'x.csv'];
    expect(await runCli(registry, [...argv, '--batch-size', 'abc'], env)).toBe(2);
    expect(captured.stderr).toContain(
      "--batch-size must be a whole number from 1 to 1000 (got 'abc')",
    );
    expect(await runCli(registry, [...argv, '--batch-size=1001'], env)).toBe(2);
    expect(await runCli(registry, [...argv, '--in-flight', '0'], env)).toBe(2);
    expect(await runCli(registry, ['alerts', 'watch', '--from-block', '-1'], env)).toBe(2);
    expect(captured.connections).toEqual([]);
  });

  it('says which option lacks its value', async () => {
    const { env, captured } = environment(() => Promise.reject(new Error('unused')));
    expect(await runCli(registry, ['shipment', 'get', '--shipment'], env)).toBe(2);
    expect(captured.stderr).toContain('--shipment needs a value');
    expect(await runCli(registry, ['shipment', 'get', '--shipment', '--json'], env)).toBe(2);
    expect(captured.stderr).toContain('coldtrace shipment get: --shipment needs a value');
  });

  it('exits 1 with a one-line message for an expected failure and closes the connection', async () => {
    const { env, captured } = environment(() =>
      Promise.reject(new NotFoundError({ message: 'shipment SHP-9 not found' })),
    );
    expect(await runCli(registry, ['shipment', 'get', '--shipment', 'SHP-9'], env)).toBe(1);
    expect(captured.stderr).toBe('coldtrace: NOT_FOUND: shipment SHP-9 not found\n');
    expect(captured.connections).toEqual(['/profiles/PharmaMSP.json as qa']);
    expect(captured.closed).toBe(1);
  });

  it('prints JSON for scripts with --json and honours --org/--user over the environment', async () => {
    const shipment = { shipmentId: 'SHP-1', status: 'CREATED' };
    const { env, captured } = environment(() => Promise.resolve(shipment));
    const args = [
      'shipment',
      'get',
      '--shipment',
      'SHP-1',
      '--json',
      '--org=AuditorMSP',
      '--user',
      'auditor',
    ];
    expect(await runCli(registry, args, env)).toBe(0);
    expect(JSON.parse(captured.stdout)).toEqual(shipment);
    expect(captured.connections).toEqual(['/profiles/AuditorMSP.json as auditor']);
  });
});
