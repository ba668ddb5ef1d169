import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { TimedStep } from './largequeries';

/** The built CLI, run as a user would: `node cli/dist/main.js <command> ...`. */
const cliMain = path.resolve(__dirname, '..', '..', 'cli', 'dist', 'main.js');

/** Largest resident set (VmHWM) of a process so far, MiB; undefined where /proc has none. */
async function peakRssMiB(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmHWM:\s+(\d+) kB$/mu.exec(status)?.[1];
    return kib === undefined ? undefined : Math.round(Number(kib) / 1024);
  } catch {
    return undefined;
  }
}

export interface CliRun {
  readonly code: number | null;
  readonly ms: number;
  /** Lines written to stdout (counted, not kept). */
  readonly lines: number;
  /** The first line of stdout. */
  readonly firstLine: string;
  readonly stderr: string;
  readonly peakRssMiB?: number;
}

export interface CliUser {
  readonly profiles: string;
  readonly org: string;
  readonly user: string;
}

/**
 * Runs one CLI command, counting its output lines and watching its peak memory. `until`, when
 * given, interrupts it (SIGINT, as Ctrl-C would) once a line of its output satisfies it, for
 * `alerts watch`, which runs until stopped.
 */
export function runCli(
  as: CliUser,
  argv: readonly string[],
  until?: (line: string) => boolean,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [cliMain, ...argv, '--org', as.org, '--user', as.user, '--profiles', as.profiles],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let lines = 0;
    let firstLine: string | undefined;
    let partial = '';
    let stderr = '';
    let peak: number | undefined;
    const watch = setInterval(() => {
      void peakRssMiB(child.pid ?? 0).then((mib) => {
        if (mib !== undefined) peak = Math.max(peak ?? 0, mib);
      });
    }, 200);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines += parts.length;
      firstLine ??= parts[0];
      if (until !== undefined && parts.some(until)) child.kill('SIGINT');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    child.on('error', (error) => {
      clearInterval(watch);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(watch);
      resolve({
        code,
        ms: Math.round(performance.now() - started),
        lines,
        firstLine: firstLine ?? partial,
        stderr,
        ...(peak !== undefined ? { peakRssMiB: peak } : {}),
      });
    });
  });
}

/** A CLI run as a step of the round; a failed command fails the round. */
export async function timeCli(
  name: string,
  as: CliUser,
  argv: readonly string[],
  until?: (line: string) => boolean,
): Promise<TimedStep & { readonly firstLine: string }> {
  const run = await runCli(as, argv, until);
  if (run.code !== 0 && !(until !== undefined && run.code === 130)) {
    throw new Error(`coldtrace ${argv.join(' ')} exited ${String(run.code)}: ${run.stderr.trim()}`);
  }
  return {
    name,
    runs: 1,
    items: run.lines,
    p50Ms: run.ms,
    maxMs: run.ms,
    firstLine: run.firstLine,
    ...(run.peakRssMiB !== undefined ? { peakRssMiB: run.peakRssMiB } : {}),
  };
}
