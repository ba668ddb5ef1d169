import { ReadingsFileError } from './readingsfileerror';
import { parseZoneOffset } from './timezoneoffset';

/** Order of day and month in dates like `03/04/2026`, which the text alone cannot tell. */
export type DateOrder = 'DMY' | 'MDY';

/** One timestamp cell of a file, with the line it is on for messages. */
export interface TimestampCell {
  readonly text: string;
  readonly line: number;
}

/** What the file's header and the caller say about a column's times. */
export interface TimestampContext {
  /** The column, for messages: `Date Time, GMT+01:00`. */
  readonly column: string;
  /** The zone the column header states, in minutes east of UTC. */
  readonly headerZoneMinutes?: number;
  /** `--tz`: the zone of times that state none. */
  readonly zoneMinutes?: number;
  /** `--date-order`: for dates whose day and month the file leaves open. */
  readonly dateOrder?: DateOrder;
}

interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly zoneMinutes: number | undefined;
}

/** A date as written: `first`/`second` are day and month in an order still to be decided. */
interface WrittenDate {
  readonly year: number;
  readonly first: number;
  readonly second: number;
  /** Year-first and dotted dates say their order themselves. */
  readonly order: DateOrder | 'YMD' | undefined;
}

interface WrittenTimestamp {
  readonly date: WrittenDate;
  readonly time: ClockTime;
  readonly cell: TimestampCell;
}

const timePattern =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?\s*(Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT)?$/u;

const datePatterns: readonly { pattern: RegExp; order: WrittenDate['order'] }[] = [
  // ISO 8601 and `YYYY/MM/DD`: year first, month before day.
  { pattern: /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/u, order: 'YMD' },
  // `DD.MM.YYYY`: the dotted form is day first wherever it is used (DIN 5008, most of Europe).
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/u, order: 'DMY' },
  // `MM/DD/YY` (HOBOware) or `DD/MM/YYYY` (EasyLog, Rotronic): the data must tell which.
  { pattern: /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/u, order: undefined },
];

function invalid(cell: TimestampCell, column: string, rule: string, message: string): Error {
  return new ReadingsFileError({
    message: `line ${cell.line}: column '${column}' ${message} (got '${cell.text}')`,
    field: `line ${cell.line}.${column}`,
    rule,
  });
}

function fullYear(text: string): number {
  // Two-digit years are this century: loggers and the ledger (readings from 2000 on) agree.
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function readDate(text: string): WrittenDate | undefined {
  for (const { pattern, order } of datePatterns) {
    const match = pattern.exec(text);
    if (match !== null) {
      const [, a = '', b = '', c = ''] = match;
      return order === 'YMD'
        ? { year: Number(a), first: Number(b), second: Number(c), order }
        : { year: fullYear(c), first: Number(a), second: Number(b), order };
    }
  }
  return undefined;
}

function hour24(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem === undefined) {
    return hour;
  }
  if (hour < 1 || hour > 12) {
    return undefined;
  }
  const pm = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

function readClock(text: string): ClockTime | undefined {
  const match = timePattern.exec(text);
  if (match === null) {
    return undefined;
  }
  const [, hh = '', mm = '', ss, fraction, meridiem, zone] = match;
  const hour = hour24(Number(hh), meridiem);
  if (hour === undefined) {
    return undefined;
  }
  const zoneMinutes = zone === undefined ? undefined : parseZoneOffset(zone);
  if (zone !== undefined && zoneMinutes === undefined) {
    return undefined;
  }
  return {
    hour,
    minute: Number(mm),
    second: Number(ss ?? '0'),
    millisecond: Math.floor(Number(`0.${fraction ?? '0'}`) * 1000),
    zoneMinutes,
  };
}

/** Splits `date[ T]time` (or a date alone, at midnight) and reads both parts. */
function readWritten(cell: TimestampCell): Omit<WrittenTimestamp, 'cell'> | undefined {
  const text = cell.text.trim();
  const split = /^(\S+?)(?:[T\s]+(.+))?$/u.exec(text);
  const date = split?.[1] === undefined ? undefined : readDate(split[1]);
  const time = readClock(split?.[2] ?? '00:00');
  return date === undefined || time === undefined ? undefined : { date, time };
}

/** The stamps of a column that can tell (or fail to tell) its day/month order: the first of each. */
class OrderEvidence {
  /** A slashed date with a day above 12 (`13/06/26`), one with a month above 12 (`06/13/26`). */
  dayFirst: WrittenTimestamp | undefined;
  monthFirst: WrittenTimestamp | undefined;
  /** A slashed date that reads differently in each order (`03/04/26`, not `04/04/26`). */
  undecided: WrittenTimestamp | undefined;

  add(stamp: WrittenTimestamp): void {
    if (stamp.date.order !== undefined) {
      return;
    }
    if (stamp.date.first > 12) {
      this.dayFirst ??= stamp;
    }
    if (stamp.date.second > 12) {
      this.monthFirst ??= stamp;
    }
    if (stamp.date.first !== stamp.date.second) {
      this.undecided ??= stamp;
    }
  }
}

/** The order a day above 12 reveals, refusing a column that mixes both orders. */
function revealedOrder(
  { dayFirst, monthFirst }: OrderEvidence,
  context: TimestampContext,
): { order: DateOrder; witness: WrittenTimestamp } | undefined {
  if (dayFirst !== undefined && monthFirst !== undefined) {
    throw invalid(
      monthFirst.cell,
      context.column,
      'date-order',
      `mixes day/month (line ${dayFirst.cell.line}: '${dayFirst.cell.text}') and month/day dates`,
    );
  }
  if (dayFirst !== undefined) {
    return { order: 'DMY', witness: dayFirst };
  }
  return monthFirst === undefined ? undefined : { order: 'MDY', witness: monthFirst };
}

/** The order the column's dates reveal (a day above 12), or the caller's, or a refusal. */
function dateOrderOf(evidence: OrderEvidence, context: TimestampContext): DateOrder {
  const revealed = revealedOrder(evidence, context);
  if (revealed !== undefined && context.dateOrder !== undefined) {
    if (revealed.order !== context.dateOrder) {
      throw invalid(
        revealed.witness.cell,
        context.column,
        'date-order',
        `cannot be read as ${context.dateOrder === 'DMY' ? 'day/month' : 'month/day'} (--date-order)`,
      );
    }
  }
  const order = revealed?.order ?? context.dateOrder;
  if (order === undefined && evidence.undecided !== undefined) {
    throw invalid(
      evidence.undecided.cell,
      context.column,
      'date-order',
      'could be day/month or month/day and no date in the file tells which: pass --date-order dmy or --date-order mdy',
    );
  }
  return order ?? 'DMY';
}

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

function zoneOf(stamp: WrittenTimestamp, context: TimestampContext): number {
  const zone = stamp.time.zoneMinutes ?? context.headerZoneMinutes ?? context.zoneMinutes;
  if (zone === undefined) {
    throw invalid(
      stamp.cell,
      context.column,
      'time-zone',
      'states no time zone and neither does its column header: pass --tz (for example --tz +01:00 or --tz UTC)',
    );
  }
  return zone;
}

function toRfc3339(stamp: WrittenTimestamp, order: DateOrder, context: TimestampContext): string {
  const { date, time } = stamp;
  const dayFirst = date.order === 'DMY' || (date.order === undefined && order === 'DMY');
  const [day, month] = dayFirst ? [date.first, date.second] : [date.second, date.first];
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(date.year, month) &&
    time.hour <= 23 &&
    time.minute <= 59 &&
    time.second <= 59;
  if (!valid) {
    throw invalid(stamp.cell, context.column, 'date-time', 'is not a valid date and time');
  }
  const local = Date.UTC(date.year, month - 1, day, time.hour, time.minute, time.second);
  const ms = local + time.millisecond - zoneOf(stamp, context) * 60_000;
  const iso = new Date(ms).toISOString();
  // join() gives one flat string; `${iso.slice(0, 19)}Z` would keep a slice of `iso` and a
  // concatenation node beside it, 104 bytes a reading instead of 40 (a million-row file: 64 MB).
  return time.millisecond === 0 ? [iso.slice(0, 19), 'Z'].join('') : iso;
}

function writtenStamp(cell: TimestampCell, context: TimestampContext): WrittenTimestamp {
  const written = readWritten(cell);
  if (written === undefined) {
    throw invalid(cell, context.column, 'date-time', 'is not a date and time this reader knows');
  }
  return { ...written, cell };
}

/**
 * Reads a column of logger timestamps into RFC 3339 UTC times: ISO 8601 (`2026-06-10T08:00:00Z`,
 * `2026-06-10 08:00`), `YYYY/MM/DD`, `DD.MM.YYYY HH:mm:ss`, `MM/DD/YY hh:mm:ss AM/PM`
 * (HOBOware) and `DD/MM/YYYY HH:mm:ss` (EasyLog, Rotronic). Day/month order of slashed dates
 * comes from the data (a day above 12) or from `dateOrder`, never from a guess; the zone from the
 * cell, else the column header, else `zoneMinutes`.
 *
 * Reads the column once to settle its date order, keeping nothing but the cells that decide it,
 * and returns the reader of one cell, so a file's times are never all held at once.
 * @throws {@link ReadingsFileError} naming the line and column of the first time it cannot read
 * or whose day/month order nothing settles; the returned reader, of a date that does not exist
 * or a time with no zone.
 */
export function timestampReader(
  cells: Iterable<TimestampCell>,
  context: TimestampContext,
): (cell: TimestampCell) => string {
  const evidence = new OrderEvidence();
  for (const cell of cells) {
    evidence.add(writtenStamp(cell, context));
  }
  const order = dateOrderOf(evidence, context);
  return (cell) => toRfc3339(writtenStamp(cell, context), order, context);
}

/** {@link timestampReader} over a whole column at once. */
export function readTimestamps(
  cells: readonly TimestampCell[],
  context: TimestampContext,
): string[] {
  const read = timestampReader(cells, context);
  return cells.map(read);
}

/** True when the text reads as a timestamp (any order): tells data rows from header rows. */
export function looksLikeTimestamp(text: string): boolean {
  return readWritten({ text, line: 0 }) !== undefined;
}
