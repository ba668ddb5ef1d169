import { ColdtraceError } from './coldtraceerror';

/** Exponential backoff with full jitter. */
export interface BackoffPolicy {
  /** Total attempts including the first; 1 disables retries. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Growth factor per attempt; 2 unless set. */
  readonly multiplier?: number;
}

export const defaultBackoffPolicy: BackoffPolicy = Object.freeze({
  maxAttempts: 6,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  multiplier: 2,
});

/**
 * Delay before retry number `retry` (1 for the first retry). Full jitter spreads retries of
 * concurrent shipments so they do not collide on the same keys again.
 */
export function backoffDelayMs(
  policy: BackoffPolicy,
  retry: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * (policy.multiplier ?? 2) ** Math.max(0, retry - 1),
  );
  return Math.round(ceiling * random());
}

/** True for errors the same request may overcome: MVCC conflicts, unavailable peers, timeouts. */
export function isRetryable(err: unknown): boolean {
  return err instanceof ColdtraceError && err.retryable;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface RetryOptions {
  readonly policy: BackoffPolicy;
  readonly isRetryable?: (err: unknown) => boolean;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly signal?: AbortSignal;
  /** Called before each retry, for logging and progress. */
  readonly onRetry?: (err: unknown, retry: number, delayMs: number) => void;
}

/**
 * Runs `operation` until it succeeds, fails with a non-retryable error, or runs out of attempts;
 * rethrows the last error.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: Readonly<RetryOptions>,
): Promise<T> {
  const classify = options.isRetryable ?? isRetryable;
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (err) {
      if (attempt >= options.policy.maxAttempts || !classify(err)) {
        throw err;
      }
      const delayMs = backoffDelayMs(options.policy, attempt, options.random);
      options.onRetry?.(err, attempt, delayMs);
      await wait(delayMs, options.signal);
    }
  }
}
