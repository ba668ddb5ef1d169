// The published builds hold production code only, and the chaincode's package label follows its
// production sources alone (scripts/deploy.sh), so editing a test never forces a new sequence.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');
const packages = ['protocol', 'chaincode', 'gateway-client', 'readings-io', 'cli', 'demo', 'bench'];
const testOnly = /\.test\.|[\\/]testing[\\/]|inmemoryledger|testfixtures/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) =>
    path.join(dir, file),
  );
}

describe('build outputs', () => {
  it.each(packages)('%s/dist holds no tests, test doubles or jest types', (name) => {
    const dist = filesUnder(path.join(repoRoot, name, 'dist'));
    expect(dist.filter((file) => testOnly.test(file))).toEqual([]);
    const declarations = dist.filter((file) => file.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(0);
    const withJest = declarations.filter((file) => /\bjest\b/.test(readFileSync(file, 'utf8')));
    expect(withJest).toEqual([]);
  });

  it('labels the chaincode by its production sources only', () => {
    const listed = execFileSync(
      process.execPath,
      [path.join(repoRoot, 'scripts/lib/production-sources.js'), path.join(repoRoot, 'chaincode')],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map((file) => path.relative(repoRoot, file));
    expect(listed).toContain('chaincode/src/coldchaincontract.ts');
    expect(listed).toContain('chaincode/package.json');
    expect(listed.filter((file) => testOnly.test(file))).toEqual([]);
  });
});
