import { JsonShapeError } from '@coldtrace/protocol';
import { ValidationError } from './coldtraceerror';

/**
 * Runs a protocol reader over the caller's input: a shape error is the caller's mistake, so it
 * becomes a {@link ValidationError} naming the field and the rule (a shape error in a peer's
 * answer is an InvalidResponseError instead; see errormapping.ts).
 */
export function readInput<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof JsonShapeError) {
      throw new ValidationError({
        message: err.message,
        field: err.field,
        rule: err.rule,
        cause: err,
      });
    }
    throw err;
  }
}
