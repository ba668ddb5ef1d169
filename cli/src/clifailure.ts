import { ColdtraceError } from '@coldtrace/gateway-client';
import { ReadingsFileError } from '@coldtrace/readings-io';
import type { OptionSpec } from './args';
import { optionForField } from './optionfield';
import type { UnreachablePeer } from './peerreach';
import { UsageError } from './usageerror';

/** Why a command failed, in the user's words: what `--json` prints and the exit code. */
export interface CliFailure {
  /** 2: the command line is wrong (usage, an option's value); 1: anything else. */
  readonly exitCode: 1 | 2;
  /** `USAGE`, `READINGS_FILE`, `NETWORK_DOWN` or the library's stable error code. */
  readonly code: string;
  readonly message: string;
  /** The option at fault, as typed: `--from`. */
  readonly option?: string;
  readonly field?: string;
  readonly rule?: string;
  readonly transactionId?: string;
}

function networkDown(peer: UnreachablePeer): CliFailure {
  return {
    exitCode: 1,
    code: 'NETWORK_DOWN',
    message:
      `cannot reach the peer at ${peer.endpoint} (${peer.reason}): ` +
      'the network looks down. Start the local network with `npm run network -- up` and ' +
      '`npm run deploy` in the coldtrace checkout, or point --profiles at a running one.',
  };
}

function optionFailure(
  options: readonly OptionSpec[],
  error: ColdtraceError,
): CliFailure | undefined {
  const option = optionForField(options, error.field);
  if (option === undefined || error.code !== 'VALIDATION_FAILED') {
    return undefined;
  }
  return {
    exitCode: 2,
    code: 'VALIDATION_FAILED',
    // The library's message names its own field (`lotJson.gtin`); the user typed `--gtin`.
    message:
      error.field !== undefined && error.message.includes(error.field)
        ? error.message.replaceAll(error.field, `--${option.name}`)
        : `--${option.name}: ${error.message}`,
    option: `--${option.name}`,
    ...(error.field !== undefined ? { field: error.field } : {}),
    ...(error.rule !== undefined ? { rule: error.rule } : {}),
  };
}

/**
 * Maps what a command threw to what the user is told: a wrong command line and a bad option
 * value (caught by the CLI or refused by the chaincode) exit 2 naming the option; a peer found
 * unreachable (peerreach.ts) is a network that looks down; every other failure
 * exits 1 with the library's stable code.
 */
export function describeFailure(
  options: readonly OptionSpec[],
  error: unknown,
  peer?: UnreachablePeer,
): CliFailure {
  if (error instanceof UsageError) {
    return { exitCode: 2, code: 'USAGE', message: error.message };
  }
  if (error instanceof ReadingsFileError) {
    return {
      exitCode: 1,
      code: 'READINGS_FILE',
      message: error.message,
      field: error.field,
      rule: error.rule,
    };
  }
  if (error instanceof ColdtraceError) {
    if (error.code === 'UNAVAILABLE' && peer !== undefined) {
      return networkDown(peer);
    }
    return (
      optionFailure(options, error) ?? {
        exitCode: 1,
        code: error.code,
        message: error.message,
        ...(error.field !== undefined ? { field: error.field } : {}),
        ...(error.rule !== undefined ? { rule: error.rule } : {}),
        ...(error.transactionId !== undefined ? { transactionId: error.transactionId } : {}),
      }
    );
  }
  return {
    exitCode: 1,
    code: 'UNKNOWN',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The one-line text of a failure: its stable code (none for the unforeseen) and message. */
export function failureText(failure: CliFailure): string {
  if (failure.code === 'USAGE') {
    return failure.message;
  }
  const tx = failure.transactionId !== undefined ? ` (tx ${failure.transactionId})` : '';
  const where =
    failure.option === undefined && failure.field !== undefined
      ? ` (${failure.field}: ${failure.rule ?? 'invalid'})`
      : '';
  const code = failure.code === 'UNKNOWN' ? '' : `${failure.code}: `;
  return `${code}${failure.message}${where}${tx}`;
}
