import { EndorsementError, loadConnectionProfile } from '@coldtrace/gateway-client';
import { Socket } from 'node:net';

/** The peer a command could not reach: its endpoint, from the profile used, and why. */
export interface UnreachablePeer {
  /** host:port, as the connection profile names it. */
  readonly endpoint: string;
  /** `connection refused`, `host not found`... */
  readonly reason: string;
}

// gRPC status 14, UNAVAILABLE (grpc/doc/statuscodes.md): the call found no usable connection.
// A deadline (4) or an overloaded peer (8) is UNAVAILABLE to the library too, but not down.
const grpcUnavailable = 14;

const probeTimeoutMs = 2000;

// Node's error codes for a TCP connection that could not be made (errno names, not text).
const reasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

function hostAndPort(endpoint: string): { host: string; port: number } | undefined {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/u.exec(endpoint);
  return match?.[1] === undefined ? undefined : { host: match[1], port: Number(match[2]) };
}

/** Why a TCP connection to `endpoint` cannot be made, or undefined when it can. */
export async function tcpUnreachable(endpoint: string): Promise<string | undefined> {
  const address = hostAndPort(endpoint);
  if (address === undefined) {
    return undefined;
  }
  const socket = new Socket();
  try {
    return await new Promise<string | undefined>((resolve) => {
      socket.setTimeout(probeTimeoutMs, () => {
        resolve(`no answer within ${probeTimeoutMs / 1000} s`);
      });
      socket.once('connect', () => {
        resolve(undefined);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        resolve(reasons[error.code ?? ''] ?? error.code ?? 'no connection');
      });
      socket.connect(address.port, address.host);
    });
  } finally {
    socket.destroy();
  }
}

/**
 * The peer of `profileFile`, when `error` says no connection to it could be used (gRPC status
 * UNAVAILABLE) and a TCP connection to its endpoint cannot be made either: the network looks
 * down. Undefined otherwise, also when the profile cannot be read: the error then speaks alone.
 * Decided from status and socket error codes, never from an error's text.
 */
export async function unreachablePeer(
  error: unknown,
  profileFile: string,
): Promise<UnreachablePeer | undefined> {
  if (!(error instanceof EndorsementError) || error.grpcCode !== grpcUnavailable) {
    return undefined;
  }
  let endpoint: string;
  try {
    endpoint = (await loadConnectionProfile(profileFile)).peer.endpoint;
  } catch {
    return undefined;
  }
  const reason = await tcpUnreachable(endpoint);
  return reason === undefined ? undefined : { endpoint, reason };
}
