import { marshal } from './marshal';

/**
 * Stable codes of chaincode failures. The first six are coldtrace's rules; the last three say the
 * call itself was wrong (`UNKNOWN_TRANSACTION`, `BAD_ARGUMENTS`) or the chaincode failed
 * unexpectedly (`INTERNAL`). None of them succeeds when sent again unchanged.
 */
export const chaincodeErrorCodes = [
  'VALIDATION_FAILED',
  'ACCESS_DENIED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'CUSTODY_VIOLATION',
  'INVALID_STATE',
  'UNKNOWN_TRANSACTION',
  'BAD_ARGUMENTS',
  'INTERNAL',
] as const;

export type ChaincodeErrorCode = (typeof chaincodeErrorCodes)[number];

/**
 * The one JSON object every chaincode failure message consists of. `field` and `rule` are
 * present where they apply, absent otherwise (the envelope is a message, not stored state).
 */
export interface ErrorEnvelope {
  readonly code: ChaincodeErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly rule?: string;
}

export function encodeErrorEnvelope(envelope: ErrorEnvelope): string {
  return marshal(envelope);
}

function isCode(value: unknown): value is ChaincodeErrorCode {
  return chaincodeErrorCodes.some((code) => code === value);
}

/**
 * Finds the envelope in text the peer and gateway wrapped around it (the first `{` to the last
 * `}`). Undefined when there is none or its `code` is not one of {@link chaincodeErrorCodes}.
 */
export function parseErrorEnvelope(text: string): ErrorEnvelope | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return undefined;
  }
  const { code, message, field, rule } = parsed as Record<string, unknown>;
  if (!isCode(code)) {
    return undefined;
  }
  return {
    code,
    message: typeof message === 'string' ? message : code,
    ...(typeof field === 'string' ? { field } : {}),
    ...(typeof rule === 'string' ? { rule } : {}),
  };
}
