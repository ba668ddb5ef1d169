import * as path from 'node:path';
import { UsageError, parseBenchOptions } from './benchoptions';
import { expectedAlerts } from './largeshipment';

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

  it('plans a large shipment of at least 1,000,000 readings and 20,000 alerts in the full run', () => {
    const full = parseBenchOptions([], {}, root);
    expect(full).not.toBe('help');
    if (full === 'help') return;
    expect(full.largeShipment.readings).toBeGreaterThanOrEqual(1_000_000);
    expect(expectedAlerts(full.largeShipment)).toBeGreaterThanOrEqual(20_000);
    expect(full.largeOnly).toBe(false);
  });

  it('keeps the quick large shipment small, and takes --large-readings and --large-only', () => {
    const quick = parseBenchOptions(
      ['--quick', '--large-only', '--large-readings', '1001'],
      {},
      root,
    );
    expect(quick).toMatchObject({ largeOnly: true, largeShipment: { readings: 1000, sensors: 4 } });
    const preset = parseBenchOptions(['--quick'], {}, root);
    expect(preset).toMatchObject({ largeShipment: { readings: 5000 } });
    expect(() => parseBenchOptions(['--large-readings', '0'], {}, root)).toThrow(UsageError);
  });

  it('answers help', () => {
    expect(parseBenchOptions(['--quick', '-h'], {}, root)).toBe('help');
  });
});
