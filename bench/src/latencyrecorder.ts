/** One transaction as the load generator saw it, times in milliseconds on one monotonic clock. */
export interface TransactionSample {
  /** When `submitAsync` was called. */
  readonly submittedAt: number;
  /** When `submitAsync` returned: endorsed and handed to the orderer (or failed). */
  readonly orderedAt: number;
  /** When the commit status arrived (or the failure was known). */
  readonly finishedAt: number;
  /** Committed VALID. */
  readonly ok: boolean;
  /** Readings the transaction carried. */
  readonly readings: number;
  /** Why it failed: the validation code or the error's class and code. */
  readonly failure?: string;
}

/** Collects the samples of one benchmark round. */
export class LatencyRecorder {
  readonly #samples: TransactionSample[] = [];

  record(sample: TransactionSample): void {
    this.#samples.push(sample);
  }

  get samples(): readonly TransactionSample[] {
    return this.#samples;
  }

  get size(): number {
    return this.#samples.length;
  }
}

/** Submit-to-commit latency of a sample. */
export function latencyOf(sample: TransactionSample): number {
  return sample.finishedAt - sample.submittedAt;
}

/** Endorse-and-order part of a sample's latency (the rest is waiting for the block). */
export function endorseLatencyOf(sample: TransactionSample): number {
  return sample.orderedAt - sample.submittedAt;
}
