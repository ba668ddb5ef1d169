import { type Shipment, transactions } from '@coldtrace/protocol';
import { type TransactionSubmitter, submitTransaction } from './transactionsubmitter';

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
  return {
    offer: (shipmentId, toMspId) =>
      submitTransaction(submitter, transactions.OfferCustody, [shipmentId, toMspId]),
    accept: (shipmentId) => submitTransaction(submitter, transactions.AcceptCustody, [shipmentId]),
    confirmDelivery: (shipmentId) =>
      submitTransaction(submitter, transactions.ConfirmDelivery, [shipmentId]),
  };
}
