/**
 * A fixed UTC offset in minutes from the ways logger files and users write one: `Z`, `UTC`,
 * `GMT`, `+01:00`, `-0400`, `GMT+01:00` (HOBOware's column header), `UTC+1`, `UTC-04:30`.
 * Undefined when the text is not an offset. Named zones (`Europe/Berlin`) are not offsets: a
 * logger's clock does not follow daylight saving, so a file's times have one offset.
 */
export function parseZoneOffset(text: string): number | undefined {
  const match = /^(?:(?:UTC|GMT|Z)\s*)?(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/iu.exec(text.trim());
  if (match === null || text.trim() === '') {
    return undefined;
  }
  const [, sign, hours, minutes] = match;
  if (sign === undefined || hours === undefined) {
    return 0;
  }
  const total = Number(hours) * 60 + Number(minutes ?? '0');
  if (Number(hours) > 14 || Number(minutes ?? '0') > 59) {
    return undefined;
  }
  return sign === '-' ? -total : total;
}

/** `+01:00`, `-04:30`, `Z` for 0: the RFC 3339 spelling. */
export function formatZoneOffset(minutes: number): string {
  if (minutes === 0) {
    return 'Z';
  }
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/** For people: `UTC` or `UTC+01:00`. */
export function describeZone(minutes: number): string {
  return minutes === 0 ? 'UTC' : `UTC${formatZoneOffset(minutes)}`;
}
