import { type Page, type PageRequest, allPages, parsePage } from './page';
import { pageArgs } from './pagesize';
import {
  type DispositionDecision,
  type Shipment,
  type ShipmentCreation,
  parseShipment,
} from './shipment';
import { type ShipmentEvent, readShipmentEvent } from './shipmentevent';
import { type TransactionSubmitter, submitAndCommit } from './transactionsubmitter';

/**
 * Shipments and their QA disposition. Every method throws a {@link ColdtraceError} subclass:
 * `ValidationError`, `AccessDeniedError`, `NotFoundError`, `ConflictError` (`INVALID_STATE` when
 * the shipment is in the wrong status), `EndorsementError` or `CommitError`.
 */
export interface Shipments {
  /** Creates a shipment of registered lots (Pharma shipper); resolves after it committed. */
  create(shipment: ShipmentCreation): Promise<Shipment>;
  get(shipmentId: string): Promise<Shipment>;
  history(shipmentId: string, page?: PageRequest): Promise<Page<ShipmentEvent>>;
  allHistory(shipmentId: string, pageSize?: number): AsyncIterable<ShipmentEvent>;
  /** QA decision on a quarantined shipment: `RELEASE` or `REJECT`, with a reason. */
  dispose(shipmentId: string, decision: DispositionDecision, reason: string): Promise<Shipment>;
}

export function newShipments(submitter: TransactionSubmitter): Shipments {
  const history = async (shipmentId: string, page?: PageRequest): Promise<Page<ShipmentEvent>> => {
    const bytes = await submitter.evaluate('GetShipmentHistory', [shipmentId, ...pageArgs(page)]);
    return parsePage(bytes, 'Page<ShipmentEvent>', readShipmentEvent);
  };
  return {
    async create(shipment) {
      const bytes = await submitAndCommit(submitter, 'CreateShipment', [JSON.stringify(shipment)]);
      return parseShipment(bytes);
    },
    async get(shipmentId) {
      return parseShipment(await submitter.evaluate('GetShipment', [shipmentId]));
    },
    history,
    allHistory(shipmentId, pageSize) {
      return allPages((bookmark) =>
        history(shipmentId, { bookmark, ...(pageSize !== undefined ? { pageSize } : {}) }),
      );
    },
    async dispose(shipmentId, decision, reason) {
      const bytes = await submitAndCommit(submitter, 'DisposeShipment', [
        shipmentId,
        decision,
        reason,
      ]);
      return parseShipment(bytes);
    },
  };
}
