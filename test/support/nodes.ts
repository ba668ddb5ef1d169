// Stops one node of the default local network by the PID `scripts/network.sh` recorded, and
// brings the network back with `scripts/network.sh up` (which starts only what is missing and
// waits until every gateway can endorse). Never signals a process by name.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
export const coldtraceHome = process.env.COLDTRACE_HOME ?? path.join(repoRoot, '.coldtrace');
const pidDir = path.join(coldtraceHome, 'network', 'pids');

/** The ledger directory of a node, e.g. `peer0.auditor`. */
export function ledgerDir(node: string): string {
  return path.join(coldtraceHome, 'network', 'data', node, 'ledger');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The recorded PID, only while it is alive and still one of this network's processes. */
function recordedPid(node: string): number | undefined {
  const file = path.join(pidDir, `${node}.pid`);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return commandLine.includes(coldtraceHome) ? pid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** SIGTERM, then SIGKILL after 10 s, as `network.sh down` does; resolves once it has exited. */
export async function stopNode(node: string, options: { ifRunning?: boolean } = {}): Promise<void> {
  const pid = recordedPid(node);
  if (pid === undefined) {
    if (options.ifRunning === true) return;
    throw new Error(`${node} is not running (no live recorded PID)`);
  }
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; isAlive(pid) && waited < 5_000; waited += 100) await sleep(100);
  rmSync(path.join(pidDir, `${node}.pid`), { force: true });
}

/** `scripts/network.sh up`: restarts whatever is stopped and waits until it can endorse. */
export function networkUp(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [path.join(repoRoot, 'scripts', 'network.sh'), 'up'],
      { timeout: 110_000 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`network.sh up failed: ${error.message}\n${stderr}`));
        else resolve();
      },
    );
  });
}
