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
