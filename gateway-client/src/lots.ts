import {
  type Lot,
  type LotHistoryPage,
  type LotRegistration,
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
 * Production lots. Every method throws a {@link ColdtraceError} subclass: `ValidationError`,
 * `AccessDeniedError`, `NotFoundError`, `ConflictError`, `EndorsementError` or `CommitError`.
 */
export interface Lots {
  /** Registers a lot (Pharma shipper or QA); resolves after it committed. */
  register(lot: LotRegistration): Promise<Lot>;
  get(lotId: string): Promise<Lot>;
  /** The lot's whole history across every shipment that carried it, page after page. */
  history(lotId: string, request?: PageRequest): AsyncIterable<ShipmentEvent>;
  /** One page of the lot's history; `shipmentIds` names the shipments of this page. */
  historyPage(lotId: string, page?: PageRequest): Promise<LotHistoryPage>;
}

export function newLots(submitter: TransactionSubmitter): Lots {
  const historyPage = (lotId: string, page?: PageRequest): Promise<LotHistoryPage> =>
    evaluateTransaction(submitter, transactions.GetLotHistory, [lotId, ...pageArgs(page)]);
  return {
    register: (lot) =>
      submitTransaction(submitter, transactions.RegisterLot, [JSON.stringify(lot)]),
    get: (lotId) => evaluateTransaction(submitter, transactions.GetLot, [lotId]),
    history: (lotId, request) => pagedItems((page) => historyPage(lotId, page), request),
    historyPage,
  };
}
