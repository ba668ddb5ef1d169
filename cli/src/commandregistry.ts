import type { ColdtraceClient } from '@coldtrace/gateway-client';
import { type OptionSpec, type ParsedArgs, commonOptions } from './args';

/** What a command gets to run with. */
export interface CommandContext {
  readonly args: ParsedArgs;
  readonly json: boolean;
  /** Connects on first use as the configured org and user; closed by the runner. */
  client(): Promise<ColdtraceClient>;
  /** A required option value. @throws UsageError when missing. */
  option(name: string): string;
  optionalOption(name: string): string | undefined;
  out(text: string): void;
  /** Like `out`, waiting while stdout's buffer is full, so a long list never piles up in it. */
  print(text: string): Promise<void>;
  err(text: string): void;
  /** For output written as a stream (an export), not line by line. */
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly signal: AbortSignal;
}

export interface Command {
  /** Words that select the command, for example ['readings', 'submit']. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Role(s) the command is meant for, shown in help. */
  readonly roles: string;
  readonly options: readonly OptionSpec[];
  /** Returns the exit code. */
  run(context: CommandContext): Promise<number>;
}

/** The commands the CLI knows, looked up by their leading words. */
export class CommandRegistry {
  readonly #commands: Command[] = [];

  register(...commands: Command[]): this {
    this.#commands.push(...commands);
    return this;
  }

  /** The command whose path is a prefix of argv, with the remaining arguments. */
  find(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
    const command = this.#commands.find((candidate) =>
      candidate.path.every((word, i) => argv[i] === word),
    );
    return command !== undefined ? { command, rest: argv.slice(command.path.length) } : undefined;
  }

  /** Commands under a group word, for `coldtrace readings --help`. */
  group(word: string | undefined): Command[] {
    return this.#commands.filter((command) => word === undefined || command.path[0] === word);
  }

  overview(word?: string): string {
    const commands = this.group(word);
    const width = Math.max(...commands.map((c) => c.path.join(' ').length));
    const lines = commands.map(
      (c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary} [${c.roles}]`,
    );
    return [
      'Usage: coldtrace <command> [options]',
      '',
      'Commands:',
      ...lines,
      '',
      'Run coldtrace <command> --help for its options.',
    ].join('\n');
  }

  static help(command: Command): string {
    const options = [...command.options, ...commonOptions];
    const width = Math.max(...options.map((o) => o.name.length + (o.flag === true ? 2 : 8)));
    const lines = options.map((o) => {
      const name = o.flag === true ? `--${o.name}` : `--${o.name} <v>`;
      return `  ${name.padEnd(width)}  ${o.description}${o.required === true ? ' (required)' : ''}`;
    });
    return [
      `Usage: coldtrace ${command.path.join(' ')} [options]`,
      '',
      `${command.summary} [${command.roles}]`,
      '',
      'Options:',
      ...lines,
    ].join('\n');
  }
}
