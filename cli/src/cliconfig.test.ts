import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveCliConfig } from './cliconfig';
import { UsageError } from './usageerror';

describe('resolveCliConfig', () => {
  it('prefers flags over environment', () => {
    const config = resolveCliConfig(
      new Map([
        ['org', 'PharmaMSP'],
        ['user', 'qa'],
        ['profiles', '/p'],
      ]),
      { COLDTRACE_ORG: 'AuditorMSP', COLDTRACE_USER: 'auditor' },
      '/tmp',
    );
    expect(config).toEqual({ org: 'PharmaMSP', user: 'qa', profilesDir: '/p' });
  });

  it('falls back to environment and finds the profiles under the repository root', () => {
    const root = mkdtempSync(join(tmpdir(), 'coldtrace-cli-'));
    mkdirSync(join(root, '.coldtrace', 'network', 'profiles'), { recursive: true });
    mkdirSync(join(root, 'gateway-client', 'src'), { recursive: true });
    const config = resolveCliConfig(
      new Map(),
      { COLDTRACE_ORG: 'AuditorMSP', COLDTRACE_USER: 'auditor' },
      join(root, 'gateway-client', 'src'),
    );
    expect(config.org).toBe('AuditorMSP');
    expect(config.profilesDir).toBe(join(root, '.coldtrace', 'network', 'profiles'));
  });

  it('is a usage error without org or user', () => {
    expect(() => resolveCliConfig(new Map([['user', 'qa']]), {}, '/tmp')).toThrow(UsageError);
    expect(() => resolveCliConfig(new Map([['org', 'PharmaMSP']]), {}, '/tmp')).toThrow(/--user/);
  });
});
