import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';

/** CPU seconds (user + system) each network process has used, by node name. */
export type CpuSnapshot = ReadonlyMap<string, number>;

/** Share of one core each process used between two snapshots, in per cent, by node name. */
export type CpuUsage = Readonly<Record<string, number>>;

const clockTicksPerSecond = 100;

async function cpuSecondsOf(pid: string): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

/**
 * Reads the CPU time of every process the network scripts recorded a PID for (peers, orderers,
 * CAs, chaincode servers) from /proc, plus this benchmark client. Empty where /proc or the PID
 * directory is missing: profiling is best effort, never a reason to fail a run.
 */
export async function snapshotCpu(pidDir: string): Promise<CpuSnapshot> {
  const snapshot = new Map<string, number>();
  const usage = process.cpuUsage();
  snapshot.set('bench-client', (usage.user + usage.system) / 1e6);
  let files: string[];
  try {
    files = (await readdir(pidDir)).filter((file) => file.endsWith('.pid'));
  } catch {
    return snapshot;
  }
  for (const file of files.sort()) {
    const pid = (await readFile(path.join(pidDir, file), 'utf8')).trim();
    const seconds = await cpuSecondsOf(pid);
    if (seconds !== undefined) {
      snapshot.set(file.replace(/\.pid$/, ''), seconds);
    }
  }
  return snapshot;
}

/** Per-process share of a core between two snapshots taken `elapsedMs` apart. */
export function cpuUsageBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  elapsedMs: number,
): CpuUsage {
  const usage: Record<string, number> = {};
  for (const [name, seconds] of after) {
    const start = before.get(name);
    if (start !== undefined && elapsedMs > 0) {
      usage[name] = Math.round(((seconds - start) * 100_000) / elapsedMs);
    }
  }
  return usage;
}
