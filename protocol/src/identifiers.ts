import { JsonShapeError } from './jsonshapeerror';

// No U+0000 (the composite-key separator), no control characters: ids become key attributes.
const idPattern = /^[A-Za-z0-9._:/-]{1,64}$/u;
const lotNumberPattern = /^[A-Za-z0-9._/-]{1,20}$/u;
const lotIdPattern = /^(\d{14}):([A-Za-z0-9._/-]{1,20})$/u;

/** Validates a `shipmentId`, `sensorId`, `batchId` or similar argument. */
export function parseId(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new JsonShapeError(field, 'type', `${field} must be a string`);
  }
  if (!idPattern.test(value)) {
    throw new JsonShapeError(field, 'id-format', `${field} must be 1-64 chars [A-Za-z0-9._:/-]`);
  }
  return value;
}

export function parseLotNumber(value: unknown, field: string): string {
  if (typeof value !== 'string' || !lotNumberPattern.test(value)) {
    throw new JsonShapeError(
      field,
      'lot-number-format',
      `${field} must be 1-20 chars [A-Za-z0-9._/-]`,
    );
  }
  return value;
}

/** GS1 mod-10 check digit over all digits but the last. */
export function hasValidGs1CheckDigit(digits: string): boolean {
  if (!/^\d+$/u.test(digits) || digits.length < 2) {
    return false;
  }
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i += 1) {
    // Weights 3,1,3,... counted from the digit next to the check digit.
    const weight = (body.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(body[i]) * weight;
  }
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

/** Validates a GTIN-8/12/13/14 and normalises it to 14 digits. */
export function parseGtin(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^(\d{8}|\d{12}|\d{13}|\d{14})$/u.test(value)) {
    throw new JsonShapeError(field, 'gtin-format', `${field} must be a GTIN-8, -12, -13 or -14`);
  }
  if (!hasValidGs1CheckDigit(value)) {
    throw new JsonShapeError(field, 'gtin-check-digit', `${field} has an invalid check digit`);
  }
  return value.padStart(14, '0');
}

export function parseGln(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{13}$/u.test(value)) {
    throw new JsonShapeError(field, 'gln-format', `${field} must be 13 digits`);
  }
  if (!hasValidGs1CheckDigit(value)) {
    throw new JsonShapeError(field, 'gln-check-digit', `${field} has an invalid check digit`);
  }
  return value;
}

export function lotIdOf(gtin14: string, lotNumber: string): string {
  return `${gtin14}:${lotNumber}`;
}

export function parseLotId(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new JsonShapeError(field, 'type', `${field} must be a string`);
  }
  const match = lotIdPattern.exec(value);
  if (match?.[1] === undefined || !hasValidGs1CheckDigit(match[1])) {
    throw new JsonShapeError(field, 'lot-id-format', `${field} must be <gtin14>:<lotNumber>`);
  }
  return value;
}

/** RFC 3339 with an explicit zone; returns epoch milliseconds. */
export function parseRfc3339(value: unknown, field: string): number {
  const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/u;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new JsonShapeError(field, 'rfc3339', `${field} must be RFC 3339 with a zone`);
  }
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || !sameCalendarFields(value, ms)) {
    throw new JsonShapeError(field, 'rfc3339', `${field} is not a valid date-time`);
  }
  return ms;
}

// Date.parse rolls 2026-02-30 over to March; compare the written date with the parsed one.
function sameCalendarFields(value: string, ms: number): boolean {
  const zone = value.endsWith('Z') ? 0 : offsetMinutes(value.slice(-6));
  const local = new Date(ms + zone * 60_000).toISOString();
  return local.slice(0, 19) === value.slice(0, 19);
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** A calendar date `YYYY-MM-DD`. */
export function parseIsoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    throw new JsonShapeError(field, 'date-format', `${field} must be YYYY-MM-DD`);
  }
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new JsonShapeError(field, 'date-format', `${field} is not a calendar date`);
  }
  return value;
}
