import * as path from 'node:path';
import { UsageError, parseBenchOptions } from './benchoptions';

const root = '/repo';

describe('parseBenchOptions', () => {
  it('takes the full preset and the default home profiles by default', () => {
    const options = parseBenchOptions([], {}, root);
    expect(options).toMatchObject({
      mode: 'full',
      profileDir: path.join(root, '.coldtrace', 'network', 'profiles'),
      outputDir: path.join(root, 'bench-results'),
    });
  });

  it('takes profiles from COLDTRACE_PROFILES, then COLDTRACE_HOME', () => {
    expect(parseBenchOptions([], { COLDTRACE_PROFILES: '/p' }, root)).toMatchObject({
      profileDir: '/p',
    });
    expect(parseBenchOptions([], { COLDTRACE_HOME: '/h' }, root)).toMatchObject({
      profileDir: '/h/network/profiles',
    });
  });

  it('applies flags over the quick preset', () => {
    const options = parseBenchOptions(
      ['--quick', '--batch-size', '1000', '--loads', '0.5,0.25', '--profiles', '/x'],
      {},
      root,
    );
    expect(options).toMatchObject({
      mode: 'quick',
      readingsPerTransaction: 1000,
      loadFractions: [0.5, 0.25],
      profileDir: '/x',
    });
  });

  it('rejects unknown flags and bad values', () => {
    expect(() => parseBenchOptions(['--fast'], {}, root)).toThrow(UsageError);
    expect(() => parseBenchOptions(['--batch-size', '1001'], {}, root)).toThrow(UsageError);
    expect(() => parseBenchOptions(['--loads', '1.5'], {}, root)).toThrow(UsageError);
    expect(() => parseBenchOptions(['--batch-size', 'abc'], {}, root)).toThrow(
      '--batch-size needs an integer from 1 to 1000',
    );
    expect(() => parseBenchOptions(['--duration'], {}, root)).toThrow('--duration needs a value');
  });

  it('answers help', () => {
    expect(parseBenchOptions(['--quick', '-h'], {}, root)).toBe('help');
  });
});
