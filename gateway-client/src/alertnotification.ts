import {
  type ExcursionAlert,
  JsonReader,
  alertEventName,
  alertEventSchema,
  readAlertEventPayload,
} from '@coldtrace/protocol';
import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import { InvalidResponseError } from './coldtraceerror';
import { readResponse } from './responsereader';

export { alertEventName, alertEventSchema } from '@coldtrace/protocol';

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
  const payload = readResponse(() => {
    const json = JsonReader.fromBytes(event.payload, alertEventName);
    const schema = json.string('schema');
    if (schema !== alertEventSchema) {
      throw new InvalidResponseError({
        message: `unsupported alert event schema ${schema}`,
        transactionId: event.transactionId,
      });
    }
    return readAlertEventPayload(json);
  }, event.transactionId);
  if (payload.txId !== event.transactionId) {
    throw new InvalidResponseError({
      message: `alert event txId ${payload.txId} does not match transaction ${event.transactionId}`,
      transactionId: event.transactionId,
    });
  }
  return {
    blockNumber: event.blockNumber,
    transactionId: event.transactionId,
    shipmentId: payload.shipmentId,
    alerts: payload.alerts,
  };
}
