import { readFile, stat } from 'node:fs/promises';
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
// Anchored, so only the opening of a file is looked at, never the whole text.
const jsonOpening = /^\uFEFF?\s*(?:\{|\[\s*(?:[[{"\d\-\]]|true|false|null))/u;

/** What a file's text holds: parsed JSON (the text no longer needed), or CSV text. */
type FileContent = { readonly json: unknown } | { readonly csv: string };

function contentOf(text: string): FileContent {
  if (!jsonOpening.test(text)) {
    return { csv: text };
  }
  try {
    // JSON.parse takes leading white space but not a byte-order mark.
    return { json: JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) };
  } catch (err) {
    throw new ReadingsFileError({
      message: `the file opens as JSON but is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
      field: 'file',
      rule: 'json',
      cause: err,
    });
  }
}

function parseContent(content: FileContent, options: ReadingsFileOptions): ParsedReadings {
  return 'json' in content
    ? parseReadingsJson(content.json, options)
    : parseReadingsCsv(content.csv, options);
}

/**
 * Readings from a file's text, its format told by the content (never the file name): JSON (plain
 * or GS1 EPCIS 2.0), else CSV in any of the layouts {@link parseReadingsCsv} reads.
 * @throws {@link ReadingsFileError} if the text is neither, or names the first bad value.
 */
export function parseReadingsText(text: string, options: ReadingsFileOptions = {}): ParsedReadings {
  return parseContent(contentOf(text), options);
}

/**
 * The largest readings file {@link readReadingsFile} reads: 100 MiB. A file is read whole and
 * parsing takes many times its size in memory. Peak resident memory measured with Node 24
 * (`/usr/bin/time -v`): CSV of 1,000,000 rows (33 MB) 0.64 GB, 2,000,000 (66 MB) 0.98 GB,
 * 3,170,000 (100 MiB) 1.9 GB, 4,000,000 (132 MB) 2.3 GB; plain JSON of 1,000,000 readings (80 MB)
 * 0.77 GB; a GS1 EPCIS export of 1,000,000 readings (161 MB) 0.97 GB. At the bound the heaviest
 * format stays under 2 GB, and every format far from V8's 512 MiB limit on one string.
 */
export const maxReadingsFileBytes = 100 * 1024 * 1024;

function tooLarge(path: string, bytes: number): ReadingsFileError {
  // Rounded up, so a file just over the bound never reads as the bound itself.
  const mib = (n: number): string => `${(Math.ceil((n / 1024 / 1024) * 10) / 10).toFixed(1)} MiB`;
  return new ReadingsFileError({
    message: `${path} is ${mib(bytes)}; a readings file may hold at most ${maxReadingsFileBytes / 1024 / 1024} MiB: split it into smaller files (by sensor or by time) and submit each`,
    field: 'file',
    rule: 'file-size',
  });
}

/** The file's content, its size checked before it is read; the bytes and text let go after. */
async function readContent(path: string): Promise<FileContent> {
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > maxReadingsFileBytes) {
      throw tooLarge(path, size);
    }
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof ReadingsFileError) {
      throw err;
    }
    throw new ReadingsFileError({
      message: `cannot read ${path}`,
      field: 'file',
      rule: 'readable',
      cause: err,
    });
  }
  if (bytes.length > maxReadingsFileBytes) {
    throw tooLarge(path, bytes.length); // grown since it was measured
  }
  return contentOf(decodeText(bytes).text);
}

/**
 * Reads a readings file of any accepted format, whatever its name or extension (`.csv`, `.txt`,
 * none): UTF-8, UTF-16 with a byte-order mark, or Windows-1252 as older logger software writes.
 * A file larger than {@link maxReadingsFileBytes} is refused before it is read.
 * @throws {@link ReadingsFileError} if the file is too large (rule `file-size`), cannot be read
 * or cannot be parsed.
 */
export async function readReadingsFile(
  path: string,
  options: ReadingsFileOptions = {},
): Promise<ParsedReadings> {
  return parseContent(await readContent(path), options);
}
