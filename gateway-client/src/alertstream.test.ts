import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ChaincodeEvent,
  ChaincodeEventsOptions,
  CloseableAsyncIterable,
} from '@hyperledger/fabric-gateway';
import { checkpointers } from '@hyperledger/fabric-gateway';
import type { AlertNotification } from './alertnotification';
import { type ChaincodeEventSource, newAlertStream } from './alertstream';
import { ColdtraceError, EndorsementError } from './coldtraceerror';
import { sampleAlert } from './testing/samples';

function alertEvent(blockNumber: bigint, transactionId: string): ChaincodeEvent {
  const payload = {
    schema: 'coldtrace.alerts/v1',
    shipmentId: 'SHP-1',
    txId: transactionId,
    alerts: [sampleAlert({ alertId: `A-${transactionId}` })],
  };
  return {
    blockNumber,
    transactionId,
    chaincodeName: 'coldtrace',
    eventName: 'coldtrace.alerts',
    payload: Buffer.from(JSON.stringify(payload)),
  };
}

/** A peer's event service over a fixed ledger; each session breaks after `breakAfter` events. */
class FakeEventService {
  /** Start positions as they were when each session opened (the checkpointer is live). */
  readonly opened: { startBlock?: bigint; block?: bigint; transactionId?: string }[] = [];
  breakAfter = Number.POSITIVE_INFINITY;
  failure: () => Error = () =>
    new EndorsementError({ message: 'peer restarted', retryable: true, grpcCode: 14 });

  constructor(readonly ledger: readonly ChaincodeEvent[]) {}

  readonly source: ChaincodeEventSource = (options) => {
    const block = options.checkpoint?.getBlockNumber();
    const transactionId = options.checkpoint?.getTransactionId();
    this.opened.push({
      ...(options.startBlock !== undefined ? { startBlock: options.startBlock } : {}),
      ...(block !== undefined ? { block } : {}),
      ...(transactionId !== undefined ? { transactionId } : {}),
    });
    const remaining = this.#after(options);
    const breakAfter = this.breakAfter;
    const failure = this.failure;
    let closed = false;
    async function* generate(): AsyncGenerator<ChaincodeEvent> {
      let sent = 0;
      for (const event of remaining) {
        if (closed) return;
        if (sent === breakAfter) throw failure();
        await Promise.resolve();
        sent++;
        yield event;
      }
      // A live stream waits for more blocks; end here only once closed.
      while (!closed) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const iterable: CloseableAsyncIterable<ChaincodeEvent> = {
      [Symbol.asyncIterator]: () => generate(),
      close: () => {
        closed = true;
      },
      [Symbol.dispose]: () => {
        closed = true;
      },
    };
    return Promise.resolve(iterable);
  };

  #after(options: ChaincodeEventsOptions): ChaincodeEvent[] {
    const checkpoint = options.checkpoint;
    if (checkpoint?.getBlockNumber() !== undefined) {
      const block = checkpoint.getBlockNumber()!;
      const tx = checkpoint.getTransactionId();
      const inBlock = this.ledger.filter((e) => e.blockNumber === block);
      const skip = tx === undefined ? 0 : inBlock.findIndex((e) => e.transactionId === tx) + 1;
      return [...inBlock.slice(skip), ...this.ledger.filter((e) => e.blockNumber > block)];
    }
    const start = options.startBlock ?? 0n;
    return this.ledger.filter((e) => e.blockNumber >= start);
  }
}

const ledger = [
  alertEvent(3n, 't1'),
  alertEvent(3n, 't2'),
  { ...alertEvent(4n, 't3'), eventName: 'coldtrace.other' },
  alertEvent(5n, 't4'),
  alertEvent(6n, 't5'),
];

async function take(stream: AsyncIterable<AlertNotification>, count: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const notification of stream) {
    ids.push(notification.transactionId);
    if (ids.length === count) break;
  }
  return ids;
}

const noWait = (): Promise<void> => Promise.resolve();

describe('AlertStream', () => {
  it('reconnects after breaks without missing or repeating alerts', async () => {
    const service = new FakeEventService(ledger);
    service.breakAfter = 2;
    const reconnects: number[] = [];
    const stream = newAlertStream(
      { startBlock: 0n, onReconnect: (_err, attempt) => reconnects.push(attempt) },
      { events: service.source, sleep: noWait },
    );
    expect(await take(stream, 4)).toEqual(['t1', 't2', 't4', 't5']);
    expect(reconnects.length).toBeGreaterThanOrEqual(2);
    expect(service.opened[1]).toEqual({ block: 3n, transactionId: 't2' });
    stream.close();
  });

  it('resumes from the checkpoint file after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coldtrace-')), 'alerts.checkpoint');
    const service = new FakeEventService(ledger);
    const first = newAlertStream(
      { checkpointFile: file, startBlock: 0n },
      { events: service.source },
    );
    expect(await take(first, 2)).toEqual(['t1', 't2']);
    first.close();

    const restarted = newAlertStream(
      { checkpointFile: file, startBlock: 0n },
      { events: service.source },
    );
    expect(await take(restarted, 2)).toEqual(['t4', 't5']);
    restarted.close();
    const saved = await checkpointers.file(file);
    expect(saved.getBlockNumber()).toBe(6n);
    expect(saved.getTransactionId()).toBe('t5');
  });

  it('starts at the ledger height when there is no checkpoint', async () => {
    const service = new FakeEventService(ledger);
    const stream = newAlertStream(
      {},
      { events: service.source, ledgerHeight: () => Promise.resolve(5n) },
    );
    expect(await take(stream, 1)).toEqual(['t4']);
    expect(service.opened[0]?.startBlock).toBe(5n);
    stream.close();
  });

  it('stops with the error when the peer refuses the request', async () => {
    const service = new FakeEventService(ledger);
    service.breakAfter = 0;
    service.failure = () =>
      new EndorsementError({ message: 'denied', retryable: false, grpcCode: 7 });
    const stream = newAlertStream({ startBlock: 0n }, { events: service.source, sleep: noWait });
    await expect(take(stream, 1)).rejects.toBeInstanceOf(ColdtraceError);
    expect(service.opened).toHaveLength(1);
  });

  it('gives up after the configured number of consecutive failures', async () => {
    const service = new FakeEventService(ledger);
    service.breakAfter = 0;
    const stream = newAlertStream(
      { startBlock: 0n, reconnect: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 } },
      { events: service.source, sleep: noWait },
    );
    await expect(take(stream, 1)).rejects.toMatchObject({ retryable: true });
    expect(service.opened).toHaveLength(3);
  });

  it('skips and reports an event whose payload is invalid', async () => {
    const bad = { ...alertEvent(3n, 't1'), payload: Buffer.from('{"schema":"other"}') };
    const service = new FakeEventService([bad, alertEvent(4n, 't2')]);
    const invalid: string[] = [];
    const stream = newAlertStream(
      { startBlock: 0n, onInvalidEvent: (_err, event) => invalid.push(event.transactionId) },
      { events: service.source },
    );
    expect(await take(stream, 1)).toEqual(['t2']);
    expect(invalid).toEqual(['t1']);
    stream.close();
    stream.close();
  });
});
