import { CommitError, EndorsementError, ValidationError } from './coldtraceerror';
import { backoffDelayMs, isRetryable, withRetry } from './retry';

const policy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelayMs', () => {
  it('grows exponentially up to the maximum', () => {
    const ceilings = [1, 2, 3, 4, 5].map((retry) => backoffDelayMs(policy, retry, () => 1));
    expect(ceilings).toEqual([100, 200, 400, 800, 1000]);
  });

  it('applies jitter below the ceiling', () => {
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(200);
  });
});

describe('isRetryable', () => {
  it('classifies by the error, not its message', () => {
    expect(
      isRetryable(new CommitError({ message: 'x', validationCode: 'PHANTOM_READ_CONFLICT' })),
    ).toBe(true);
    expect(isRetryable(new CommitError({ message: 'x', validationCode: 'BAD_RWSET' }))).toBe(false);
    expect(isRetryable(new EndorsementError({ message: 'x', retryable: true }))).toBe(true);
    expect(isRetryable(new ValidationError({ message: 'MVCC_READ_CONFLICT' }))).toBe(false);
    expect(isRetryable(new Error('UNAVAILABLE'))).toBe(false);
  });
});

describe('withRetry', () => {
  it('retries retryable failures and waits with backoff', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetry(
      () => {
        calls++;
        if (calls < 3) {
          return Promise.reject(new EndorsementError({ message: 'down', retryable: true }));
        }
        return Promise.resolve('done');
      },
      {
        policy,
        random: () => 1,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    expect(value).toBe('done');
    expect(waits).toEqual([100, 200]);
  });

  it('stops after maxAttempts and rethrows the last error', async () => {
    let calls = 0;
    const failure = new EndorsementError({ message: 'down', retryable: true });
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(failure);
        },
        { policy, sleep: () => Promise.resolve() },
      ),
    ).rejects.toBe(failure);
    expect(calls).toBe(4);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(
      withRetry(() => Promise.reject(new EndorsementError({ message: 'down', retryable: true })), {
        policy,
        signal: controller.signal,
      }),
    ).rejects.toThrow('stopped');
  });
});
