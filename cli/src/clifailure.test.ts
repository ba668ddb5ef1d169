import {
  ColdtraceError,
  EndorsementError,
  NotFoundError,
  ValidationError,
} from '@coldtrace/gateway-client';
import { ReadingsFileError } from '@coldtrace/readings-io';
import { describeFailure, failureText } from './clifailure';
import { UsageError } from './usageerror';

const options = [{ name: 'from', description: 'start time' }];

describe('describeFailure', () => {
  it('exits 2 naming the option when the refused field came from one', () => {
    const error = new ValidationError({
      message: 'fromMs must be ≥ 0',
      field: 'fromMs',
      rule: 'range',
    });
    const failure = describeFailure(options, error);
    expect(failure).toMatchObject({ exitCode: 2, option: '--from', rule: 'range' });
    expect(failureText(failure)).toBe('VALIDATION_FAILED: --from must be ≥ 0');
    const other = new ValidationError({ message: 'not a time', field: 'fromMs', rule: 'format' });
    expect(describeFailure(options, other).message).toBe('--from: not a time');
  });

  it('exits 1 with the stable code for other failures, naming field and rule', () => {
    const error = new ValidationError({
      message: 'bad value',
      field: 'readings[2].value',
      rule: 'finite',
    });
    expect(failureText(describeFailure(options, error))).toBe(
      'VALIDATION_FAILED: bad value (readings[2].value: finite)',
    );
    const missing = new NotFoundError({ message: 'no shipment SHP-1', transactionId: 'abc' });
    expect(describeFailure(options, missing)).toMatchObject({ exitCode: 1, code: 'NOT_FOUND' });
    expect(describeFailure(options, new UsageError('--x is required'))).toMatchObject({
      exitCode: 2,
      code: 'USAGE',
    });
    const file = new ReadingsFileError({ message: 'no unit', field: 'unit', rule: 'required' });
    expect(describeFailure(options, file)).toMatchObject({ exitCode: 1, code: 'READINGS_FILE' });
  });

  it('says the network looks down when the peer was found unreachable', () => {
    // As the library reports a call no connection could carry: gRPC status 14, UNAVAILABLE.
    const error = new EndorsementError({ message: 'no connection', retryable: true, grpcCode: 14 });
    const peer = { endpoint: '127.0.0.1:7051', reason: 'connection refused' };
    const failure = describeFailure(options, error, peer);
    expect(failure.code).toBe('NETWORK_DOWN');
    expect(failure.message).toContain(
      'cannot reach the peer at 127.0.0.1:7051 (connection refused)',
    );
    const timeout = new ColdtraceError({ message: 'deadline exceeded', code: 'UNAVAILABLE' });
    expect(describeFailure(options, timeout).code).toBe('UNAVAILABLE');
  });
});
