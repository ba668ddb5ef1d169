import { UsageError } from './usageerror';

/** Declared option of a command. */
export interface OptionSpec {
  readonly name: string;
  readonly description: string;
  /** A flag takes no value. */
  readonly flag?: boolean;
  readonly required?: boolean;
}

/** Options every command accepts. */
export const commonOptions: readonly OptionSpec[] = [
  { name: 'org', description: 'MSP ID to act for (env COLDTRACE_ORG)' },
  { name: 'user', description: 'user in the org profile (env COLDTRACE_USER)' },
  { name: 'profiles', description: 'connection profile directory (env COLDTRACE_PROFILES)' },
  { name: 'json', description: 'print JSON for scripts instead of tables', flag: true },
  { name: 'help', description: 'show help', flag: true },
];

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly positional: readonly string[];
}

/**
 * Parses `--name value`, `--name=value` and flags against the declared options.
 * @throws {@link UsageError} for an unknown option or a missing value.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new UsageError(`unknown option --${name}`);
    }
    if (spec.flag === true) {
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    values.set(name, value);
  }
  return { values, flags, positional };
}
