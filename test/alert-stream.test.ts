// Pharma QA's alert stream on the live network: a consumer that stops and starts again with the
// same checkpoint file gets exactly the alerts committed since, none missed and none repeated; and
// a stream open while the Pharma peer restarts reconnects by itself and delivers what follows.
import type { AlertNotification, AlertStream } from '@coldtrace/gateway-client';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  closeParties,
  connectParties,
  type Parties,
  peersInSync,
  readingsAt,
  registerLot,
  shipmentInTransit,
} from './support/coldtrace';
import { networkUp, stopNode } from './support/nodes';

/** Consumes a stream in the background, keeping the notifications of one shipment. */
class ShipmentAlertConsumer {
  readonly received: AlertNotification[] = [];
  readonly finished: Promise<void>;

  /** Leaves the loop (which checkpoints) after `stopAfter` notifications of the shipment. */
  constructor(stream: AlertStream, shipmentId: string, stopAfter = Number.POSITIVE_INFINITY) {
    this.finished = (async () => {
      for await (const notification of stream) {
        if (notification.shipmentId !== shipmentId) continue;
        this.received.push(notification);
        if (this.received.length >= stopAfter) break;
      }
    })();
  }

  get transactionIds(): string[] {
    return this.received.map((n) => n.transactionId);
  }

  async waitFor(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`got ${this.received.length} of ${count} notifications in ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('alert stream', () => {
  let parties: Parties;
  let workDir: string;

  beforeAll(async () => {
    parties = await connectParties();
    workDir = mkdtempSync(path.join(tmpdir(), 'coldtrace-alerts-'));
  });

  afterAll(() => {
    closeParties(parties);
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Commits one out-of-range excursion starting at `startMs`; returns its transaction id. */
  async function excursion(shipmentId: string, startMs: number): Promise<string> {
    const [result] = await parties.carrier.readings
      .newIngestion()
      .enqueue(shipmentId, readingsAt('DOOR-1', startMs, [5.0, 9.5, 5.0]));
    expect(result?.outcome).toBe('committed');
    expect(result?.receipt?.alerts).toHaveLength(1);
    await peersInSync(parties);
    return result!.transactionId!;
  }

  it('resumes from its checkpoint file after a restart, missing and repeating nothing', async () => {
    const lot = await registerLot(parties.shipper);
    const shipmentId = await shipmentInTransit(parties, lot.lotId);
    const checkpointFile = path.join(workDir, 'qa-alerts.checkpoint');
    const startBlock = (await parties.qa.ledger.chainInfo()).height;
    const t0 = Date.now() + 1000;

    const first = new ShipmentAlertConsumer(
      parties.qa.alerts.watch({ checkpointFile, startBlock }),
      shipmentId,
      1,
    );
    const tx1 = await excursion(shipmentId, t0);
    await first.waitFor(1);
    await first.finished;

    expect(first.transactionIds).toEqual([tx1]);
    const [raised] = first.received[0]!.alerts;
    expect(raised).toMatchObject({ type: 'OUT_OF_RANGE', status: 'OPEN', peakMilliC: 9500 });
    expect(existsSync(checkpointFile)).toBe(true);
    expect(readFileSync(checkpointFile, 'utf8')).not.toBe('');

    // Committed while no consumer runs: a new excursion, then QA acknowledges the first alert.
    const tx2 = await excursion(shipmentId, t0 + 40_000);
    const acknowledged = await parties.qa.alerts.acknowledge(
      shipmentId,
      raised!.alertId,
      'Checked on restart',
    );
    const tx3 = acknowledged.updatedTxId;

    const stream = parties.qa.alerts.watch({ checkpointFile, startBlock });
    const second = new ShipmentAlertConsumer(stream, shipmentId, 2);
    try {
      await second.waitFor(2);
      await second.finished;
    } finally {
      stream.close();
    }

    expect(second.transactionIds).toEqual([tx2, tx3]);
    expect(second.received[1]!.alerts).toEqual([
      expect.objectContaining({ alertId: raised!.alertId, status: 'ACKNOWLEDGED' }),
    ]);
  });

  it('reconnects after the Pharma peer restarts and delivers the alerts that follow', async () => {
    const lot = await registerLot(parties.shipper);
    const shipmentId = await shipmentInTransit(parties, lot.lotId);
    const startBlock = (await parties.qa.ledger.chainInfo()).height;
    const reconnects: number[] = [];
    const stream = parties.qa.alerts.watch({
      checkpointFile: path.join(workDir, 'restart.checkpoint'),
      startBlock,
      reconnect: { maxAttempts: Number.POSITIVE_INFINITY, initialDelayMs: 200, maxDelayMs: 2000 },
      onReconnect: (_error, attempt) => reconnects.push(attempt),
    });
    const consumer = new ShipmentAlertConsumer(stream, shipmentId);
    try {
      const t0 = Date.now() + 1000;
      const before = await excursion(shipmentId, t0);
      await consumer.waitFor(1);

      await stopNode('peer0.pharma');
      await networkUp();
      const after = await excursion(shipmentId, t0 + 40_000);
      await consumer.waitFor(2, 60_000);

      expect(consumer.transactionIds).toEqual([before, after]);
      expect(reconnects.length).toBeGreaterThan(0);
    } finally {
      stream.close();
      await consumer.finished.catch(() => undefined);
    }
  });
});
