import { allPageResults } from '@coldtrace/gateway-client';
import type { CommandContext } from './commandregistry';
import { alignedLine, columnWidths, headerLines } from './table';

/**
 * Prints a list as it arrives, page by page, so a list of any length is never held whole: an
 * aligned table (column widths from the header and the first page; a longer cell later only
 * widens its own line) or, with `--json`, one JSON array, the same text `JSON.stringify(list,
 * null, 2)` would give.
 */
export class ListPrinter<T> {
  readonly #context: CommandContext;
  readonly #headers: readonly string[];
  readonly #row: (item: T) => readonly string[];
  #widths: number[] | undefined;
  #printed = 0;
  /** The last JSON item printed so far waits for its comma until another one follows. */
  #held: string | undefined;

  constructor(
    context: CommandContext,
    headers: readonly string[],
    row: (item: T) => readonly string[],
  ) {
    this.#context = context;
    this.#headers = headers;
    this.#row = row;
  }

  /** Prints the next items (a page); an empty page prints nothing. */
  async page(items: readonly T[]): Promise<void> {
    if (items.length === 0) {
      return;
    }
    if (this.#context.json) {
      const texts = items.map((item) => JSON.stringify(item, null, 2).replace(/^/gmu, '  '));
      const ready = this.#held === undefined ? ['['] : [`${this.#held},`];
      this.#held = texts.pop();
      await this.#context.print([...ready, ...texts.map((text) => `${text},`)].join('\n'));
    } else {
      const rows = items.map(this.#row);
      const header = this.#widths === undefined ? this.#start(rows) : [];
      await this.#context.print([...header, ...rows.map((row) => this.#line(row))].join('\n'));
    }
    this.#printed += items.length;
  }

  /** Ends the list: closes the JSON array, or prints the bare header of an empty table. */
  async end(): Promise<number> {
    if (this.#context.json) {
      await this.#context.print(this.#held === undefined ? '[]' : `${this.#held}\n]`);
    } else if (this.#widths === undefined) {
      await this.#context.print(this.#start([]).join('\n'));
    }
    return this.#printed;
  }

  #start(rows: readonly (readonly string[])[]): string[] {
    const widths = columnWidths(this.#headers, rows);
    this.#widths = widths;
    return headerLines(this.#headers, widths);
  }

  #line(cells: readonly string[]): string {
    return alignedLine(cells, this.#widths ?? []);
  }
}

/** Follows a paged query's bookmarks, handing each page to `onPage` before fetching the next. */
export async function eachPage<T>(
  fetchPage: (
    bookmark: string,
  ) => Promise<{ readonly items: readonly T[]; readonly bookmark: string }>,
  onPage: (items: readonly T[]) => Promise<void>,
): Promise<void> {
  for await (const page of allPageResults(fetchPage)) {
    await onPage(page.items);
  }
}
