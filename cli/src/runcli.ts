import { once } from 'node:events';
import { connect } from '@coldtrace/gateway-client';
import type { ColdtraceClient } from '@coldtrace/gateway-client';
import { profilePath } from '@coldtrace/gateway-client';
import { type ParsedArgs, commonOptions, parseArgs } from './args';
import { resolveCliConfig } from './cliconfig';
import { describeFailure, failureText } from './clifailure';
import { type Command, type CommandContext, CommandRegistry } from './commandregistry';
import { type UnreachablePeer, unreachablePeer } from './peerreach';
import { UsageError } from './usageerror';

export interface CliEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly signal: AbortSignal;
  /** Test seam; default {@link connect} with the profile of the configured org. */
  readonly connectClient?: (profileFile: string, user: string) => Promise<ColdtraceClient>;
}

const connectWithProfile = (profileFile: string, user: string): Promise<ColdtraceClient> =>
  connect({ connection: { profile: profileFile, user } });

type Print = (text: string) => void;

/** Help or an error for a command line that names no command. */
function noCommand(
  registry: CommandRegistry,
  argv: readonly string[],
  out: Print,
  err: Print,
): number {
  const group = argv[0];
  const knownGroup = group !== undefined && registry.group(group).length > 0;
  const wantsHelp = argv.length === 0 || group === 'help' || group === '--help';
  if (wantsHelp || (knownGroup && argv.includes('--help'))) {
    out(registry.overview(knownGroup ? group : undefined));
    return 0;
  }
  err(
    `coldtrace: unknown command ${argv.join(' ')}\n\n${registry.overview(knownGroup ? group : undefined)}`,
  );
  return 2;
}

function checkArgs(command: Command, args: ParsedArgs): void {
  if (args.positional.length > 0) {
    throw new UsageError(`unexpected argument ${args.positional[0] ?? ''}`);
  }
  for (const option of command.options.filter((o) => o.required === true)) {
    if (!args.values.has(option.name)) {
      throw new UsageError(`--${option.name} is required`);
    }
  }
}

/** Tells the user why the command failed (JSON on stderr with `--json`); returns the exit code. */
function reportFailure(
  command: Command,
  error: unknown,
  peer: UnreachablePeer | undefined,
  json: boolean,
  err: Print,
): number {
  const failure = describeFailure([...command.options, ...commonOptions], error, peer);
  if (json) {
    err(JSON.stringify({ error: failure }));
  } else if (failure.code === 'USAGE') {
    err(
      `coldtrace ${command.path.join(' ')}: ${failure.message}\n\n${CommandRegistry.help(command)}`,
    );
  } else {
    err(`coldtrace: ${failureText(failure)}`);
  }
  return failure.exitCode;
}

/** Owns the lazily opened connection of one command run. */
class ClientHolder {
  #client: ColdtraceClient | undefined;
  /** The connection profile the client was opened with. */
  #profileFile: string | undefined;

  async get(args: ParsedArgs, environment: CliEnvironment): Promise<ColdtraceClient> {
    if (this.#client === undefined) {
      const config = resolveCliConfig(args.values, environment.env, environment.cwd);
      const connectClient = environment.connectClient ?? connectWithProfile;
      this.#profileFile = profilePath(config.profilesDir, config.org);
      this.#client = await connectClient(this.#profileFile, config.user);
    }
    return this.#client;
  }

  /** The profile's peer, when `error` is a connection to it that could not be made. */
  async unreachablePeer(error: unknown): Promise<UnreachablePeer | undefined> {
    return this.#profileFile === undefined ? undefined : unreachablePeer(error, this.#profileFile);
  }

  close(): void {
    this.#client?.close();
  }
}

function newContext(
  args: ParsedArgs,
  environment: CliEnvironment,
  holder: ClientHolder,
  out: Print,
  err: Print,
): CommandContext {
  return {
    args,
    json: args.flags.has('json'),
    client: () => holder.get(args, environment),
    option: (name) => {
      const value = args.values.get(name);
      if (value === undefined) {
        throw new UsageError(`--${name} is required`);
      }
      return value;
    },
    optionalOption: (name) => args.values.get(name),
    out,
    async print(text) {
      // A pipe to a slow reader: wait for it instead of buffering the rest of the output.
      if (!environment.stdout.write(`${text}\n`)) {
        await once(environment.stdout, 'drain');
      }
    },
    err,
    stdout: environment.stdout,
    stderr: environment.stderr,
    signal: environment.signal,
  };
}

/**
 * Runs one command line; returns the exit code: 0 success, 1 expected failure (one-line message
 * on stderr), 2 usage error.
 */
export async function runCli(
  registry: CommandRegistry,
  argv: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const out: Print = (text) => {
    environment.stdout.write(`${text}\n`);
  };
  const err: Print = (text) => {
    environment.stderr.write(`${text}\n`);
  };
  const found = registry.find(argv);
  if (found === undefined) {
    return noCommand(registry, argv, out, err);
  }
  const { command, rest } = found;
  const holder = new ClientHolder();
  try {
    const args = parseArgs(rest, [...command.options, ...commonOptions]);
    if (args.flags.has('help')) {
      out(CommandRegistry.help(command));
      return 0;
    }
    checkArgs(command, args);
    return await command.run(newContext(args, environment, holder, out, err));
  } catch (error) {
    const peer = await holder.unreachablePeer(error);
    // `--json` counts even when the rest of the command line could not be parsed.
    return reportFailure(command, error, peer, rest.includes('--json'), err);
  } finally {
    holder.close();
  }
}
