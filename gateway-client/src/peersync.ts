import { ColdtraceError } from './coldtraceerror';
import type { ColdtraceClient } from './coldtraceclient';

/**
 * Waits until the peers behind `clients` (one client per organisation) report the same ledger
 * height. A gateway reports a commit once its own peer has the block; a dependent transaction
 * endorsed next on another organisation's peer that has not committed it yet sees older state
 * (mismatched endorsements, ABORTED). A peer just restarted may refuse a call or two
 * (UNAVAILABLE) until its client reconnects: that is waited through, up to `timeoutMs`.
 * @throws Error when the heights still differ after `timeoutMs`.
 */
export async function waitForPeersInSync(
  clients: readonly ColdtraceClient[],
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const heights = await Promise.all(
      clients.map((client) =>
        client.ledger.chainInfo().then(
          (info) => info.height,
          (error: unknown) => {
            if (error instanceof ColdtraceError && error.retryable && Date.now() < deadline) {
              return undefined;
            }
            throw error;
          },
        ),
      ),
    );
    if (heights.every((height) => height !== undefined && height === heights[0])) return;
    if (Date.now() > deadline) throw new Error(`peers out of sync: ${heights.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
