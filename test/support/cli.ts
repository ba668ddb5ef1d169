// Runs the built `coldtrace` CLI as a user would: a child process, its exit code and output.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { profileDir } from './network';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const cliMain = path.resolve(__dirname, '..', '..', 'cli', 'dist', 'main.js');

export function runColdtrace(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliMain, ...args],
      { env: { ...process.env, COLDTRACE_PROFILES: profileDir, ...env }, maxBuffer: 256 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
