import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { finished, pipeline } from 'node:stream/promises';
import { ConfigurationError } from './coldtraceerror';

/** A text file written piece by piece, waiting whenever the stream's buffer is full. */
export class TextFile {
  readonly path: string;
  readonly #stream: WriteStream;
  #closed: Promise<void> | undefined;

  constructor(file: string, stream: WriteStream = createWriteStream(file, { encoding: 'utf8' })) {
    this.path = file;
    this.#stream = stream;
  }

  async write(text: string): Promise<void> {
    if (!this.#stream.write(text)) {
      await once(this.#stream, 'drain');
    }
  }

  /** Appends a whole file, streamed. */
  async append(file: string): Promise<void> {
    await pipeline(createReadStream(file), this.#stream, { end: false });
  }

  /** Ends the file; safe twice. */
  close(): Promise<void> {
    if (this.#closed === undefined) {
      this.#stream.end();
      this.#closed = finished(this.#stream);
    }
    return this.#closed;
  }
}

function reasonOf(file: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `its directory ${path.dirname(path.resolve(file))} does not exist`;
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The file a report goes to, opened (created if missing) when the report starts, so that a path
 * that cannot be written fails before a long verification rather than after it. Its content is
 * replaced only by `write`: a verification that fails leaves a file that was there as it was,
 * and removes one it created.
 */
class ReportDestination {
  readonly #file: string;
  readonly #handle: FileHandle;
  readonly #created: boolean;

  private constructor(file: string, handle: FileHandle, created: boolean) {
    this.#file = file;
    this.#handle = handle;
    this.#created = created;
  }

  /** @throws {@link ConfigurationError} naming the path when it cannot be written. */
  static async open(file: string): Promise<ReportDestination> {
    try {
      return new ReportDestination(file, await open(file, 'wx'), true);
    } catch (error) {
      try {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw error;
        }
        // Opened for writing without truncating: the old report stays until the new is written.
        return new ReportDestination(file, await open(file, 'r+'), false);
      } catch (failure) {
        throw new ConfigurationError({
          message: `cannot write the report to ${file}: ${reasonOf(file, failure)}`,
          cause: failure,
        });
      }
    }
  }

  /** Replaces the file's content with what `write` writes, and closes it. */
  async write(write: (out: TextFile) => Promise<void>): Promise<void> {
    await this.#handle.truncate(0);
    const out = new TextFile(
      this.#file,
      this.#handle.createWriteStream({ encoding: 'utf8', start: 0 }),
    );
    try {
      await write(out);
    } finally {
      await out.close();
    }
  }

  /** Closes the file untouched, removing it if it was created for this report. */
  async discard(): Promise<void> {
    await this.#handle.close().catch(() => undefined);
    if (this.#created) {
      await rm(this.#file, { force: true });
    }
  }
}

/**
 * A report's destination, opened at once, and its parts, kept in a private temporary directory
 * while the verification runs so the detail never sits in memory; `assemble` writes the
 * destination (header known only at the end, then the parts) and removes the parts.
 */
export class ReportParts {
  readonly #destination: ReportDestination;
  readonly #dir: string;
  readonly #parts: Map<string, TextFile>;
  /** Set once `assemble` starts: the destination is then the report's, never discarded. */
  #assembled = false;

  private constructor(destination: ReportDestination, dir: string, names: readonly string[]) {
    this.#destination = destination;
    this.#dir = dir;
    this.#parts = new Map(names.map((name) => [name, new TextFile(path.join(dir, name))]));
  }

  /** @throws {@link ConfigurationError} naming `file` when it cannot be written. */
  static async create(file: string, names: readonly string[]): Promise<ReportParts> {
    const destination = await ReportDestination.open(file);
    try {
      return new ReportParts(
        destination,
        await mkdtemp(path.join(tmpdir(), 'coldtrace-report-')),
        names,
      );
    } catch (error) {
      await destination.discard();
      throw error;
    }
  }

  part(name: string): TextFile {
    const part = this.#parts.get(name);
    if (part === undefined) {
      throw new RangeError(`no report part ${name}`);
    }
    return part;
  }

  /** Writes the destination: each piece in order, a piece being text or the name of a part. */
  async assemble(pieces: readonly ({ text: string } | { part: string })[]): Promise<void> {
    this.#assembled = true;
    try {
      for (const part of this.#parts.values()) {
        await part.close();
      }
      await this.#destination.write(async (out) => {
        for (const piece of pieces) {
          if ('text' in piece) {
            await out.write(piece.text);
          } else {
            await out.append(this.part(piece.part).path);
          }
        }
      });
    } finally {
      await this.#removeParts();
    }
  }

  /**
   * Removes the parts, writing nothing (a file created for the report is removed too); after
   * `assemble`, there is nothing left to remove.
   */
  async discard(): Promise<void> {
    if (!this.#assembled) {
      await this.#destination.discard();
    }
    await this.#removeParts();
  }

  async #removeParts(): Promise<void> {
    for (const part of this.#parts.values()) {
      await part.close().catch(() => undefined);
    }
    await rm(this.#dir, { recursive: true, force: true });
  }
}

/** What a report format writes around and between the items of its streamed sections. */
export interface SectionStrings<Section> {
  open(section: Section): string;
  /** Closes `section`, which received `items` items. */
  close(section: Section, items: number): string;
  /** Between two items of one section. */
  readonly separator: string;
}

/**
 * Sections (an HTML table, a JSON array) written item by item into `out` as the verifier sends
 * them, in order: items of a later section close the one open, and a section passed over is
 * opened and closed empty, so every section is written whichever kinds of item arrive.
 */
export class StreamedSections<Section> {
  readonly #out: TextFile;
  readonly #sections: readonly Section[];
  readonly #strings: SectionStrings<Section>;
  /** Index in `sections` of the one open, -1 before the first. */
  #open = -1;
  #items = 0;

  constructor(out: TextFile, sections: readonly Section[], strings: SectionStrings<Section>) {
    this.#out = out;
    this.#sections = sections;
    this.#strings = strings;
  }

  /** Starts the sections again (for the next shipment), the last run having been ended. */
  restart(): void {
    this.#open = -1;
  }

  /** Appends items, each already in the format's text, to the section at `index`. */
  async add(index: number, items: readonly string[]): Promise<void> {
    await this.#enter(index);
    const text = items
      .map((item) => `${this.#items++ === 0 ? '' : this.#strings.separator}${item}`)
      .join('');
    await this.#out.write(text);
  }

  /** Closes the open section and writes any not reached yet, empty. */
  end(): Promise<void> {
    return this.#enter(this.#sections.length);
  }

  async #enter(index: number): Promise<void> {
    while (this.#open < index) {
      const current = this.#sections[this.#open];
      if (current !== undefined) {
        await this.#out.write(this.#strings.close(current, this.#items));
      }
      this.#open++;
      this.#items = 0;
      const next = this.#sections[this.#open];
      if (next !== undefined) {
        await this.#out.write(this.#strings.open(next));
      }
    }
  }
}
