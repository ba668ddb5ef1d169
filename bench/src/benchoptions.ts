import * as path from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { LargeShipmentPlan } from './largeshipment';

/** Everything one run does, validated at start-up. */
export interface BenchOptions {
  readonly mode: 'quick' | 'full';
  readonly profileDir: string;
  readonly outputDir: string;
  readonly json: boolean;
  /** Readings per `SubmitReadings` transaction on the batched path (1-1000). */
  readonly readingsPerTransaction: number;
  /** Shipments submitting in parallel (one transaction in flight each). */
  readonly concurrency: number;
  readonly sensorsPerShipment: number;
  /** Time between two readings of one sensor, ms (1-1000). */
  readonly spacingMs: number;
  /** Length of the closed-loop (maximum load) batched round. */
  readonly saturationSeconds: number;
  /** Further batched rounds at these fractions of the maximum committed rate. */
  readonly loadFractions: readonly number[];
  readonly roundSeconds: number;
  readonly naiveSeconds: number;
  /** The query lot gets at least this many readings before the queries run. */
  readonly lotReadings: number;
  readonly queryRuns: number;
  readonly verifyShipments: number;
  /** The query round's large shipment: every library query, CLI command and the audit on it. */
  readonly largeShipment: LargeShipmentPlan;
  /** Only the large-shipment round: no ingestion rounds, lot queries or verification bench. */
  readonly largeOnly: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const usage = `Usage: npm run bench -- [--quick] [options]

Benchmarks coldtrace on the running local network: batched and naive (one reading per
transaction) ingestion, lot queries and auditor verification; prints a Caliper-style table and
writes bench-results/latest.json.

  --quick                 a run of under two minutes (CI); default is the full run
  --profiles DIR          connection profiles (default $COLDTRACE_PROFILES, else
                          $COLDTRACE_HOME/network/profiles, else .coldtrace/network/profiles)
  --output DIR            where latest.json goes (default bench-results)
  --batch-size N          readings per batched transaction, 1-1000 (default 500)
  --concurrency N         shipments submitting in parallel (default 32)
  --duration S            seconds of the maximum-load round (default 15 quick, 60 full)
  --loads F,F             further rounds at these fractions of the maximum (default 0.5 quick,
                          0.75,0.5,0.25 full)
  --large-readings N      readings of the query round's large shipment (default 5,000 quick,
                          1,000,000 full; one in 40 out of range, 1 in 10 quick)
  --large-only            only the large-shipment query round
  --json                  print the JSON result instead of tables
  -h, --help              this text`;

function positiveInteger(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) {
    throw new UsageError(`${flag} needs an integer from 1 to ${max}`);
  }
  return n;
}

function fractions(value: string): number[] {
  const list = value
    .split(',')
    .filter((part) => part.length > 0)
    .map(Number);
  if (list.some((f) => !(f > 0 && f < 1))) {
    throw new UsageError('--loads needs fractions between 0 and 1, comma-separated');
  }
  return list;
}

function defaultProfileDir(env: NodeJS.ProcessEnv, root: string): string {
  if (env.COLDTRACE_PROFILES) return env.COLDTRACE_PROFILES;
  const home = env.COLDTRACE_HOME ?? path.join(root, '.coldtrace');
  return path.join(home, 'network', 'profiles');
}

function presets(
  quick: boolean,
): Omit<BenchOptions, 'profileDir' | 'outputDir' | 'json' | 'largeOnly'> {
  return quick
    ? {
        mode: 'quick',
        readingsPerTransaction: 500,
        concurrency: 32,
        sensorsPerShipment: 4,
        spacingMs: 10,
        saturationSeconds: 15,
        loadFractions: [0.5],
        roundSeconds: 10,
        naiveSeconds: 10,
        lotReadings: 100_000,
        queryRuns: 20,
        verifyShipments: 4,
        largeShipment: {
          readings: 5000,
          sensors: 4,
          outOfRangeEvery: 10,
          lots: 20,
          batchSize: 1000,
        },
      }
    : {
        mode: 'full',
        readingsPerTransaction: 500,
        concurrency: 32,
        sensorsPerShipment: 4,
        spacingMs: 10,
        saturationSeconds: 60,
        loadFractions: [0.75, 0.5, 0.25],
        roundSeconds: 30,
        naiveSeconds: 30,
        lotReadings: 100_000,
        queryRuns: 100,
        verifyShipments: 8,
        largeShipment: {
          readings: 1_000_000,
          sensors: 40,
          outOfRangeEvery: 40,
          lots: 20,
          batchSize: 1000,
        },
      };
}

const optionTypes = {
  quick: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  profiles: { type: 'string' },
  output: { type: 'string' },
  'batch-size': { type: 'string' },
  concurrency: { type: 'string' },
  duration: { type: 'string' },
  loads: { type: 'string' },
  'large-readings': { type: 'string' },
  'large-only': { type: 'boolean' },
} as const;

type Flags = Partial<Record<'quick' | 'json' | 'help' | 'large-only', boolean>> &
  Partial<
    Record<
      | 'profiles'
      | 'output'
      | 'batch-size'
      | 'concurrency'
      | 'duration'
      | 'loads'
      | 'large-readings',
      string
    >
  >;

function parseFlags(argv: readonly string[]): Flags {
  try {
    return parseNodeArgs({ args: [...argv], options: optionTypes, strict: true }).values;
  } catch (error) {
    const option = /'(--?[^' ]+)/.exec((error as Error).message)?.[1] ?? 'an option';
    throw new UsageError(
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${option} (try --help)`
        : `${option} needs a value`,
    );
  }
}

/**
 * Parses the command line (Node's util.parseArgs, strict) over the quick or full preset.
 * @throws {@link UsageError} for an unknown flag or a bad value, naming the flag and the rule.
 */
export function parseBenchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  root: string,
): BenchOptions | 'help' {
  const flags = parseFlags(argv);
  if (flags.help === true) return 'help';
  const preset = presets(flags.quick === true);
  return {
    ...preset,
    profileDir:
      flags.profiles !== undefined ? path.resolve(flags.profiles) : defaultProfileDir(env, root),
    outputDir: path.resolve(flags.output ?? path.join(root, 'bench-results')),
    json: flags.json === true,
    readingsPerTransaction:
      optionalInteger('--batch-size', flags['batch-size'], 1000) ?? preset.readingsPerTransaction,
    concurrency: optionalInteger('--concurrency', flags.concurrency, 512) ?? preset.concurrency,
    saturationSeconds:
      optionalInteger('--duration', flags.duration, 3600) ?? preset.saturationSeconds,
    loadFractions: flags.loads !== undefined ? fractions(flags.loads) : preset.loadFractions,
    largeShipment: largePlan(preset.largeShipment, flags['large-readings']),
    largeOnly: flags['large-only'] === true,
  };
}

function optionalInteger(flag: string, value: string | undefined, max: number): number | undefined {
  return value === undefined ? undefined : positiveInteger(flag, value, max);
}

/** The preset's large shipment, with `--large-readings` rounded to whole readings per sensor. */
function largePlan(preset: LargeShipmentPlan, readings: string | undefined): LargeShipmentPlan {
  const wanted = optionalInteger('--large-readings', readings, 10_000_000);
  if (wanted === undefined) return preset;
  const perSensor = Math.max(preset.outOfRangeEvery, Math.round(wanted / preset.sensors));
  return { ...preset, readings: perSensor * preset.sensors };
}
