import { parseArgs as parseNodeArgs } from 'node:util';
import { UsageError } from './usageerror';

/** Declared option of a command. */
export interface OptionSpec {
  readonly name: string;
  readonly description: string;
  /** A flag takes no value. */
  readonly flag?: boolean;
  /** May be given more than once (`--map a=b --map c=d`); values land in `ParsedArgs.lists`. */
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** Checks a value before the command connects; returns the rule it breaks, if any. */
  readonly check?: (value: string) => string | undefined;
  /** Library or chaincode fields this option feeds, when not spelled after it (see optionfield.ts). */
  readonly fields?: readonly string[];
}

/** Options every command accepts. */
export const commonOptions: readonly OptionSpec[] = [
  { name: 'org', description: 'MSP ID to act for (env COLDTRACE_ORG)' },
  { name: 'user', description: 'user in the org profile (env COLDTRACE_USER)' },
  { name: 'profiles', description: 'connection profile directory (env COLDTRACE_PROFILES)' },
  { name: 'json', description: 'print JSON for scripts instead of tables', flag: true },
  { name: 'help', description: 'show help', flag: true },
];

/** A check for whole numbers from min to max. */
export function integerBetween(min: number, max: number): (value: string) => string | undefined {
  return (value) => {
    const n = Number(value);
    return /^\d+$/.test(value.trim()) && n >= min && n <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;
  };
}

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  /** Every value of each repeatable option, in command-line order. */
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
  readonly positional: readonly string[];
}

// util.parseArgs explains its errors at length for programmers; the user gets one short line.
function usageErrorOf(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(--?[^' ]+)/.exec(message ?? '')?.[1] ?? 'an option';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${option}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(`${option} needs a value`);
    default:
      return new UsageError(message ?? String(error));
  }
}

/**
 * Parses `--name value`, `--name=value` and flags against the declared options (Node's
 * util.parseArgs, strict), then runs each option's check.
 * @throws {@link UsageError} for an unknown option, a missing value or a value that fails its
 * check; the message names the option and the rule.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options = Object.fromEntries(
    specs.map((spec) => [
      spec.name,
      {
        type: spec.flag === true ? 'boolean' : 'string',
        multiple: spec.multiple === true,
      } as const,
    ]),
  );
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, readonly string[]>();
  const checked = (spec: OptionSpec, value: string): string => {
    const broken = spec.check?.(value);
    if (broken !== undefined) {
      throw new UsageError(`--${spec.name} ${broken} (got '${value}')`);
    }
    return value;
  };
  for (const spec of specs) {
    const value = parsed.values[spec.name];
    if (typeof value === 'boolean') {
      if (value) flags.add(spec.name);
    } else if (typeof value === 'string') {
      values.set(spec.name, checked(spec, value));
    } else if (Array.isArray(value)) {
      lists.set(
        spec.name,
        value.filter((item) => typeof item === 'string').map((item) => checked(spec, item)),
      );
    }
  }
  return { values, lists, flags, positional: parsed.positionals };
}
