// Runs the built CLI (cli/dist/main.js) as a user would, from the connection profiles of the
// live network, counting its output instead of keeping it when asked to.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { profileDir } from './network';

const cliMain = path.resolve(__dirname, '..', '..', 'cli', 'dist', 'main.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Lines written to stdout. */
  readonly lines: number;
}

export interface CliRunOptions {
  /** Keep stdout (default), or only count its lines for answers too large to hold. */
  readonly keep?: boolean;
  /** Connection profile directory; default the live network's. */
  readonly profiles?: string;
}

/** Runs `coldtrace <argv>` as `mspId`'s `user`. */
export function runColdtrace(
  mspId: string,
  user: string,
  argv: readonly string[],
  { keep = true, profiles = profileDir }: CliRunOptions = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cliMain, ...argv, '--org', mspId, '--user', user, '--profiles', profiles],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let lines = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const c of chunk) if (c === '\n') lines++;
      if (keep) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr, lines });
    });
  });
}
