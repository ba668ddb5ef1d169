import { type Page, type SensorReading, transactions } from '@coldtrace/protocol';
import { type PageRequest, pagedItems } from './page';
import { pageArgs } from './pagesize';
import {
  type ReadingIngestion,
  type ReadingIngestionOptions,
  newReadingIngestion,
} from './readingingestion';
import { type TransactionSubmitter, evaluateTransaction } from './transactionsubmitter';

/** Time window of a readings query, epoch milliseconds, inclusive; default everything. */
export interface ReadingsQuery extends PageRequest {
  readonly fromMs?: number;
  readonly toMs?: number;
}

/**
 * A shipment's sensor readings. Queries throw `NotFoundError`, `AccessDeniedError`,
 * `ValidationError` or `EndorsementError`.
 */
export interface Readings {
  page(shipmentId: string, query?: ReadingsQuery): Promise<Page<SensorReading>>;
  /**
   * Every reading in the window, by sensor then time, fetched page after page as it is consumed
   * (from `query.bookmark` if given).
   */
  all(shipmentId: string, query?: ReadingsQuery): AsyncIterable<SensorReading>;
  /** Starts an ingestion run for a sensor feed (Logistics `sensor-gateway`). */
  newIngestion(options?: Readonly<ReadingIngestionOptions>): ReadingIngestion;
}

export function newReadings(submitter: TransactionSubmitter): Readings {
  const page = (shipmentId: string, query: ReadingsQuery = {}): Promise<Page<SensorReading>> =>
    evaluateTransaction(submitter, transactions.GetReadings, [
      shipmentId,
      String(query.fromMs ?? 0),
      String(query.toMs ?? Number.MAX_SAFE_INTEGER),
      ...pageArgs(query),
    ]);
  return {
    page,
    all: (shipmentId, query = {}) =>
      pagedItems((request) => page(shipmentId, { ...query, ...request }), query),
    newIngestion(options = {}) {
      return newReadingIngestion(submitter, options);
    },
  };
}
