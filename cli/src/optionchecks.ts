import { JsonShapeError, parseId, parseIsoDate, parseRfc3339 } from '@coldtrace/gateway-client';
import { integerBetween } from './args';

/*
 * Checks of option values, run by the argument parser before anything connects (args.ts): each
 * returns the rule a bad value breaks, which the usage error prints after the option's name.
 */

/** A value from a fixed list, in any letter case. */
export function oneOf(values: readonly string[]): (value: string) => string | undefined {
  return (value) =>
    values.includes(value.toUpperCase())
      ? undefined
      : `must be ${values.slice(0, -1).join(', ')}${values.length > 1 ? ' or ' : ''}${values.at(-1) ?? ''}`;
}

/** True when a protocol validator takes the value, false when it refuses it. */
function accepts(validate: () => unknown): boolean {
  try {
    validate();
    return true;
  } catch (err) {
    if (err instanceof JsonShapeError) {
      return false;
    }
    throw err;
  }
}

// `10:00Z`: people leave the seconds out; the protocol's RFC 3339 reader wants them.
const withoutSeconds = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})$/u;

/**
 * Epoch milliseconds of an RFC 3339 time with a zone (seconds optional), or of a date (midnight
 * UTC); NaN else. The ledger's own readers decide, so 2026-02-30 is no date here either.
 */
export function parseTime(value: string): number {
  try {
    return value.includes('T')
      ? parseRfc3339(value.replace(withoutSeconds, '$1:00$2'), 'time')
      : Date.parse(`${parseIsoDate(value, 'date')}T00:00:00Z`);
  } catch (err) {
    if (err instanceof JsonShapeError) {
      return Number.NaN;
    }
    throw err;
  }
}

export function checkTime(value: string): string | undefined {
  return Number.isNaN(parseTime(value))
    ? 'must be a time such as 2026-11-23T10:00:00Z (RFC 3339, with a zone) or a date 2026-11-23'
    : undefined;
}

/** A calendar date as the ledger takes it (`--expiry`). */
export function checkDate(value: string): string | undefined {
  return accepts(() => parseIsoDate(value, 'date')) ? undefined : 'must be a date YYYY-MM-DD';
}

/** A sensor, shipment or other id as the ledger takes it. */
export function checkId(value: string): string | undefined {
  return accepts(() => parseId(value, 'id')) ? undefined : 'must be 1-64 chars [A-Za-z0-9._:/-]';
}

/** `--page-size` of the list commands: items fetched and printed at a time. */
export const pageSizeOption = {
  name: 'page-size',
  description: 'items fetched and printed at a time, 1-1000 (default 1000)',
  check: integerBetween(1, 1000),
} as const;

/** The page size of a list command: `--page-size`, else the largest page. */
export function pageSizeOf(value: string | undefined, largest: number): number {
  return value === undefined ? largest : Number(value);
}
