import { type ExcursionAlert, type Page, transactions } from '@coldtrace/protocol';
import {
  type AlertStream,
  type AlertStreamDependencies,
  type AlertStreamOptions,
  newAlertStream,
} from './alertstream';
import { type PageRequest, pagedItems } from './page';
import { pageArgs } from './pagesize';
import {
  type TransactionSubmitter,
  evaluateTransaction,
  submitTransaction,
} from './transactionsubmitter';

/**
 * Temperature excursion alerts. Every list comes two ways: an async iterable that fetches page
 * after page as it is consumed (`open`, `byShipment`, `byLot`), and the page itself
 * (`…Page`). Queries and acknowledgement throw the {@link ColdtraceError} subclasses
 * (`ValidationError` for a bad page size or bookmark, `NotFoundError`, `AccessDeniedError`,
 * `ConflictError` for an alert that is not open, `EndorsementError`, `CommitError`); an iterable
 * throws them from the iteration step that fetched the failing page.
 */
export interface Alerts {
  /** Every `OPEN` alert of every shipment, by shipment and alert id. */
  open(request?: PageRequest): AsyncIterable<ExcursionAlert>;
  openPage(page?: PageRequest): Promise<Page<ExcursionAlert>>;
  /** Every alert of the shipment (withdrawn ones included), by alert id. */
  byShipment(shipmentId: string, request?: PageRequest): AsyncIterable<ExcursionAlert>;
  byShipmentPage(shipmentId: string, page?: PageRequest): Promise<Page<ExcursionAlert>>;
  /**
   * Every alert of every shipment that carries the lot, shipment by shipment. A page looks into
   * at most 100 shipments, so one may hold no items while its bookmark says more follow.
   */
  byLot(lotId: string, request?: PageRequest): AsyncIterable<ExcursionAlert>;
  byLotPage(lotId: string, page?: PageRequest): Promise<Page<ExcursionAlert>>;
  /** QA acknowledges an alert with a comment; resolves after it committed. */
  acknowledge(shipmentId: string, alertId: string, comment: string): Promise<ExcursionAlert>;
  /** Alerts as they are committed; see {@link AlertStream}. */
  watch(options?: Readonly<AlertStreamOptions>): AlertStream;
}

export function newAlerts(
  submitter: TransactionSubmitter,
  streamDependencies: AlertStreamDependencies,
): Alerts {
  const openPage = (page?: PageRequest): Promise<Page<ExcursionAlert>> =>
    evaluateTransaction(submitter, transactions.GetOpenAlerts, pageArgs(page));
  const byShipmentPage = (shipmentId: string, page?: PageRequest) =>
    evaluateTransaction(submitter, transactions.GetAlertsByShipment, [
      shipmentId,
      ...pageArgs(page),
    ]);
  const byLotPage = (lotId: string, page?: PageRequest) =>
    evaluateTransaction(submitter, transactions.GetAlertsByLot, [lotId, ...pageArgs(page)]);
  return {
    open: (request) => pagedItems(openPage, request),
    openPage,
    byShipment: (shipmentId, request) =>
      pagedItems((page) => byShipmentPage(shipmentId, page), request),
    byShipmentPage,
    byLot: (lotId, request) => pagedItems((page) => byLotPage(lotId, page), request),
    byLotPage,
    acknowledge: (shipmentId, alertId, comment) =>
      submitTransaction(submitter, transactions.AcknowledgeAlert, [shipmentId, alertId, comment]),
    watch(options = {}) {
      return newAlertStream(options, streamDependencies);
    },
  };
}
