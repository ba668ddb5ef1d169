// The oldest Node.js the library runs on: @hyperledger/fabric-gateway 1.12 loads ES-module-only
// dependencies with require(), which Node supports without a flag from 22.12. Kept equal to
// `engines.node` in package.json by a unit test.
export const minimumNodeVersion = '22.12.0';

function versionParts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10));
}

/** Why this Node.js cannot run the CLI, or undefined when it can. */
export function unsupportedNodeReason(version: string): string | undefined {
  const actual = versionParts(version);
  const minimum = versionParts(minimumNodeVersion);
  for (let index = 0; index < minimum.length; index += 1) {
    const difference = (actual[index] ?? 0) - (minimum[index] ?? 0);
    if (difference > 0) return undefined;
    if (difference < 0) {
      return (
        `Node.js ${version} is too old: coldtrace needs ${minimumNodeVersion} or later. ` +
        'Run it through scripts/coldtrace.sh, which uses the Node.js the project installs ' +
        '(.node-version), or install Node.js 22 or 24 LTS.'
      );
    }
  }
  return undefined;
}
