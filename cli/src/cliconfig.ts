import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usageerror';

/** Who to act as and where the connection profiles are; validated at start-up. */
export interface CliConfig {
  readonly org: string;
  readonly user: string;
  readonly profilesDir: string;
}

const defaultProfiles = join('.coldtrace', 'network', 'profiles');

/** The nearest directory from `start` upwards holding a package.json with workspaces. */
function repoRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, defaultProfiles)) || existsSync(join(dir, '.git'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

/**
 * Resolves org, user and profile directory from flags, then environment, then defaults
 * (`.coldtrace/network/profiles` under the repository root, else the working directory).
 * @throws {@link UsageError} when org or user is missing.
 */
export function resolveCliConfig(
  values: ReadonlyMap<string, string>,
  env: NodeJS.ProcessEnv,
  cwd: string,
): CliConfig {
  const org = values.get('org') ?? env.COLDTRACE_ORG;
  const user = values.get('user') ?? env.COLDTRACE_USER;
  if (org === undefined || org === '') {
    throw new UsageError('no organisation: pass --org <MSPID> or set COLDTRACE_ORG');
  }
  if (user === undefined || user === '') {
    throw new UsageError('no user: pass --user <name> or set COLDTRACE_USER');
  }
  const explicit = values.get('profiles') ?? env.COLDTRACE_PROFILES;
  const profilesDir =
    explicit !== undefined ? resolve(cwd, explicit) : join(repoRoot(cwd) ?? cwd, defaultProfiles);
  return { org, user, profilesDir };
}
