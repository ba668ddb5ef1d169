import type { CommandContext } from './commandregistry';
import { ListPrinter, eachPage } from './listprinter';

function context(json: boolean): { context: CommandContext; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    context: {
      json,
      print: (text: string) => {
        lines.push(text);
        return Promise.resolve();
      },
    } as unknown as CommandContext,
  };
}

const items = [
  { id: 'SHP-1', status: 'IN_TRANSIT', nested: { a: [1, 2] } },
  { id: 'S-22', status: '', nested: { a: [] } },
  { id: 'SHP-333333', status: 'X', nested: { a: [3] } },
];

describe('ListPrinter', () => {
  it('prints one JSON array over many pages, the text JSON.stringify gives', async () => {
    const { context: ctx, lines } = context(true);
    const printer = new ListPrinter<(typeof items)[number]>(ctx, [], () => []);
    await printer.page(items.slice(0, 2));
    await printer.page([]);
    await printer.page(items.slice(2));
    expect(await printer.end()).toBe(3);
    expect(lines.join('\n')).toBe(JSON.stringify(items, null, 2));
  });

  it('prints an empty JSON array', async () => {
    const { context: ctx, lines } = context(true);
    await new ListPrinter(ctx, [], () => []).end();
    expect(lines.join('\n')).toBe('[]');
  });

  it('aligns a table to its header and first page, page after page', async () => {
    const { context: ctx, lines } = context(false);
    const printer = new ListPrinter<(typeof items)[number]>(ctx, ['id', 'status'], (i) => [
      i.id,
      i.status,
    ]);
    await printer.page(items.slice(0, 2));
    await printer.page(items.slice(2));
    await printer.end();
    expect(lines.join('\n')).toBe(
      ['id     status', '-----  ----------', 'SHP-1  IN_TRANSIT', 'S-22', 'SHP-333333  X'].join(
        '\n',
      ),
    );
  });

  it('prints the bare header of an empty table', async () => {
    const { context: ctx, lines } = context(false);
    await new ListPrinter(ctx, ['id'], () => []).end();
    expect(lines.join('\n')).toBe('id\n--');
  });
});

describe('print', () => {
  it('waits for a full stdout to drain before printing on', async () => {
    const { EventEmitter } = await import('node:events');
    const stdout = Object.assign(new EventEmitter(), {
      written: [] as string[],
      write(text: string) {
        this.written.push(text);
        return false;
      },
    });
    const { runCli } = await import('./runcli');
    const { CommandRegistry } = await import('./commandregistry');
    let printed = false;
    const registry = new CommandRegistry().register({
      path: ['x'],
      summary: '',
      roles: '',
      options: [],
      async run(ctx) {
        await ctx.print('a');
        printed = true;
        return 0;
      },
    });
    const running = runCli(registry, ['x'], {
      env: {},
      cwd: '/',
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stdout as unknown as NodeJS.WriteStream,
      signal: new AbortController().signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(printed).toBe(false);
    stdout.emit('drain');
    expect(await running).toBe(0);
    expect(printed).toBe(true);
    expect(stdout.written).toEqual(['a\n']);
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
      (page) => {
        events.push(`print ${page.join()}`);
        return Promise.resolve();
      },
    );
    expect(events).toEqual(['fetch ', 'print 1', 'fetch b', 'print 2']);
  });
});
