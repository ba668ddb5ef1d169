import type { CommandContext } from './commandregistry';
import { ListPrinter, eachPage } from './listprinter';

function context(json: boolean): { context: CommandContext; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    context: { json, out: (text: string) => lines.push(text) } as unknown as CommandContext,
  };
}

const items = [
  { id: 'SHP-1', status: 'IN_TRANSIT', nested: { a: [1, 2] } },
  { id: 'S-22', status: '', nested: { a: [] } },
  { id: 'SHP-333333', status: 'X', nested: { a: [3] } },
];

describe('ListPrinter', () => {
  it('prints one JSON array over many pages, the text JSON.stringify gives', () => {
    const { context: ctx, lines } = context(true);
    const printer = new ListPrinter<(typeof items)[number]>(ctx, [], () => []);
    printer.page(items.slice(0, 2));
    printer.page([]);
    printer.page(items.slice(2));
    expect(printer.end()).toBe(3);
    expect(lines.join('\n')).toBe(JSON.stringify(items, null, 2));
  });

  it('prints an empty JSON array', () => {
    const { context: ctx, lines } = context(true);
    new ListPrinter(ctx, [], () => []).end();
    expect(lines.join('\n')).toBe('[]');
  });

  it('aligns a table to its header and first page, page after page', () => {
    const { context: ctx, lines } = context(false);
    const printer = new ListPrinter<(typeof items)[number]>(ctx, ['id', 'status'], (i) => [
      i.id,
      i.status,
    ]);
    printer.page(items.slice(0, 2));
    printer.page(items.slice(2));
    printer.end();
    expect(lines.join('\n')).toBe(
      ['id     status', '-----  ----------', 'SHP-1  IN_TRANSIT', 'S-22', 'SHP-333333  X'].join(
        '\n',
      ),
    );
  });

  it('prints the bare header of an empty table', () => {
    const { context: ctx, lines } = context(false);
    new ListPrinter(ctx, ['id'], () => []).end();
    expect(lines.join('\n')).toBe('id\n--');
  });
});

describe('eachPage', () => {
  it('hands each page over before asking for the next, and stops at a repeated bookmark', async () => {
    const events: string[] = [];
    const pages: Record<string, { items: number[]; bookmark: string }> = {
      '': { items: [1], bookmark: 'b' },
      b: { items: [2], bookmark: 'b' },
    };
    await eachPage(
      (bookmark) => {
        events.push(`fetch ${bookmark}`);
        return Promise.resolve(pages[bookmark]!);
      },
      (page) => events.push(`print ${page.join()}`),
    );
    expect(events).toEqual(['fetch ', 'print 1', 'fetch b', 'print 2']);
  });
});
