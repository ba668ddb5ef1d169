import { type ErrorEnvelope, JsonShapeError, parseErrorEnvelope } from '@coldtrace/protocol';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { CommitError as FabricCommitError, GatewayError } from '@hyperledger/fabric-gateway';
import { StatusNames } from './commitstatus';
import {
  AccessDeniedError,
  ColdtraceError,
  type ColdtraceErrorDetail,
  CommitError,
  ConflictError,
  ContractError,
  CustodyError,
  EndorsementError,
  InvalidResponseError,
  NotFoundError,
  ValidationError,
} from './coldtraceerror';

// Transient transport failures: the peer or orderer was not reachable or did not answer in time.
// ABORTED is what the gateway returns when endorsing peers disagree, typically because they are
// at different ledger heights for a moment.
const retryableGrpcCodes: ReadonlySet<number> = new Set([
  GrpcStatus.UNAVAILABLE,
  GrpcStatus.DEADLINE_EXCEEDED,
  GrpcStatus.RESOURCE_EXHAUSTED,
  GrpcStatus.ABORTED,
]);

/** True for gRPC status codes worth retrying after a backoff. */
export function isRetryableGrpcCode(code: number): boolean {
  return retryableGrpcCodes.has(code);
}

/** The chaincode's error envelope (`@coldtrace/protocol`), under its former name. */
export type ChaincodeErrorBody = ErrorEnvelope;

/** The chaincode's error envelope in text the peer and gateway wrapped around it. */
export function parseChaincodeErrorBody(text: string): ChaincodeErrorBody | undefined {
  return parseErrorEnvelope(text);
}

// The peer reports a chaincode's own failure as `chaincode response <status>, <message>`
// (Fabric's endorser format, not coldtrace's text). Chaincode is deterministic: the same
// proposal fails the same way again, so such a failure is never retryable.
const chaincodeResponse = /\bchaincode response (\d{3})\b/u;

function isChaincodeFailure(text: string): boolean {
  const status = chaincodeResponse.exec(text)?.[1];
  return status !== undefined && Number(status) >= 400;
}

interface ErrorContext {
  readonly transactionId: string | undefined;
  readonly details: readonly ColdtraceErrorDetail[];
  readonly cause: unknown;
}

/** Maps a chaincode error envelope to its typed error, keeping `field` and `rule` on every one. */
export function chaincodeError(body: ErrorEnvelope, context: ErrorContext): ColdtraceError {
  const base = {
    message: body.message,
    ...withTransactionId(context),
    ...rest(context),
    ...(body.field !== undefined ? { field: body.field } : {}),
    ...(body.rule !== undefined ? { rule: body.rule } : {}),
  };
  switch (body.code) {
    case 'VALIDATION_FAILED':
      return new ValidationError(base);
    case 'ACCESS_DENIED':
      return new AccessDeniedError(base);
    case 'NOT_FOUND':
      return new NotFoundError(base);
    case 'ALREADY_EXISTS':
    case 'INVALID_STATE':
      return new ConflictError({ ...base, code: body.code });
    case 'CUSTODY_VIOLATION':
      return new CustodyError(base);
    case 'UNKNOWN_TRANSACTION':
    case 'BAD_ARGUMENTS':
    case 'INTERNAL':
      return new ContractError({ ...base, code: body.code });
  }
}

function withTransactionId(context: ErrorContext): { transactionId?: string } {
  return context.transactionId !== undefined ? { transactionId: context.transactionId } : {};
}

function rest(context: ErrorContext): { details: readonly ColdtraceErrorDetail[]; cause: unknown } {
  return { details: context.details, cause: context.cause };
}

function transactionIdOf(err: object): string | undefined {
  const value = (err as { transactionId?: unknown }).transactionId;
  return typeof value === 'string' ? value : undefined;
}

function fromGatewayError(err: GatewayError, transactionId: string | undefined): ColdtraceError {
  const details = err.details.map(({ address, mspId, message }) => ({ address, mspId, message }));
  const context: ErrorContext = {
    transactionId: transactionIdOf(err) ?? transactionId,
    details,
    cause: err,
  };
  // A chaincode error reached us through endorsement; the peer's detail is authoritative, the
  // gateway's own message only a fallback for evaluate calls that carry no details.
  const texts = [...details.map((detail) => detail.message), err.message];
  for (const text of texts) {
    const body = parseChaincodeErrorBody(text);
    if (body !== undefined) {
      return chaincodeError(body, context);
    }
  }
  return new EndorsementError({
    message: err.message,
    grpcCode: err.code,
    retryable: !texts.some(isChaincodeFailure) && isRetryableGrpcCode(err.code),
    ...withTransactionId(context),
    ...rest(context),
  });
}

/**
 * Converts anything thrown by fabric-gateway (or by this library) into a {@link ColdtraceError},
 * using the chaincode's stable JSON code, the gateway error class and the gRPC status code, never
 * the message text.
 */
export function toColdtraceError(err: unknown, transactionId?: string): ColdtraceError {
  if (err instanceof ColdtraceError) {
    return err;
  }
  if (err instanceof FabricCommitError) {
    return new CommitError({
      message: err.message,
      transactionId: err.transactionId,
      validationCode: StatusNames[err.code] ?? String(err.code),
      cause: err,
    });
  }
  if (err instanceof GatewayError) {
    return fromGatewayError(err, transactionId);
  }
  if (err instanceof JsonShapeError) {
    return new InvalidResponseError({
      message: err.message,
      cause: err,
      ...(transactionId !== undefined ? { transactionId } : {}),
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ColdtraceError({
    message,
    cause: err,
    ...(transactionId !== undefined ? { transactionId } : {}),
  });
}
