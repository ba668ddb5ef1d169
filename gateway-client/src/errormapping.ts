import { status as GrpcStatus } from '@grpc/grpc-js';
import { CommitError as FabricCommitError, GatewayError } from '@hyperledger/fabric-gateway';
import { StatusNames } from './commitstatus';
import {
  AccessDeniedError,
  ColdtraceError,
  type ColdtraceErrorDetail,
  CommitError,
  ConflictError,
  CustodyError,
  EndorsementError,
  NotFoundError,
  ValidationError,
} from './coldtraceerror';

/** The JSON object every chaincode error message consists of (docs/chaincode-api.md). */
export interface ChaincodeErrorBody {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly rule?: string;
}

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

/**
 * Extracts the chaincode's JSON error from text the peer and gateway wrapped around it: the first
 * `{` to the last `}`. Returns undefined when there is no such object or it lacks a string `code`.
 */
export function parseChaincodeErrorBody(text: string): ChaincodeErrorBody | undefined {
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
  const record = parsed as Record<string, unknown>;
  const { code, message, field, rule } = record;
  if (typeof code !== 'string') {
    return undefined;
  }
  return {
    code,
    message: typeof message === 'string' ? message : code,
    ...(typeof field === 'string' ? { field } : {}),
    ...(typeof rule === 'string' ? { rule } : {}),
  };
}

interface ErrorContext {
  readonly transactionId: string | undefined;
  readonly details: readonly ColdtraceErrorDetail[];
  readonly cause: unknown;
}

/** Maps a chaincode error body to its typed error; undefined for codes this client does not know. */
export function chaincodeError(
  body: ChaincodeErrorBody,
  context: ErrorContext,
): ColdtraceError | undefined {
  const base = { message: body.message, ...withTransactionId(context), ...rest(context) };
  switch (body.code) {
    case 'VALIDATION_FAILED':
      return new ValidationError({
        ...base,
        ...(body.field !== undefined ? { field: body.field } : {}),
        ...(body.rule !== undefined ? { rule: body.rule } : {}),
      });
    case 'ACCESS_DENIED':
      return new AccessDeniedError(base);
    case 'NOT_FOUND':
      return new NotFoundError(base);
    case 'ALREADY_EXISTS':
    case 'INVALID_STATE':
      return new ConflictError({ ...base, code: body.code });
    case 'CUSTODY_VIOLATION':
      return new CustodyError(base);
    default:
      return undefined;
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
    const mapped = body !== undefined ? chaincodeError(body, context) : undefined;
    if (mapped !== undefined) {
      return mapped;
    }
  }
  return new EndorsementError({
    message: err.message,
    grpcCode: err.code,
    retryable: isRetryableGrpcCode(err.code),
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
  const message = err instanceof Error ? err.message : String(err);
  return new ColdtraceError({
    message,
    cause: err,
    ...(transactionId !== undefined ? { transactionId } : {}),
  });
}
