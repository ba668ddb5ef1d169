import { type ChaincodeErrorCode, JsonShapeError, encodeErrorEnvelope } from '@coldtrace/protocol';

export interface ChaincodeErrorDetails {
  readonly field?: string;
  readonly rule?: string;
}

/**
 * Every error the contract throws. Its `message` is exactly the error envelope of
 * `@coldtrace/protocol`, because the peer passes only the message text on to clients.
 */
export class ChaincodeError extends Error {
  override readonly name = 'ChaincodeError';
  readonly code: ChaincodeErrorCode;
  readonly field: string | undefined;
  readonly rule: string | undefined;
  readonly detail: string;

  constructor(
    code: ChaincodeErrorCode,
    detail: string,
    details: ChaincodeErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(
      encodeErrorEnvelope({
        code,
        message: detail,
        ...(details.field === undefined ? {} : { field: details.field }),
        ...(details.rule === undefined ? {} : { rule: details.rule }),
      }),
      options,
    );
    this.code = code;
    this.field = details.field;
    this.rule = details.rule;
    this.detail = detail;
  }
}

export function validationFailed(field: string, rule: string, detail: string): ChaincodeError {
  return new ChaincodeError('VALIDATION_FAILED', detail, { field, rule });
}

export function notFound(field: string, detail: string): ChaincodeError {
  return new ChaincodeError('NOT_FOUND', detail, { field, rule: 'exists' });
}

export function alreadyExists(field: string, detail: string): ChaincodeError {
  return new ChaincodeError('ALREADY_EXISTS', detail, { field, rule: 'unique' });
}

export function accessDenied(rule: string, detail: string): ChaincodeError {
  return new ChaincodeError('ACCESS_DENIED', detail, { rule });
}

export function custodyViolation(rule: string, detail: string): ChaincodeError {
  return new ChaincodeError('CUSTODY_VIOLATION', detail, { field: 'shipmentId', rule });
}

export function invalidState(rule: string, detail: string): ChaincodeError {
  return new ChaincodeError('INVALID_STATE', detail, { field: 'status', rule });
}

/**
 * Any failure as a {@link ChaincodeError}: a protocol reader's shape error is invalid input, an
 * a ChaincodeError passes unchanged, anything else is `INTERNAL`, so no failure
 * leaves the chaincode as text a client would have to guess at.
 */
export function toChaincodeError(error: unknown): ChaincodeError {
  if (error instanceof ChaincodeError) {
    return error;
  }
  if (error instanceof JsonShapeError) {
    return new ChaincodeError(
      'VALIDATION_FAILED',
      error.message,
      { field: error.field, rule: error.rule },
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChaincodeError('INTERNAL', message, {}, { cause: error });
}
