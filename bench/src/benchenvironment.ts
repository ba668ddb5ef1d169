import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** What the numbers were measured on. */
export interface BenchEnvironment {
  readonly commit: string;
  readonly fabricVersion: string;
  readonly ordererBatchTimeout: string;
  readonly ordererMaxMessageCount: number;
  readonly ordererPreferredMaxBytes: string;
  /** Where the orderer settings were read from. */
  readonly ordererSettingsFrom: string;
  readonly cpus: number;
  readonly node: string;
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function field(text: string, pattern: RegExp): string | undefined {
  return pattern.exec(text)?.[1]?.trim().replace(/^"|"$/g, '');
}

function gitCommit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty.length > 0 ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * The channel's orderer batching as rendered when the channel was created (`configtx.yaml` under
 * the network's home), else `network/tuning.env`, which only applies to a channel created after.
 */
export function describeEnvironment(root: string, profileDir: string): BenchEnvironment {
  const rendered = path.resolve(profileDir, '..', 'channel', 'configtx.yaml');
  const tuning = path.join(root, 'network', 'tuning.env');
  const configtx = readOr(rendered);
  const fromChannel = configtx.includes('BatchTimeout');
  const text = fromChannel ? configtx : readOr(tuning);
  const timeout = fromChannel ? /BatchTimeout:\s*(\S+)/ : /ORDERER_BATCH_TIMEOUT=(\S+)/;
  const count = fromChannel ? /MaxMessageCount:\s*(\d+)/ : /ORDERER_MAX_MESSAGE_COUNT=(\d+)/;
  const bytes = fromChannel ? /PreferredMaxBytes:\s*(.+)/ : /ORDERER_PREFERRED_MAX_BYTES=(.+)/;
  return {
    commit: gitCommit(root),
    fabricVersion:
      field(readOr(path.join(root, 'network', 'fabric-version.env')), /^FABRIC_VERSION=(.+)$/m) ??
      'unknown',
    ordererBatchTimeout: field(text, timeout) ?? 'unknown',
    ordererMaxMessageCount: Number(field(text, count) ?? 0),
    ordererPreferredMaxBytes: field(text, bytes) ?? 'unknown',
    ordererSettingsFrom: fromChannel ? rendered : tuning,
    cpus: os.cpus().length,
    node: process.version,
  };
}
