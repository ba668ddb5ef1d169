import {
  type SensorReadingInput,
  type ReadingsReceipt,
  parseReadingsReceipt,
} from '@coldtrace/protocol';
import type { CommitStatus } from './commitstatus';
import { ColdtraceError, CommitError, ValidationError } from './coldtraceerror';
import { toColdtraceError } from './errormapping';
import { InFlightLimit } from './inflightlimit';
import { type ReadingBatch, batchJson, batchReadings } from './readingbatch';
import type { ShipmentReadings } from './readinginput';
import { type BackoffPolicy, type Sleep, defaultBackoffPolicy, withRetry } from './retry';
import { type ShipmentSubmission, summariseShipments } from './submissionsummary';
import type { TransactionSubmitter } from './transactionsubmitter';

/** Options for {@link ReadingIngestion}. */
export interface ReadingIngestionOptions {
  /** Readings per `SubmitReadings` transaction, 1-1000; default 500. */
  readonly maxBatchSize?: number;
  /** Transactions between submit and commit status at once, across shipments; default 8. */
  readonly maxInFlight?: number;
  /** Retries of MVCC conflicts and unavailable peers; default {@link defaultBackoffPolicy}. */
  readonly backoff?: BackoffPolicy;
  /** Called once per batch when it is committed, failed or skipped (for progress reporting). */
  readonly onBatchSettled?: (result: BatchResult) => void;
  /** Called before each retry of a batch. */
  readonly onRetry?: (batch: ReadingBatch, error: ColdtraceError, delayMs: number) => void;
  /** Stops waiting in backoff; batches not yet committed are then reported as failed. */
  readonly signal?: AbortSignal;
  /** Test seam for backoff waits. */
  readonly sleep?: Sleep;
}

/**
 * What happened to one batch. `committed` only after the commit status was VALID; `skipped` when
 * an earlier batch of the same shipment failed, to keep each shipment's readings in order.
 */
export type BatchOutcome = 'committed' | 'failed' | 'skipped';

export interface BatchResult {
  readonly shipmentId: string;
  readonly batchId: string;
  readonly readingCount: number;
  readonly outcome: BatchOutcome;
  /** Transaction of the last attempt, when one was endorsed. */
  readonly transactionId?: string;
  /** Commit status of the last attempt, when one was obtained. */
  readonly commitStatus?: CommitStatus;
  readonly attempts: number;
  /** The chaincode's receipt; present only when `outcome` is `committed`. */
  readonly receipt?: ReadingsReceipt;
  /** Why the batch failed, or (with `committed`) why its receipt could not be read. */
  readonly error?: ColdtraceError;
}

/** Totals over every batch of an ingestion run. */
export interface IngestionSummary {
  readonly batches: readonly BatchResult[];
  readonly committedBatches: number;
  readonly failedBatches: number;
  readonly skippedBatches: number;
  /** Readings in committed batches (including duplicates and conflicts the chaincode refused). */
  readonly committedReadings: number;
  /** Per shipment, in order of first batch: what its committed batches' receipts report. */
  readonly shipments: readonly ShipmentSubmission[];
}

/**
 * Sends sensor readings to the ledger: batches each shipment's readings, sends one shipment's
 * batches strictly one after another while different shipments proceed concurrently, and retries
 * transient failures. Safe to re-run on the same data: batch ids are deterministic and the
 * chaincode ignores readings it already has.
 */
export interface ReadingIngestion {
  /**
   * Queues readings for a shipment behind any it already has queued. Resolves when every batch of
   * this call has settled; never rejects for ledger failures (see each {@link BatchResult}).
   * @throws {@link ValidationError} if the shipment id is empty or there are no readings.
   */
  enqueue(shipmentId: string, readings: readonly SensorReadingInput[]): Promise<BatchResult[]>;
  /** Queues several shipments and waits for all of them. */
  ingest(shipments: Iterable<ShipmentReadings>): Promise<IngestionSummary>;
  /** Resolves when everything queued so far has settled. */
  drain(): Promise<void>;
}

interface BatchAttempt {
  transactionId?: string;
  commitStatus?: CommitStatus;
  attempts: number;
}

function receiptOf(result: Uint8Array): { receipt: ReadingsReceipt } | { error: ColdtraceError } {
  try {
    return { receipt: parseReadingsReceipt(result) };
  } catch (err) {
    return { error: toColdtraceError(err) };
  }
}

export function summarise(batches: readonly BatchResult[]): IngestionSummary {
  const count = (outcome: BatchOutcome): number =>
    batches.filter((batch) => batch.outcome === outcome).length;
  return {
    batches,
    committedBatches: count('committed'),
    failedBatches: count('failed'),
    skippedBatches: count('skipped'),
    committedReadings: batches
      .filter((batch) => batch.outcome === 'committed')
      .reduce((total, batch) => total + batch.readingCount, 0),
    shipments: summariseShipments(batches),
  };
}

class ReadingIngestionImpl implements ReadingIngestion {
  readonly #submitter: TransactionSubmitter;
  readonly #options: Readonly<ReadingIngestionOptions>;
  readonly #limit: InFlightLimit;
  readonly #maxBatchSize: number;
  /** Tail of each shipment's queue; a shipment's next batch starts after this settles. */
  readonly #tails = new Map<string, Promise<BatchOutcome>>();

  constructor(submitter: TransactionSubmitter, options: Readonly<ReadingIngestionOptions>) {
    this.#submitter = submitter;
    this.#options = options;
    this.#limit = new InFlightLimit(options.maxInFlight ?? 8);
    this.#maxBatchSize = options.maxBatchSize ?? 500;
  }

  enqueue(shipmentId: string, readings: readonly SensorReadingInput[]): Promise<BatchResult[]> {
    if (shipmentId.length === 0) {
      throw new ValidationError({
        message: 'shipmentId is required',
        field: 'shipmentId',
        rule: 'required',
      });
    }
    if (readings.length === 0) {
      throw new ValidationError({
        message: 'readings must hold at least one reading',
        field: 'readings',
        rule: 'min-items',
      });
    }
    const batches = batchReadings(shipmentId, readings, this.#maxBatchSize);
    const results = batches.map((batch) => this.#chain(batch));
    return Promise.all(results);
  }

  async ingest(shipments: Iterable<ShipmentReadings>): Promise<IngestionSummary> {
    const pending: Promise<BatchResult[]>[] = [];
    for (const { shipmentId, readings } of shipments) {
      pending.push(this.enqueue(shipmentId, readings));
    }
    const settled = await Promise.all(pending);
    return summarise(settled.flat());
  }

  async drain(): Promise<void> {
    await Promise.all(this.#tails.values());
  }

  #chain(batch: ReadingBatch): Promise<BatchResult> {
    const previous =
      this.#tails.get(batch.shipmentId) ?? Promise.resolve<BatchOutcome>('committed');
    const result = previous.then((outcome) =>
      outcome === 'committed' ? this.#send(batch) : this.#skip(batch),
    );
    this.#tails.set(
      batch.shipmentId,
      result.then((settled) => settled.outcome),
    );
    return result.then((settled) => {
      this.#options.onBatchSettled?.(settled);
      return settled;
    });
  }

  #skip(batch: ReadingBatch): BatchResult {
    return {
      shipmentId: batch.shipmentId,
      batchId: batch.batchId,
      readingCount: batch.readings.length,
      outcome: 'skipped',
      attempts: 0,
    };
  }

  async #send(batch: ReadingBatch): Promise<BatchResult> {
    const state: BatchAttempt = { attempts: 0 };
    const base = {
      shipmentId: batch.shipmentId,
      batchId: batch.batchId,
      readingCount: batch.readings.length,
    };
    try {
      const result = await withRetry(() => this.#limit.run(() => this.#attempt(batch, state)), {
        policy: this.#options.backoff ?? defaultBackoffPolicy,
        ...(this.#options.sleep !== undefined ? { sleep: this.#options.sleep } : {}),
        ...(this.#options.signal !== undefined ? { signal: this.#options.signal } : {}),
        onRetry: (err, _retry, delayMs) =>
          this.#options.onRetry?.(batch, toColdtraceError(err), delayMs),
      });
      // Committed is committed: an unreadable receipt is reported, not turned into a failure.
      return { ...base, ...state, outcome: 'committed', ...receiptOf(result) };
    } catch (err) {
      return {
        ...base,
        ...state,
        outcome: 'failed',
        error: toColdtraceError(err, state.transactionId),
      };
    }
  }

  async #attempt(batch: ReadingBatch, state: BatchAttempt): Promise<Uint8Array> {
    state.attempts++;
    delete state.transactionId;
    delete state.commitStatus;
    const pending = await this.#submitter.submit('SubmitReadings', [
      batch.shipmentId,
      batchJson(batch),
    ]);
    state.transactionId = pending.transactionId;
    const status = await pending.getStatus();
    state.commitStatus = status;
    if (!status.successful) {
      throw new CommitError({
        message: `transaction ${status.transactionId} committed as ${status.codeName}`,
        transactionId: status.transactionId,
        validationCode: status.codeName,
        blockNumber: status.blockNumber,
      });
    }
    return pending.result;
  }
}

/** Creates a {@link ReadingIngestion} that submits through `submitter`. */
export function newReadingIngestion(
  submitter: TransactionSubmitter,
  options: Readonly<ReadingIngestionOptions> = {},
): ReadingIngestion {
  return new ReadingIngestionImpl(submitter, options);
}
