import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import {
  CommitError as FabricCommitError,
  EndorseError,
  GatewayError,
  StatusCode,
} from '@hyperledger/fabric-gateway';
import {
  AccessDeniedError,
  ColdtraceError,
  type ColdtraceErrorCode,
  CommitError,
  ConflictError,
  ContractError,
  CustodyError,
  EndorsementError,
  NotFoundError,
  ValidationError,
} from './coldtraceerror';
import { parseChaincodeErrorBody, toColdtraceError } from './errormapping';

function serviceError(code: status): ServiceError {
  return Object.assign(new Error('grpc failure'), { code, details: '', metadata: new Metadata() });
}

function narrow<T>(value: unknown, errorClass: abstract new (...args: never[]) => T): T {
  if (!(value instanceof errorClass)) {
    throw new Error(`expected ${errorClass.name}`);
  }
  return value;
}

function endorseError(code: status, peerMessage: string): EndorseError {
  return new EndorseError({
    code,
    transactionId: 'tx1',
    cause: serviceError(code),
    message: 'endorse failed',
    details: [{ address: 'peer0:7051', mspId: 'PharmaMSP', message: peerMessage }],
  });
}

const chaincodeMessage = (body: object): string =>
  `chaincode response 500, transaction returned with failure: ${JSON.stringify(body)} (extra)`;

describe('parseChaincodeErrorBody', () => {
  it('extracts the JSON object from wrapped text', () => {
    const body = parseChaincodeErrorBody(
      chaincodeMessage({ code: 'NOT_FOUND', message: 'shipment S1 {x} not found' }),
    );
    expect(body).toEqual({ code: 'NOT_FOUND', message: 'shipment S1 {x} not found' });
  });

  it.each(['no json here', '{not json}', '{"message":"no code"}', '} before {'])(
    'returns undefined for %s',
    (text) => {
      expect(parseChaincodeErrorBody(text)).toBeUndefined();
    },
  );
});

describe('toColdtraceError', () => {
  it('maps VALIDATION_FAILED with field and rule and keeps the transaction id', () => {
    const err = toColdtraceError(
      endorseError(
        status.ABORTED,
        chaincodeMessage({
          code: 'VALIDATION_FAILED',
          field: 'readings[3].value',
          rule: 'finite',
          message: 'readings[3].value must be a finite number',
        }),
      ),
    );
    const validation = narrow(err, ValidationError);
    expect(validation.field).toBe('readings[3].value');
    expect(validation.rule).toBe('finite');
    expect(validation.transactionId).toBe('tx1');
    expect(validation.code).toBe('VALIDATION_FAILED');
    expect(validation.retryable).toBe(false);
    expect(validation.details[0]?.mspId).toBe('PharmaMSP');
  });

  it.each([
    ['ACCESS_DENIED', AccessDeniedError],
    ['NOT_FOUND', NotFoundError],
    ['ALREADY_EXISTS', ConflictError],
    ['INVALID_STATE', ConflictError],
    ['CUSTODY_VIOLATION', CustodyError],
  ] as const)('maps chaincode code %s to its class', (code, errorClass) => {
    const err = toColdtraceError(
      endorseError(status.UNKNOWN, chaincodeMessage({ code, message: 'x' })),
    );
    expect(err).toBeInstanceOf(errorClass);
    expect(err.code).toBe(code);
  });

  it.each(['ACCESS_DENIED', 'NOT_FOUND', 'ALREADY_EXISTS', 'INVALID_STATE', 'CUSTODY_VIOLATION'])(
    'keeps the field and rule the chaincode sent with %s',
    (code) => {
      const err = toColdtraceError(
        endorseError(
          status.ABORTED,
          chaincodeMessage({ code, message: 'x', field: 'shipmentId', rule: 'exists' }),
        ),
      );
      expect(err).toMatchObject({ field: 'shipmentId', rule: 'exists', retryable: false });
    },
  );

  it.each([
    'chaincode response 500, Expected 2 parameters, but 1 have been supplied',
    "chaincode response 500, You've asked to invoke a function that does not exist: Foo",
    'chaincode response 500, Cannot read properties of undefined',
  ])('does not retry a chaincode failure without an envelope: %s', (peerMessage) => {
    const err = toColdtraceError(endorseError(status.ABORTED, peerMessage));
    expect(err).toBeInstanceOf(EndorsementError);
    expect(err.retryable).toBe(false);
  });

  it.each(['UNKNOWN_TRANSACTION', 'BAD_ARGUMENTS', 'INTERNAL'] as const)(
    'maps the envelope code %s to a final ContractError',
    (code) => {
      const err = toColdtraceError(
        endorseError(status.ABORTED, chaincodeMessage({ code, message: 'x', rule: 'arity' })),
      );
      expect(err).toBeInstanceOf(ContractError);
      expect(err).toMatchObject({ code, rule: 'arity', retryable: false });
    },
  );

  it('still retries ABORTED when no peer reported a chaincode failure', () => {
    const err = toColdtraceError(
      endorseError(status.ABORTED, 'ProposalResponsePayloads do not match'),
    );
    expect(err.retryable).toBe(true);
  });

  it('does not match on message text without a JSON code', () => {
    const err = toColdtraceError(endorseError(status.UNKNOWN, 'shipment not found'));
    expect(err).toBeInstanceOf(EndorsementError);
    expect(err.code).toBe('ENDORSEMENT_FAILED');
    expect(err.retryable).toBe(false);
  });

  it.each([status.UNAVAILABLE, status.DEADLINE_EXCEEDED])(
    'marks gRPC code %s retryable',
    (code) => {
      const err = toColdtraceError(
        new GatewayError({ code, details: [], cause: serviceError(code), message: 'down' }),
      );
      expect(err).toBeInstanceOf(EndorsementError);
      expect(err.retryable).toBe(true);
      expect(err.code).toBe('UNAVAILABLE');
      expect(narrow(err, EndorsementError).grpcCode).toBe(code);
    },
  );

  it('maps MVCC commit failures to a retryable CommitError', () => {
    const err = toColdtraceError(
      new FabricCommitError({ code: StatusCode.MVCC_READ_CONFLICT, transactionId: 'tx9' }),
    );
    expect(err).toBeInstanceOf(CommitError);
    expect(err.code).toBe('MVCC_CONFLICT');
    expect(err.retryable).toBe(true);
    expect(narrow(err, CommitError).validationCode).toBe('MVCC_READ_CONFLICT');
    expect(err.transactionId).toBe('tx9');
  });

  it('maps other commit failures to a final CommitError', () => {
    const err = toColdtraceError(
      new FabricCommitError({ code: StatusCode.ENDORSEMENT_POLICY_FAILURE, transactionId: 't' }),
    );
    expect(err.code).toBe('COMMIT_FAILED');
    expect(err.retryable).toBe(false);
  });

  it('wraps unknown errors and keeps the cause', () => {
    const cause = new TypeError('boom');
    const err = toColdtraceError(cause, 'tx2');
    expect(err).toBeInstanceOf(ColdtraceError);
    expect(err.cause).toBe(cause);
    expect(err.transactionId).toBe('tx2');
    expect(err.name).toBe('ColdtraceError');
  });
});

describe('ColdtraceErrorCode', () => {
  it('lists only codes this library produces', () => {
    // A code added to (or left in) the type without being produced fails to compile here.
    const produced: Record<ColdtraceErrorCode, string> = {
      VALIDATION_FAILED: 'ValidationError',
      ACCESS_DENIED: 'AccessDeniedError',
      NOT_FOUND: 'NotFoundError',
      ALREADY_EXISTS: 'ConflictError',
      INVALID_STATE: 'ConflictError',
      CUSTODY_VIOLATION: 'CustodyError',
      UNKNOWN_TRANSACTION: 'ContractError',
      BAD_ARGUMENTS: 'ContractError',
      INTERNAL: 'ContractError',
      ENDORSEMENT_FAILED: 'EndorsementError',
      UNAVAILABLE: 'EndorsementError',
      COMMIT_FAILED: 'CommitError',
      MVCC_CONFLICT: 'CommitError',
      INVALID_RESPONSE: 'InvalidResponseError',
      CONFIGURATION: 'ConfigurationError',
      UNKNOWN: 'ColdtraceError',
    };
    expect(Object.keys(produced)).not.toContain('VERIFICATION_FAILED');
  });
});
