import {
  type DispositionDecision,
  type Page,
  type Shipment,
  type ShipmentCreation,
  type ShipmentEvent,
  transactions,
} from '@coldtrace/protocol';
import { type PageRequest, pagedItems } from './page';
import { pageArgs } from './pagesize';
import {
  type TransactionSubmitter,
  evaluateTransaction,
  submitTransaction,
} from './transactionsubmitter';

/**
 * Shipments and their QA disposition. Every method throws a {@link ColdtraceError} subclass:
 * `ValidationError`, `AccessDeniedError`, `NotFoundError`, `ConflictError` (`INVALID_STATE` when
 * the shipment is in the wrong status), `EndorsementError` or `CommitError`.
 */
export interface Shipments {
  /** Creates a shipment of registered lots (Pharma shipper); resolves after it committed. */
  create(shipment: ShipmentCreation): Promise<Shipment>;
  /** The shipment, with its reading flags (old readings and conflicts of all its batches). */
  get(shipmentId: string): Promise<Shipment>;
  /** Every event of the shipment's history, in `seq` order, fetched page after page. */
  history(shipmentId: string, request?: PageRequest): AsyncIterable<ShipmentEvent>;
  historyPage(shipmentId: string, page?: PageRequest): Promise<Page<ShipmentEvent>>;
  /** QA decision on a quarantined shipment: `RELEASE` or `REJECT`, with a reason. */
  dispose(shipmentId: string, decision: DispositionDecision, reason: string): Promise<Shipment>;
}

export function newShipments(submitter: TransactionSubmitter): Shipments {
  const historyPage = (shipmentId: string, page?: PageRequest): Promise<Page<ShipmentEvent>> =>
    evaluateTransaction(submitter, transactions.GetShipmentHistory, [
      shipmentId,
      ...pageArgs(page),
    ]);
  return {
    create: (shipment) =>
      submitTransaction(submitter, transactions.CreateShipment, [JSON.stringify(shipment)]),
    get: (shipmentId) => evaluateTransaction(submitter, transactions.GetShipment, [shipmentId]),
    history: (shipmentId, request) => pagedItems((page) => historyPage(shipmentId, page), request),
    historyPage,
    dispose: (shipmentId, decision, reason) =>
      submitTransaction(submitter, transactions.DisposeShipment, [shipmentId, decision, reason]),
  };
}
