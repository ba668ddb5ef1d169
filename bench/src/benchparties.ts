import * as path from 'node:path';
import { type ColdtraceClient, connect } from '@coldtrace/gateway-client';

/** The users the benchmark acts as, each connected through its organisation's gateway peer. */
export interface BenchParties {
  readonly shipper: ColdtraceClient;
  readonly dispatcher: ColdtraceClient;
  readonly sensorGateway: ColdtraceClient;
  readonly qa: ColdtraceClient;
  readonly auditor: ColdtraceClient;
  close(): void;
}

/** Connects every party from the connection profiles in `profileDir`. */
export async function connectParties(profileDir: string): Promise<BenchParties> {
  const as = (mspId: string, user: string): Promise<ColdtraceClient> =>
    connect({
      connection: { profile: path.join(profileDir, `${mspId}.json`), user },
      timeouts: { commitStatusMs: 120_000, endorseMs: 60_000 },
    });
  const clients = await Promise.all([
    as('PharmaMSP', 'shipper'),
    as('LogisticsMSP', 'dispatcher'),
    as('LogisticsMSP', 'sensor-gateway'),
    as('PharmaMSP', 'qa'),
    as('AuditorMSP', 'auditor'),
  ]);
  const [shipper, dispatcher, sensorGateway, qa, auditor] = clients;
  return {
    shipper,
    dispatcher,
    sensorGateway,
    qa,
    auditor,
    close: () => {
      for (const client of clients) client.close();
    },
  };
}
