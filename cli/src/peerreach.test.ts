import { ColdtraceError, EndorsementError } from '@coldtrace/gateway-client';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { tcpUnreachable, unreachablePeer } from './peerreach';

async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const { server, port } = await listening();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A connection profile as `scripts/network.sh up` writes it, naming `endpoint`. */
async function profileFor(endpoint: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'profiles-')), 'PharmaMSP.json');
  const profile = {
    name: 'coldtrace-PharmaMSP',
    channel: 'coldchain',
    chaincode: 'coldtrace',
    mspId: 'PharmaMSP',
    peer: { endpoint, tlsCACertPath: 'tls-ca.pem' },
    users: {},
  };
  await writeFile(file, JSON.stringify(profile));
  return file;
}

// What the library throws for a call no connection could carry: gRPC status 14.
const unavailable = new EndorsementError({ message: 'x', retryable: true, grpcCode: 14 });

describe('unreachablePeer', () => {
  it("names the profile's endpoint and a refused connection, from the socket's error code", async () => {
    const endpoint = `127.0.0.1:${await closedPort()}`;
    expect(await unreachablePeer(unavailable, await profileFor(endpoint))).toEqual({
      endpoint,
      reason: 'connection refused',
    });
  });

  it('finds nothing wrong with a peer that accepts connections', async () => {
    const { server, port } = await listening();
    try {
      expect(await unreachablePeer(unavailable, await profileFor(`127.0.0.1:${port}`))).toBe(
        undefined,
      );
    } finally {
      server.close();
    }
  });

  it('leaves other failures alone, without looking at the peer', async () => {
    const profile = await profileFor(`127.0.0.1:${await closedPort()}`);
    const deadline = new EndorsementError({ message: 'x', retryable: true, grpcCode: 4 });
    expect(await unreachablePeer(deadline, profile)).toBeUndefined();
    const other = new ColdtraceError({ message: 'x', code: 'UNAVAILABLE' });
    expect(await unreachablePeer(other, profile)).toBeUndefined();
    expect(await unreachablePeer(unavailable, '/nonexistent/PharmaMSP.json')).toBeUndefined();
  });
});

describe('tcpUnreachable', () => {
  it('reads host names, and says nothing of an endpoint it cannot read', async () => {
    const port = await closedPort();
    expect(await tcpUnreachable(`localhost:${port}`)).toBe('connection refused');
    expect(await tcpUnreachable('no-port')).toBeUndefined();
  });
});
