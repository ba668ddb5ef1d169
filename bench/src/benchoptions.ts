import * as path from 'node:path';

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
  --json                  print the JSON result instead of tables
  -h, --help              this text`;

function positiveInteger(flag: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${flag} needs an integer from 1 to ${max}`);
  }
  return n;
}

function fractions(value: string | undefined): number[] {
  const list = (value ?? '')
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

function presets(quick: boolean): Omit<BenchOptions, 'profileDir' | 'outputDir' | 'json'> {
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
      };
}

/**
 * Parses the command line over the quick or full preset.
 * @throws {@link UsageError} for an unknown flag or a bad value.
 */
export function parseBenchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  root: string,
): BenchOptions | 'help' {
  const args = [...argv];
  if (args.includes('-h') || args.includes('--help')) return 'help';
  let options: BenchOptions = {
    ...presets(args.includes('--quick')),
    profileDir: defaultProfileDir(env, root),
    outputDir: path.join(root, 'bench-results'),
    json: false,
  };
  while (args.length > 0) {
    const flag = args.shift() as string;
    const value = (): string | undefined => args.shift();
    options = applyFlag(options, flag, value);
  }
  return options;
}

function applyFlag(
  options: BenchOptions,
  flag: string,
  value: () => string | undefined,
): BenchOptions {
  switch (flag) {
    case '--quick':
      return options;
    case '--json':
      return { ...options, json: true };
    case '--profiles':
      return { ...options, profileDir: path.resolve(value() ?? '') };
    case '--output':
      return { ...options, outputDir: path.resolve(value() ?? '') };
    case '--batch-size':
      return { ...options, readingsPerTransaction: positiveInteger(flag, value(), 1000) };
    case '--concurrency':
      return { ...options, concurrency: positiveInteger(flag, value(), 512) };
    case '--duration':
      return { ...options, saturationSeconds: positiveInteger(flag, value(), 3600) };
    case '--loads':
      return { ...options, loadFractions: fractions(value()) };
    default:
      throw new UsageError(`unknown option ${flag} (try --help)`);
  }
}
