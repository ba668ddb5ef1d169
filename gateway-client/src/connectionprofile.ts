import { JsonReader, JsonShapeError } from '@coldtrace/protocol';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigurationError } from './coldtraceerror';

/** A user's enrolment material as listed in a connection profile. */
export interface ProfileUser {
  readonly certPath: string;
  readonly keyPath: string;
  readonly role?: string;
}

/**
 * One organisation's view of the network, as written by `scripts/network.sh up` to
 * `.coldtrace/network/profiles/<MSPID>.json`.
 */
export interface ConnectionProfile {
  readonly name: string;
  readonly channel: string;
  readonly chaincode: string;
  readonly mspId: string;
  readonly peer: {
    /** host:port of the organisation's gateway peer. */
    readonly endpoint: string;
    /** TLS server name to verify, when it differs from the endpoint host. */
    readonly hostAlias?: string;
    readonly tlsCACertPath: string;
  };
  readonly users: Readonly<Record<string, ProfileUser>>;
}

function readUser(json: JsonReader, base: string): ProfileUser {
  const role = json.optionalString('role');
  return {
    certPath: resolve(base, json.string('certPath')),
    keyPath: resolve(base, json.string('keyPath')),
    ...(role !== undefined ? { role } : {}),
  };
}

/**
 * Validates a parsed connection profile. Relative paths are resolved against `baseDir`.
 * @throws {@link ConfigurationError} naming the first missing or malformed field.
 */
export function readConnectionProfile(value: unknown, baseDir: string): ConnectionProfile {
  try {
    const json = new JsonReader(value, 'profile');
    const peer = json.field('peer');
    const hostAlias = peer.optionalString('hostAlias');
    const usersJson = json.field('users');
    const users: Record<string, ProfileUser> = {};
    for (const name of usersJson.keys()) {
      users[name] = readUser(usersJson.field(name), baseDir);
    }
    return {
      name: json.string('name'),
      channel: json.string('channel'),
      chaincode: json.string('chaincode'),
      mspId: json.string('mspId'),
      peer: {
        endpoint: peer.string('endpoint'),
        ...(hostAlias !== undefined ? { hostAlias } : {}),
        tlsCACertPath: resolve(baseDir, peer.string('tlsCACertPath')),
      },
      users,
    };
  } catch (err) {
    if (err instanceof JsonShapeError) {
      throw new ConfigurationError({
        message: `invalid connection profile: ${err.message}`,
        cause: err,
      });
    }
    throw err;
  }
}

/**
 * Reads a connection profile file.
 * @throws {@link ConfigurationError} if it cannot be read or is not a valid profile.
 */
export async function loadConnectionProfile(path: string): Promise<ConnectionProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigurationError({ message: `cannot read connection profile ${path}`, cause: err });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ConfigurationError({ message: `${path} is not valid JSON`, cause: err });
  }
  const baseDir = resolve(path, '..');
  return readConnectionProfile(parsed, baseDir);
}

/** Path of an organisation's profile in a profiles directory (`<dir>/<MSPID>.json`). */
export function profilePath(profilesDir: string, mspId: string): string {
  return isAbsolute(profilesDir)
    ? join(profilesDir, `${mspId}.json`)
    : resolve(profilesDir, `${mspId}.json`);
}

/**
 * Looks up a user in a profile.
 * @throws {@link ConfigurationError} if the profile has no such user.
 */
export function profileUser(profile: ConnectionProfile, user: string): ProfileUser {
  const found = profile.users[user];
  if (found === undefined) {
    const known = Object.keys(profile.users).join(', ');
    throw new ConfigurationError({
      message: `${profile.mspId} profile has no user ${user} (known: ${known})`,
    });
  }
  return found;
}
