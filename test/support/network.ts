// Connects to the live local network as one organisation's user, straight through
// @hyperledger/fabric-gateway, from the connection profiles that `scripts/network.sh up` writes.
import * as grpc from '@grpc/grpc-js';
import { connect, Contract, Gateway, hash, signers } from '@hyperledger/fabric-gateway';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export type OrgMspId = 'PharmaMSP' | 'LogisticsMSP' | 'AuditorMSP';

export interface OrgConnection {
  readonly gateway: Gateway;
  readonly contract: Contract;
  readonly mspId: OrgMspId;
  close(): void;
}

interface ProfileUser {
  certPath: string;
  keyPath: string;
}

interface ConnectionProfile {
  channel: string;
  chaincode: string;
  peer: { endpoint: string; tlsCACertPath: string };
  users: Record<string, ProfileUser | undefined>;
}

export const profileDir =
  process.env.COLDTRACE_PROFILES ??
  path.resolve(__dirname, '..', '..', '.coldtrace', 'network', 'profiles');

function loadProfile(mspId: OrgMspId): ConnectionProfile {
  const file = path.join(profileDir, `${mspId}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as ConnectionProfile;
}

export function connectAs(mspId: OrgMspId, userName: string): OrgConnection {
  const profile = loadProfile(mspId);
  const user = profile.users[userName];
  if (!user) throw new Error(`no user ${userName} in the ${mspId} profile`);
  const client = new grpc.Client(
    profile.peer.endpoint,
    grpc.credentials.createSsl(readFileSync(profile.peer.tlsCACertPath)),
  );
  const gateway = connect({
    client,
    identity: { mspId, credentials: readFileSync(user.certPath) },
    signer: signers.newPrivateKeySigner(createPrivateKey(readFileSync(user.keyPath))),
    hash: hash.sha256,
    evaluateOptions: () => ({ deadline: Date.now() + 30_000 }),
    endorseOptions: () => ({ deadline: Date.now() + 30_000 }),
    submitOptions: () => ({ deadline: Date.now() + 30_000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 60_000 }),
  });
  const contract = gateway.getNetwork(profile.channel).getContract(profile.chaincode);
  return {
    gateway,
    contract,
    mspId,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}

const decoder = new TextDecoder();

export function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}

/** Ids unique to one test run, so tests pass on a network that already holds data. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
