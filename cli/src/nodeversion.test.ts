import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimumNodeVersion, unsupportedNodeReason } from './nodeversion';

describe('unsupportedNodeReason', () => {
  it.each(['22.12.0', '22.23.3', '24.0.0', '24.21.0', 'v26.1.0'])('accepts %s', (version) => {
    expect(unsupportedNodeReason(version)).toBeUndefined();
  });

  it.each(['20.20.2', '22.11.9', '18.0.0', 'v22.0.0'])(
    'refuses %s, naming both versions',
    (version) => {
      const reason = unsupportedNodeReason(version);
      expect(reason).toContain(version);
      expect(reason).toContain(minimumNodeVersion);
    },
  );

  it('matches engines.node of the package', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe(`>=${minimumNodeVersion}`);
  });
});
