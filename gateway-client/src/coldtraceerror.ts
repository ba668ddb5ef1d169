import type { ChaincodeErrorCode } from '@coldtrace/protocol';

/**
 * Stable error codes. Chaincode codes (`@coldtrace/protocol`) are passed through unchanged; the
 * others describe failures that happen in the client, the gateway or the ordering service.
 */
export type ColdtraceErrorCode =
  | ChaincodeErrorCode
  | 'ENDORSEMENT_FAILED'
  | 'COMMIT_FAILED'
  | 'MVCC_CONFLICT'
  | 'UNAVAILABLE'
  | 'INVALID_RESPONSE'
  | 'CONFIGURATION'
  | 'UNKNOWN';

/** A peer's own report of a failure, copied from the gateway error's details. */
export interface ColdtraceErrorDetail {
  readonly address: string;
  readonly mspId: string;
  readonly message: string;
}

export interface ColdtraceErrorProperties {
  readonly message: string;
  readonly code?: ColdtraceErrorCode;
  readonly transactionId?: string;
  readonly retryable?: boolean;
  readonly details?: readonly ColdtraceErrorDetail[];
  readonly cause?: unknown;
  /** The input field the chaincode (or client) names, for example `readings[3].value`. */
  readonly field?: string;
  /** The rule that field broke, for example `finite`. */
  readonly rule?: string;
}

/**
 * Base class of every error this library throws. Callers branch on `code` (stable) or on the
 * subclass, never on `message`.
 */
export class ColdtraceError extends Error {
  override readonly name: string = 'ColdtraceError';
  readonly code: ColdtraceErrorCode;
  /** Set when the failure belongs to one Fabric transaction. */
  readonly transactionId: string | undefined;
  /** True when the same request may succeed if sent again (after a backoff). */
  readonly retryable: boolean;
  readonly details: readonly ColdtraceErrorDetail[];
  /** The field the failure is about, when the chaincode or client named one. */
  readonly field: string | undefined;
  /** The rule that was broken, when the chaincode or client named one. */
  readonly rule: string | undefined;

  constructor(properties: ColdtraceErrorProperties) {
    super(properties.message, { cause: properties.cause });
    this.code = properties.code ?? 'UNKNOWN';
    this.transactionId = properties.transactionId;
    this.retryable = properties.retryable ?? false;
    this.details = properties.details ?? [];
    this.field = properties.field;
    this.rule = properties.rule;
  }
}

/** Input rejected by the client or by the chaincode; `field` and `rule` name what was wrong. */
export class ValidationError extends ColdtraceError {
  override readonly name = 'ValidationError';

  constructor(properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'>) {
    super({ ...properties, code: 'VALIDATION_FAILED' });
  }
}

/** The identity (MSP or `role` attribute) may not do this. */
export class AccessDeniedError extends ColdtraceError {
  override readonly name = 'AccessDeniedError';

  constructor(properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'>) {
    super({ ...properties, code: 'ACCESS_DENIED' });
  }
}

/** The caller is not the custodian, or the handover does not match the pending offer. */
export class CustodyError extends ColdtraceError {
  override readonly name = 'CustodyError';

  constructor(properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'>) {
    super({ ...properties, code: 'CUSTODY_VIOLATION' });
  }
}

/** A lot, shipment or alert does not exist. */
export class NotFoundError extends ColdtraceError {
  override readonly name = 'NotFoundError';

  constructor(properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'>) {
    super({ ...properties, code: 'NOT_FOUND' });
  }
}

/**
 * The request conflicts with ledger state: the object already exists or the shipment is in the
 * wrong status for this step.
 */
export class ConflictError extends ColdtraceError {
  override readonly name = 'ConflictError';

  constructor(
    properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'> & {
      readonly code: 'ALREADY_EXISTS' | 'INVALID_STATE';
    },
  ) {
    // Restated so the narrowed `code` is what reaches the base class.
    super({ ...properties, code: properties.code });
  }
}

/**
 * The chaincode could not run the call as sent (`UNKNOWN_TRANSACTION`, `BAD_ARGUMENTS`: client
 * and chaincode disagree on the transaction table) or failed unexpectedly (`INTERNAL`). Sending
 * the same call again gives the same answer, so it is never retryable.
 */
export class ContractError extends ColdtraceError {
  override readonly name = 'ContractError';

  constructor(
    properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'> & {
      readonly code: 'UNKNOWN_TRANSACTION' | 'BAD_ARGUMENTS' | 'INTERNAL';
    },
  ) {
    super({ ...properties, code: properties.code });
  }
}

/** Endorsement, ordering or a gateway call failed for a reason other than a chaincode rule. */
export class EndorsementError extends ColdtraceError {
  override readonly name = 'EndorsementError';

  constructor(properties: Omit<ColdtraceErrorProperties, 'code'> & { readonly grpcCode?: number }) {
    super({
      ...properties,
      code: properties.retryable === true ? 'UNAVAILABLE' : 'ENDORSEMENT_FAILED',
    });
    this.grpcCode = properties.grpcCode;
  }

  /** gRPC status code of the underlying gateway call, when there was one. */
  readonly grpcCode: number | undefined;
}

const mvccValidationCodes: ReadonlySet<string> = new Set([
  'MVCC_READ_CONFLICT',
  'PHANTOM_READ_CONFLICT',
]);

/**
 * The transaction was ordered but committed with a validation code other than VALID. Read
 * conflicts (`MVCC_CONFLICT`) are retryable: another transaction changed the same keys first.
 */
export class CommitError extends ColdtraceError {
  override readonly name = 'CommitError';
  /** Fabric transaction validation code name, for example `ENDORSEMENT_POLICY_FAILURE`. */
  readonly validationCode: string;
  readonly blockNumber: bigint | undefined;

  constructor(
    properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'> & {
      readonly validationCode: string;
      readonly blockNumber?: bigint;
    },
  ) {
    const conflict = mvccValidationCodes.has(properties.validationCode);
    super({
      ...properties,
      code: conflict ? 'MVCC_CONFLICT' : 'COMMIT_FAILED',
      retryable: conflict,
    });
    this.validationCode = properties.validationCode;
    this.blockNumber = properties.blockNumber;
  }
}

/** A result, event payload or ledger structure did not have the documented shape. */
export class InvalidResponseError extends ColdtraceError {
  override readonly name = 'InvalidResponseError';

  constructor(properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'>) {
    super({ ...properties, code: 'INVALID_RESPONSE' });
  }
}

/** Connection profile, credentials or options are missing or malformed. */
export class ConfigurationError extends ColdtraceError {
  override readonly name = 'ConfigurationError';

  constructor(properties: Omit<ColdtraceErrorProperties, 'code' | 'retryable'>) {
    super({ ...properties, code: 'CONFIGURATION' });
  }
}
