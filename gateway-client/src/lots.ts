import {
  type Lot,
  type LotHistoryPage,
  type LotRegistration,
  type ShipmentEvent,
  transactions,
} from '@coldtrace/protocol';
import { type PageRequest, allPages } from './page';
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
  /** One page of the lot's history across every shipment that carried it. */
  history(lotId: string, page?: PageRequest): Promise<LotHistoryPage>;
  /** The lot's whole history, fetching pages as needed. */
  allHistory(lotId: string, pageSize?: number): AsyncIterable<ShipmentEvent>;
}

export function newLots(submitter: TransactionSubmitter): Lots {
  const history = (lotId: string, page?: PageRequest): Promise<LotHistoryPage> =>
    evaluateTransaction(submitter, transactions.GetLotHistory, [lotId, ...pageArgs(page)]);
  return {
    register: (lot) =>
      submitTransaction(submitter, transactions.RegisterLot, [JSON.stringify(lot)]),
    get: (lotId) => evaluateTransaction(submitter, transactions.GetLot, [lotId]),
    history,
    allHistory(lotId, pageSize) {
      return allPages((bookmark) =>
        history(lotId, { bookmark, ...(pageSize !== undefined ? { pageSize } : {}) }),
      );
    },
  };
}
