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

const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/u;

/** Epoch milliseconds of an RFC 3339 time with a zone, or of a date (midnight UTC); NaN else. */
export function parseTime(value: string): number {
  const match = rfc3339.exec(value);
  if (match === null) {
    return Number.NaN;
  }
  // Date.parse rolls 2026-02-30 over into March; a calendar date must exist as written.
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day
    ? Date.parse(value)
    : Number.NaN;
}

export function checkTime(value: string): string | undefined {
  return Number.isNaN(parseTime(value))
    ? 'must be a time such as 2026-11-23T10:00:00Z (RFC 3339, with a zone) or a date 2026-11-23'
    : undefined;
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
