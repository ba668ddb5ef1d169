// `coldtrace audit verify` opens its report files before verifying: a bad path fails at once,
// and leaves no report file it had already created.
import type { ColdtraceClient } from '@coldtrace/gateway-client';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCommandRegistry } from './commands';
import { type CliEnvironment, runCli } from './runcli';

describe('coldtrace audit verify', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'coldtrace-audit-'));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('removes the HTML report it created when the JSON report cannot be written', async () => {
    let verified = 0;
    let stderr = '';
    const client = {
      provenance: () => ({
        verifyShipment: () => {
          verified++;
          return Promise.reject(new Error('not reached'));
        },
      }),
      close: () => undefined,
    } as unknown as ColdtraceClient;
    const env: CliEnvironment = {
      env: { COLDTRACE_ORG: 'AuditorMSP', COLDTRACE_USER: 'auditor', COLDTRACE_PROFILES: '/p' },
      cwd: '/',
      stdout: { write: () => true } as unknown as NodeJS.WriteStream,
      stderr: { write: (text: string) => (stderr += text) !== '' } as unknown as NodeJS.WriteStream,
      signal: new AbortController().signal,
      connectClient: () => Promise.resolve(client),
    };
    const argv = ['audit', 'verify', '--shipment', 'SHP-1'];
    const reports = ['--report', join(scratch, 'r.html')];
    const badJson = ['--report-json', join(scratch, 'no-such-dir', 'r.json')];
    const code = await runCli(newCommandRegistry(), [...argv, ...reports, ...badJson], env);
    expect(code).toBe(1);
    expect(stderr).toContain('no-such-dir');
    expect(verified).toBe(0);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
