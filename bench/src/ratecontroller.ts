/** Paces transaction starts, like Caliper's rate controllers. */
export interface RateController {
  /** Resolves when the next transaction may start. */
  acquire(): Promise<void>;
  /** Target transactions per second; undefined when unpaced. */
  readonly tps: number | undefined;
}

export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** No pacing: every worker starts its next transaction as soon as its last one finished. */
export function unlimitedRate(): RateController {
  return { tps: undefined, acquire: () => Promise.resolve() };
}

/**
 * Caliper's fixed-rate controller: the i-th transaction may start at `start + i / tps`. When every
 * worker is busy, starts fall behind schedule and are sent as soon as a worker is free.
 */
export function fixedRate(
  tps: number,
  now: () => number = () => performance.now(),
  sleep: Sleep = realSleep,
): RateController {
  if (!(tps > 0)) {
    throw new RangeError('tps must be positive');
  }
  let start: number | undefined;
  let issued = 0;
  return {
    tps,
    async acquire() {
      start ??= now();
      const due = start + (issued++ * 1000) / tps;
      const wait = due - now();
      if (wait > 0) {
        await sleep(wait);
      }
    },
  };
}
