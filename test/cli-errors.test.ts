// The CLI speaks the user's words when things go wrong (issue 9, item 9): the option at fault is
// named, a bad option value exits 2, `--json` makes errors JSON, and a peer nobody listens on
// is reported as a network that looks down, with how to start it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runColdtrace } from './support/cli';
import { profileDir } from './support/network';

const asShipper = (argv: readonly string[], profiles?: string) =>
  runColdtrace('PharmaMSP', 'shipper', argv, profiles !== undefined ? { profiles } : {});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('coldtrace CLI errors', () => {
  it('names the option whose value the chaincode refused, and exits 2', async () => {
    const run = await asShipper([
      'lot',
      'register',
      '--gtin',
      '09506000134353',
      '--lot-number',
      'L-CLI-1',
      '--expiry',
      '2028-01-31',
      '--product',
      'Vaccine X',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^coldtrace: VALIDATION_FAILED: --gtin has an invalid check digit$/m,
    );
    expect(run.stderr).not.toContain('lotJson');
  });

  it('refuses a malformed time before connecting, naming --from', async () => {
    const run = await asShipper([
      'readings',
      'list',
      '--shipment',
      'SHP-NONE',
      '--from',
      'yesterday',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from must be a time such as 2026-11-23T10:00:00Z');
  });

  it('prints errors as JSON with --json', async () => {
    const usage = await asShipper(['shipment', 'get', '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toEqual({
      error: { exitCode: 2, code: 'USAGE', message: '--shipment is required' },
    });
    const missing = await asShipper(['shipment', 'get', '--shipment', 'SHP-NOPE', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { exitCode: 1, code: 'NOT_FOUND' } });
  });

  it('says the network looks down when the peer refuses the connection', async () => {
    const port = await closedPort();
    const profiles = mkdtempSync(path.join(tmpdir(), 'coldtrace-profiles-'));
    const profile = JSON.parse(readFileSync(path.join(profileDir, 'PharmaMSP.json'), 'utf8')) as {
      peer: { endpoint: string };
    };
    profile.peer.endpoint = `127.0.0.1:${port}`;
    writeFileSync(path.join(profiles, 'PharmaMSP.json'), JSON.stringify(profile));
    const run = await asShipper(['shipment', 'get', '--shipment', 'SHP-1'], profiles);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot reach the peer at 127.0.0.1:${port} (connection refused)`);
    expect(run.stderr).toContain('npm run network -- up');
  });
});
