import { parseShipment, type Shipment } from './shipment';
import { type TransactionSubmitter, submitAndCommit } from './transactionsubmitter';

/**
 * Custody handovers. Each resolves with the updated shipment after the transaction committed, and
 * throws `CustodyError` when the caller is not the custodian (or not the offered party),
 * `ConflictError` for a shipment in the wrong status, and the other {@link ColdtraceError}
 * subclasses as for any transaction.
 */
export interface Custody {
  /** The current custodian offers custody to another organisation. */
  offer(shipmentId: string, toMspId: string): Promise<Shipment>;
  /** The offered organisation accepts; the shipment is then in its custody. */
  accept(shipmentId: string): Promise<Shipment>;
  /** Marks the shipment delivered (owner once custody is back, or the custodian). */
  confirmDelivery(shipmentId: string): Promise<Shipment>;
}

export function newCustody(submitter: TransactionSubmitter): Custody {
  const submit = async (name: string, args: string[]): Promise<Shipment> =>
    parseShipment(await submitAndCommit(submitter, name, args));
  return {
    offer: (shipmentId, toMspId) => submit('OfferCustody', [shipmentId, toMspId]),
    accept: (shipmentId) => submit('AcceptCustody', [shipmentId]),
    confirmDelivery: (shipmentId) => submit('ConfirmDelivery', [shipmentId]),
  };
}
