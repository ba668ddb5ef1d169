import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import {
  type Gateway,
  type Identity,
  type Signer,
  connect as connectGateway,
  hash,
  signers,
} from '@hyperledger/fabric-gateway';
import { type ColdtraceClient, newColdtraceClient } from './coldtraceclient';
import { ConfigurationError } from './coldtraceerror';
import { type ConnectionProfile, loadConnectionProfile, profileUser } from './connectionprofile';

/** Connect as a user listed in an organisation's connection profile. */
export interface ProfileConnection {
  /** The profile, or the path of its JSON file. */
  readonly profile: ConnectionProfile | string;
  readonly user: string;
}

/** Connect to any Fabric ≥ 2.4 gateway peer with explicit credentials. */
export interface EndpointConnection {
  /** host:port of the gateway peer. */
  readonly endpoint: string;
  /** TLS server name, when it differs from the endpoint host. */
  readonly hostAlias?: string;
  /** PEM of the CA that issued the peer's TLS certificate. */
  readonly tlsCACert: Uint8Array | string;
  readonly mspId: string;
  /** PEM enrolment certificate. */
  readonly certificate: Uint8Array | string;
  /** PEM private key of the certificate. */
  readonly privateKey: Uint8Array | string;
}

/** Use a gRPC client and identity the caller created and owns; `close()` leaves them open. */
export interface GrpcConnection {
  readonly client: grpc.Client;
  readonly identity: Identity;
  readonly signer: Signer;
}

/** Per-call deadlines, in milliseconds. */
export interface Timeouts {
  readonly evaluateMs: number;
  readonly endorseMs: number;
  readonly submitMs: number;
  readonly commitStatusMs: number;
}

export const defaultTimeouts: Timeouts = Object.freeze({
  evaluateMs: 15_000,
  endorseMs: 30_000,
  submitMs: 15_000,
  commitStatusMs: 60_000,
});

/** Options of {@link connect}. */
export interface ConnectOptions {
  readonly connection: ProfileConnection | EndpointConnection | GrpcConnection;
  /** Channel; default the profile's, else `coldchain`. */
  readonly channel?: string;
  /** Chaincode; default the profile's, else `coldtrace`. */
  readonly chaincode?: string;
  readonly timeouts?: Partial<Timeouts>;
}

interface Resolved {
  readonly client: grpc.Client;
  readonly ownsClient: boolean;
  readonly identity: Identity;
  readonly signer: Signer;
  readonly channel: string;
  readonly chaincode: string;
}

function pem(value: Uint8Array | string): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : Buffer.from(value);
}

function newGrpcClient(endpoint: string, tlsCACert: Buffer, hostAlias?: string): grpc.Client {
  const credentials = grpc.credentials.createSsl(tlsCACert);
  const options: grpc.ClientOptions = {
    // grpc-js backs off up to 120 s between reconnects, failing every call meanwhile: after a
    // restart of the organisation's own peer, come back within two seconds instead.
    'grpc.initial_reconnect_backoff_ms': 250,
    'grpc.max_reconnect_backoff_ms': 2000,
    ...(hostAlias !== undefined ? { 'grpc.ssl_target_name_override': hostAlias } : {}),
  };
  return new grpc.Client(endpoint, credentials, options);
}

function newSigner(privateKey: Buffer): Signer {
  try {
    return signers.newPrivateKeySigner(createPrivateKey(privateKey));
  } catch (err) {
    throw new ConfigurationError({ message: 'private key is not a valid PEM key', cause: err });
  }
}

async function readPem(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new ConfigurationError({ message: `cannot read ${what} ${path}`, cause: err });
  }
}

async function fromProfile(
  connection: ProfileConnection,
  options: Readonly<ConnectOptions>,
): Promise<Resolved> {
  const profile =
    typeof connection.profile === 'string'
      ? await loadConnectionProfile(connection.profile)
      : connection.profile;
  const user = profileUser(profile, connection.user);
  const [tlsCACert, certificate, privateKey] = await Promise.all([
    readPem(profile.peer.tlsCACertPath, 'TLS CA certificate'),
    readPem(user.certPath, 'certificate'),
    readPem(user.keyPath, 'private key'),
  ]);
  return {
    client: newGrpcClient(profile.peer.endpoint, tlsCACert, profile.peer.hostAlias),
    ownsClient: true,
    identity: { mspId: profile.mspId, credentials: certificate },
    signer: newSigner(privateKey),
    channel: options.channel ?? profile.channel,
    chaincode: options.chaincode ?? profile.chaincode,
  };
}

function fromEndpoint(connection: EndpointConnection, options: Readonly<ConnectOptions>): Resolved {
  const signer = newSigner(pem(connection.privateKey));
  return {
    client: newGrpcClient(connection.endpoint, pem(connection.tlsCACert), connection.hostAlias),
    ownsClient: true,
    identity: { mspId: connection.mspId, credentials: pem(connection.certificate) },
    signer,
    channel: options.channel ?? 'coldchain',
    chaincode: options.chaincode ?? 'coldtrace',
  };
}

async function resolveConnection(options: Readonly<ConnectOptions>): Promise<Resolved> {
  const { connection } = options;
  if ('profile' in connection) {
    return fromProfile(connection, options);
  }
  if ('endpoint' in connection) {
    return fromEndpoint(connection, options);
  }
  return {
    client: connection.client,
    ownsClient: false,
    identity: connection.identity,
    signer: connection.signer,
    channel: options.channel ?? 'coldchain',
    chaincode: options.chaincode ?? 'coldtrace',
  };
}

function deadline(ms: number): () => grpc.CallOptions {
  return () => ({ deadline: Date.now() + ms });
}

/**
 * Connects to a coldtrace network through one organisation's gateway peer. One gRPC connection is
 * shared by everything the returned client does; `close()` releases it (unless the caller passed
 * its own gRPC client) and is safe to call twice.
 * @throws {@link ConfigurationError} if the profile, user, certificate or key cannot be used.
 */
export async function connect(options: Readonly<ConnectOptions>): Promise<ColdtraceClient> {
  const resolved = await resolveConnection(options);
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  let gateway: Gateway;
  try {
    gateway = connectGateway({
      client: resolved.client,
      identity: resolved.identity,
      signer: resolved.signer,
      hash: hash.sha256,
      evaluateOptions: deadline(timeouts.evaluateMs),
      endorseOptions: deadline(timeouts.endorseMs),
      submitOptions: deadline(timeouts.submitMs),
      commitStatusOptions: deadline(timeouts.commitStatusMs),
    });
  } catch (err) {
    if (resolved.ownsClient) {
      resolved.client.close();
    }
    throw new ConfigurationError({ message: 'cannot create gateway connection', cause: err });
  }
  return newColdtraceClient({
    gateway,
    mspId: resolved.identity.mspId,
    channel: resolved.channel,
    chaincode: resolved.chaincode,
    release: () => {
      gateway.close();
      if (resolved.ownsClient) {
        resolved.client.close();
      }
    },
  });
}
