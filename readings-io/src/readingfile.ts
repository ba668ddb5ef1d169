import { readFile } from 'node:fs/promises';
import { parseReadingsCsv } from './csvreadings';
import { isEpcisDocument, parseEpcisReadings } from './epcisreadings';
import { parsePlainJsonReadings } from './jsonreadings';
import type { ParsedReadings, ReadingsFileOptions } from './parsedreadings';
import { ReadingsFileError } from './readingsfileerror';
import { decodeText } from './textdecoding';

/**
 * Readings from parsed JSON: a GS1 EPCIS 2.0 document, an array of readings, or
 * `{ "readings": [...] }` with readings shaped as `SubmitReadings` takes them.
 * @throws {@link ReadingsFileError} for any other shape.
 */
export function parseReadingsJson(
  value: unknown,
  options: ReadingsFileOptions = {},
): ParsedReadings {
  return isEpcisDocument(value)
    ? parseEpcisReadings(value, options)
    : parsePlainJsonReadings(value, options);
}

// JSON opens with an object, or an array of objects, strings, numbers or arrays. A CSV line can
// open with `[` too (Rotronic's `[#I]Device Description`), but not with `[{`, `["` or `[1`.
const jsonOpening = /^(?:\{|\[\s*(?:[[{"\d\-\]]|true|false|null))/u;

/**
 * Readings from a file's text, its format told by the content (never the file name): JSON (plain
 * or GS1 EPCIS 2.0), else CSV in any of the layouts {@link parseReadingsCsv} reads.
 * @throws {@link ReadingsFileError} if the text is neither, or names the first bad value.
 */
export function parseReadingsText(text: string, options: ReadingsFileOptions = {}): ParsedReadings {
  const trimmed = text.replace(/^\uFEFF/u, '').trimStart();
  if (!jsonOpening.test(trimmed)) {
    return parseReadingsCsv(text, options);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (err) {
    throw new ReadingsFileError({
      message: `the file opens as JSON but is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
      field: 'file',
      rule: 'json',
      cause: err,
    });
  }
  return parseReadingsJson(parsed, options);
}

/**
 * Reads a readings file of any accepted format, whatever its name or extension (`.csv`, `.txt`,
 * none): UTF-8, UTF-16 with a byte-order mark, or Windows-1252 as older logger software writes.
 * @throws {@link ReadingsFileError} if the file cannot be read or parsed.
 */
export async function readReadingsFile(
  path: string,
  options: ReadingsFileOptions = {},
): Promise<ParsedReadings> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new ReadingsFileError({
      message: `cannot read ${path}`,
      field: 'file',
      rule: 'readable',
      cause: err,
    });
  }
  return parseReadingsText(decodeText(bytes).text, options);
}
