import { status as GrpcStatus } from '@grpc/grpc-js';
import type {
  ChaincodeEvent,
  ChaincodeEventsOptions,
  Checkpointer,
  CloseableAsyncIterable,
} from '@hyperledger/fabric-gateway';
import { checkpointers } from '@hyperledger/fabric-gateway';
import { ColdtraceError, EndorsementError } from './coldtraceerror';
import { toColdtraceError } from './errormapping';
import {
  type AlertNotification,
  alertEventName,
  parseAlertNotification,
} from './alertnotification';
import { type BackoffPolicy, type Sleep, backoffDelayMs, sleep as realSleep } from './retry';

/** Options for {@link ColdtraceClient.alerts}`.watch()`. */
export interface AlertStreamOptions {
  /**
   * File that records the last alert handled, so a restarted consumer resumes after it. Created if
   * missing. Without this (or `checkpointer`) the position is kept in memory only.
   */
  readonly checkpointFile?: string;
  /** A caller-owned checkpointer instead of `checkpointFile`. */
  readonly checkpointer?: Checkpointer;
  /** First block to read when the checkpoint is empty; default: the ledger height at start. */
  readonly startBlock?: bigint;
  /**
   * Reconnection backoff after the stream breaks; `maxAttempts` counts consecutive failures.
   * Default: unbounded attempts, 250 ms growing to 15 s.
   */
  readonly reconnect?: BackoffPolicy;
  /** Called before each reconnection attempt. */
  readonly onReconnect?: (error: ColdtraceError, attempt: number, delayMs: number) => void;
  /** Called for an event whose payload is not a valid alert notification; it is then skipped. */
  readonly onInvalidEvent?: (error: ColdtraceError, event: ChaincodeEvent) => void;
}

/**
 * Alerts as they are committed, in ledger order. An alert counts as handled once the consumer asks
 * for the next one or leaves the loop; it is then checkpointed and not delivered again. An alert
 * whose handling was interrupted by a crash is delivered again after restart, so handlers that can
 * fail should catch inside the loop. Reconnects by itself when the peer restarts.
 */
export interface AlertStream extends AsyncIterable<AlertNotification> {
  /** Stops the stream; safe to call more than once. */
  close(): void;
}

/** Opens a chaincode event stream; the seam to fabric-gateway `Network.getChaincodeEvents`. */
export type ChaincodeEventSource = (
  options: ChaincodeEventsOptions,
) => Promise<CloseableAsyncIterable<ChaincodeEvent>>;

export interface AlertStreamDependencies {
  readonly events: ChaincodeEventSource;
  /** Ledger height, used as the start when there is neither a checkpoint nor `startBlock`. */
  readonly ledgerHeight?: () => Promise<bigint>;
  readonly sleep?: Sleep;
  readonly random?: () => number;
}

const defaultReconnect: BackoffPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 250,
  maxDelayMs: 15_000,
};

// A broken event stream is worth re-opening unless the peer rejected who we are or what we asked.
const finalStreamCodes: ReadonlySet<number> = new Set([
  GrpcStatus.INVALID_ARGUMENT,
  GrpcStatus.NOT_FOUND,
  GrpcStatus.PERMISSION_DENIED,
  GrpcStatus.UNAUTHENTICATED,
  GrpcStatus.UNIMPLEMENTED,
  GrpcStatus.FAILED_PRECONDITION,
]);

/** True when a failed event stream should be re-opened after a backoff. */
export function isReconnectable(err: ColdtraceError): boolean {
  if (err.retryable) {
    return true;
  }
  return (
    err instanceof EndorsementError &&
    err.grpcCode !== undefined &&
    !finalStreamCodes.has(err.grpcCode)
  );
}

class AlertStreamImpl implements AlertStream {
  readonly #options: Readonly<AlertStreamOptions>;
  readonly #dependencies: AlertStreamDependencies;
  readonly #stopped = new AbortController();
  #current: CloseableAsyncIterable<ChaincodeEvent> | undefined;

  constructor(options: Readonly<AlertStreamOptions>, dependencies: AlertStreamDependencies) {
    this.#options = options;
    this.#dependencies = dependencies;
  }

  close(): void {
    if (!this.#stopped.signal.aborted) {
      this.#stopped.abort(new ColdtraceError({ message: 'alert stream closed' }));
    }
    this.#current?.close();
  }

  [Symbol.asyncIterator](): AsyncIterator<AlertNotification> {
    return this.#run();
  }

  async #checkpointer(): Promise<Checkpointer> {
    if (this.#options.checkpointer !== undefined) {
      return this.#options.checkpointer;
    }
    if (this.#options.checkpointFile !== undefined) {
      return checkpointers.file(this.#options.checkpointFile);
    }
    return checkpointers.inMemory();
  }

  /** Where to start when nothing has been checkpointed: fixed once, so reconnects miss nothing. */
  async #initialStart(): Promise<bigint | undefined> {
    if (this.#options.startBlock !== undefined) {
      return this.#options.startBlock;
    }
    try {
      return await this.#dependencies.ledgerHeight?.();
    } catch {
      return undefined; // fall back to the gateway's default: the next block
    }
  }

  #isStopped(): boolean {
    return this.#stopped.signal.aborted;
  }

  async *#run(): AsyncGenerator<AlertNotification> {
    const checkpointer = await this.#checkpointer();
    const initialStart =
      checkpointer.getBlockNumber() === undefined ? await this.#initialStart() : undefined;
    let failures = 0;
    while (!this.#isStopped()) {
      let error: ColdtraceError | undefined;
      try {
        for await (const notification of this.#session(checkpointer, initialStart)) {
          failures = 0;
          yield notification;
        }
      } catch (err) {
        error = toColdtraceError(err);
      }
      if (this.#isStopped()) {
        return;
      }
      failures++;
      await this.#backoff(failures, error);
    }
  }

  async *#session(
    checkpointer: Checkpointer,
    initialStart: bigint | undefined,
  ): AsyncGenerator<AlertNotification> {
    const start =
      checkpointer.getBlockNumber() !== undefined
        ? { checkpoint: checkpointer }
        : initialStart !== undefined
          ? { startBlock: initialStart }
          : {};
    const events = await this.#dependencies.events(start);
    this.#current = events;
    try {
      for await (const event of events) {
        const notification = this.#notificationOf(event);
        try {
          if (notification !== undefined) {
            yield notification;
          }
        } finally {
          // Runs when the consumer asks for more and when it leaves the loop: either way handled.
          await checkpointer.checkpointChaincodeEvent(event);
        }
      }
    } finally {
      events.close();
      this.#current = undefined;
    }
  }

  #notificationOf(event: ChaincodeEvent): AlertNotification | undefined {
    if (event.eventName !== alertEventName) {
      return undefined;
    }
    try {
      return parseAlertNotification(event);
    } catch (err) {
      this.#options.onInvalidEvent?.(toColdtraceError(err), event);
      return undefined;
    }
  }

  /** Waits before reconnecting, or rethrows when the failure is final or attempts ran out. */
  async #backoff(failures: number, error: ColdtraceError | undefined): Promise<void> {
    const policy = this.#options.reconnect ?? defaultReconnect;
    const reason =
      error ?? new EndorsementError({ message: 'alert stream ended', retryable: true });
    if (!isReconnectable(reason) || failures >= policy.maxAttempts) {
      throw reason;
    }
    const delayMs = backoffDelayMs(policy, failures, this.#dependencies.random);
    this.#options.onReconnect?.(reason, failures, delayMs);
    try {
      await (this.#dependencies.sleep ?? realSleep)(delayMs, this.#stopped.signal);
    } catch {
      // closed while waiting
    }
  }
}

/** Creates an {@link AlertStream} over a chaincode event source. */
export function newAlertStream(
  options: Readonly<AlertStreamOptions>,
  dependencies: AlertStreamDependencies,
): AlertStream {
  return new AlertStreamImpl(options, dependencies);
}
