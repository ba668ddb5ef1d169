import { JsonReader } from './jsonreader';
import { type Lot, type LotRegistration, parseLot } from './lot';
import { type LotHistoryPage, readLotHistoryPage } from './lothistory';
import { type PageRequest, allPages } from './page';
import { pageArgs } from './pagesize';
import type { ShipmentEvent } from './shipmentevent';
import { type TransactionSubmitter, submitAndCommit } from './transactionsubmitter';

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
  const history = async (lotId: string, page?: PageRequest): Promise<LotHistoryPage> => {
    const bytes = await submitter.evaluate('GetLotHistory', [lotId, ...pageArgs(page)]);
    return readLotHistoryPage(JsonReader.fromBytes(bytes, 'LotHistoryPage'));
  };
  return {
    async register(lot) {
      return parseLot(await submitAndCommit(submitter, 'RegisterLot', [JSON.stringify(lot)]));
    },
    async get(lotId) {
      return parseLot(await submitter.evaluate('GetLot', [lotId]));
    },
    history,
    allHistory(lotId, pageSize) {
      return allPages((bookmark) =>
        history(lotId, { bookmark, ...(pageSize !== undefined ? { pageSize } : {}) }),
      );
    },
  };
}
