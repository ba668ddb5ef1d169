import { marshal } from './marshal';

/** Stable error codes shared with the gateway client (docs/chaincode-api.md). */
export type ChaincodeErrorCode =
  | 'VALIDATION_FAILED'
  | 'ACCESS_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'CUSTODY_VIOLATION'
  | 'INVALID_STATE';

export interface ChaincodeErrorDetails {
  readonly field?: string;
  readonly rule?: string;
}

/**
 * Every error the contract throws. Its `message` is exactly the documented JSON object, because
 * the peer passes only the message text on to clients.
 */
export class ChaincodeError extends Error {
  override readonly name = 'ChaincodeError';
  readonly code: ChaincodeErrorCode;
  readonly field: string | undefined;
  readonly rule: string | undefined;
  readonly detail: string;

  constructor(code: ChaincodeErrorCode, detail: string, details: ChaincodeErrorDetails = {}) {
    super(
      marshal({
        code,
        message: detail,
        ...(details.field === undefined ? {} : { field: details.field }),
        ...(details.rule === undefined ? {} : { rule: details.rule }),
      }),
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
