import { type ExcursionAlert, type Page, transactions } from '@coldtrace/protocol';
import {
  type AlertStream,
  type AlertStreamDependencies,
  type AlertStreamOptions,
  newAlertStream,
} from './alertstream';
import { type PageRequest, allPages } from './page';
import { pageArgs } from './pagesize';
import {
  type TransactionSubmitter,
  evaluateTransaction,
  submitTransaction,
} from './transactionsubmitter';

/**
 * Temperature excursion alerts. Queries and acknowledgement throw the {@link ColdtraceError}
 * subclasses (`NotFoundError`, `AccessDeniedError`, `ConflictError` for an alert that is not open,
 * `EndorsementError`, `CommitError`).
 */
export interface Alerts {
  open(page?: PageRequest): Promise<Page<ExcursionAlert>>;
  allOpen(pageSize?: number): AsyncIterable<ExcursionAlert>;
  byShipment(shipmentId: string): Promise<ExcursionAlert[]>;
  byLot(lotId: string): Promise<ExcursionAlert[]>;
  /** QA acknowledges an alert with a comment; resolves after it committed. */
  acknowledge(shipmentId: string, alertId: string, comment: string): Promise<ExcursionAlert>;
  /** Alerts as they are committed; see {@link AlertStream}. */
  watch(options?: Readonly<AlertStreamOptions>): AlertStream;
}

export function newAlerts(
  submitter: TransactionSubmitter,
  streamDependencies: AlertStreamDependencies,
): Alerts {
  const open = (page?: PageRequest): Promise<Page<ExcursionAlert>> =>
    evaluateTransaction(submitter, transactions.GetOpenAlerts, pageArgs(page));
  return {
    open,
    allOpen(pageSize) {
      return allPages((bookmark) =>
        open({ bookmark, ...(pageSize !== undefined ? { pageSize } : {}) }),
      );
    },
    byShipment: (shipmentId) =>
      evaluateTransaction(submitter, transactions.GetAlertsByShipment, [shipmentId]),
    byLot: (lotId) => evaluateTransaction(submitter, transactions.GetAlertsByLot, [lotId]),
    acknowledge: (shipmentId, alertId, comment) =>
      submitTransaction(submitter, transactions.AcknowledgeAlert, [shipmentId, alertId, comment]),
    watch(options = {}) {
      return newAlertStream(options, streamDependencies);
    },
  };
}
