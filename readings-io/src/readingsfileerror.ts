import { JsonShapeError } from '@coldtrace/protocol';

/**
 * A readings file the caller gave cannot be taken as it is. `field` names where (a column, a
 * line, a JSON path) and `rule` what it breaks, as every coldtrace input error does.
 */
export class ReadingsFileError extends Error {
  override readonly name = 'ReadingsFileError';
  readonly field: string;
  readonly rule: string;

  constructor(properties: { message: string; field: string; rule: string; cause?: unknown }) {
    super(properties.message, { cause: properties.cause });
    this.field = properties.field;
    this.rule = properties.rule;
  }
}

/** Runs a protocol reader over file content: a shape error becomes a {@link ReadingsFileError}. */
export function readFileContent<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof JsonShapeError) {
      throw new ReadingsFileError({
        message: err.message,
        field: err.field,
        rule: err.rule,
        cause: err,
      });
    }
    throw err;
  }
}
