import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import { InvalidResponseError } from './coldtraceerror';
import { type ExcursionAlert, readExcursionAlert } from './excursionalert';
import { JsonReader } from './jsonreader';

/** Chaincode event name and payload schema of alert changes (docs/chaincode-api.md). */
export const alertEventName = 'coldtrace.alerts';
export const alertEventSchema = 'coldtrace.alerts/v1';

/** One `coldtrace.alerts` event: the alerts one transaction raised or changed. */
export interface AlertNotification {
  readonly blockNumber: bigint;
  readonly transactionId: string;
  readonly shipmentId: string;
  readonly alerts: readonly ExcursionAlert[];
}

/**
 * @throws {@link InvalidResponseError} if the payload is not `coldtrace.alerts/v1` or its txId
 * differs from the transaction that emitted it.
 */
export function parseAlertNotification(event: ChaincodeEvent): AlertNotification {
  const json = JsonReader.fromBytes(event.payload, alertEventName);
  const schema = json.string('schema');
  if (schema !== alertEventSchema) {
    throw new InvalidResponseError({
      message: `unsupported alert event schema ${schema}`,
      transactionId: event.transactionId,
    });
  }
  const txId = json.string('txId');
  if (txId !== event.transactionId) {
    throw new InvalidResponseError({
      message: `alert event txId ${txId} does not match transaction ${event.transactionId}`,
      transactionId: event.transactionId,
    });
  }
  return {
    blockNumber: event.blockNumber,
    transactionId: event.transactionId,
    shipmentId: json.string('shipmentId'),
    alerts: json.array('alerts', readExcursionAlert),
  };
}
