import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { finished, pipeline } from 'node:stream/promises';

/** A text file written piece by piece, waiting whenever the stream's buffer is full. */
export class TextFile {
  readonly path: string;
  readonly #stream: WriteStream;
  #closed: Promise<void> | undefined;

  constructor(file: string) {
    this.path = file;
    this.#stream = createWriteStream(file, { encoding: 'utf8' });
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

/**
 * Parts of a report kept in a private temporary directory while the verification runs, so the
 * detail never sits in memory; `assemble` writes the final file (header known only at the end,
 * then the parts) and removes them.
 */
export class ReportParts {
  readonly #dir: string;
  readonly #parts: Map<string, TextFile>;

  private constructor(dir: string, names: readonly string[]) {
    this.#dir = dir;
    this.#parts = new Map(names.map((name) => [name, new TextFile(path.join(dir, name))]));
  }

  static async create(names: readonly string[]): Promise<ReportParts> {
    return new ReportParts(await mkdtemp(path.join(tmpdir(), 'coldtrace-report-')), names);
  }

  part(name: string): TextFile {
    const part = this.#parts.get(name);
    if (part === undefined) {
      throw new RangeError(`no report part ${name}`);
    }
    return part;
  }

  /** Writes `file`: each piece in order, a piece being text or the name of a part. */
  async assemble(
    file: string,
    pieces: readonly ({ text: string } | { part: string })[],
  ): Promise<void> {
    for (const part of this.#parts.values()) {
      await part.close();
    }
    const out = new TextFile(file);
    try {
      for (const piece of pieces) {
        if ('text' in piece) {
          await out.write(piece.text);
        } else {
          await out.append(this.part(piece.part).path);
        }
      }
    } finally {
      await out.close();
      await this.discard();
    }
  }

  async discard(): Promise<void> {
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
