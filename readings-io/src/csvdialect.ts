/** The field delimiters logger software writes. */
export type CsvDelimiter = ',' | ';' | '\t';

const candidates: readonly CsvDelimiter[] = ['\t', ';', ','];
const sampleLines = 200;
// Enough for 200 lines of any logger export; the rest of a large file is never split.
const sampleChars = 64 * 1024;

/** Occurrences of `delimiter` outside double quotes on one physical line. */
function countOutsideQuotes(line: string, delimiter: CsvDelimiter): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') {
      quoted = !quoted;
    } else if (char === delimiter && !quoted) {
      count++;
    }
  }
  return count;
}

/** How many lines share the delimiter's most common non-zero count: a table's signature. */
function consistency(lines: readonly string[], delimiter: CsvDelimiter): number {
  const tally = new Map<number, number>();
  for (const line of lines) {
    const count = countOutsideQuotes(line, delimiter);
    if (count > 0) {
      tally.set(count, (tally.get(count) ?? 0) + 1);
    }
  }
  let best = 0;
  for (const lineCount of tally.values()) {
    best = Math.max(best, lineCount);
  }
  return best;
}

/**
 * The delimiter of a CSV text, from its content: the one whose count per line is the same on the
 * most lines (title lines and quoted `Date Time, GMT+01:00` headers do not sway it). On a tie
 * tab beats semicolon beats comma: a semicolon file with decimal commas has as many commas per
 * line as semicolons, a comma file rarely a semicolon on every line.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const head = text.slice(0, sampleChars).split(/\r\n|\n|\r/u);
  if (text.length > sampleChars && head.length > 1) {
    head.pop(); // cut off by the sample, its count would be a stray one
  }
  const lines = head.filter((line) => line.trim() !== '').slice(0, sampleLines);
  let chosen: CsvDelimiter = ',';
  let chosenScore = 0;
  for (const delimiter of candidates) {
    const score = consistency(lines, delimiter);
    if (score > chosenScore) {
      chosen = delimiter;
      chosenScore = score;
    }
  }
  return chosen;
}

/**
 * A number as a cell writes it: `4.5`, `-0.25`, `+3`, `1e2`, and with a delimiter other than
 * the comma also the decimal comma `4,5`. Undefined for anything else (never a partial parse).
 */
export function parseCellNumber(text: string, delimiter: CsvDelimiter): number | undefined {
  const trimmed = text.trim();
  const decimal = delimiter !== ',' && /^[+-]?\d+,\d+$/u.test(trimmed);
  const normalised = decimal ? trimmed.replace(',', '.') : trimmed;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/u.test(normalised)) {
    return undefined;
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}
