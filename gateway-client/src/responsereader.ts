import { JsonShapeError, type TransactionDefinition } from '@coldtrace/protocol';
import { InvalidResponseError } from './coldtraceerror';

/**
 * Runs a protocol reader over a chaincode result or event, reporting a shape the contract does
 * not document as {@link InvalidResponseError}.
 */
export function readResponse<T>(read: () => T, transactionId?: string): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof JsonShapeError) {
      throw new InvalidResponseError({
        message: err.message,
        cause: err,
        ...(transactionId !== undefined ? { transactionId } : {}),
      });
    }
    throw err;
  }
}

/** @throws {@link InvalidResponseError} if `bytes` are not the transaction's documented result. */
export function readResult<R>(
  transaction: TransactionDefinition<readonly string[], R>,
  bytes: Uint8Array,
): R {
  return readResponse(() => transaction.readResult(bytes));
}
