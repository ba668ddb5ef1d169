import { type SensorReadingInput } from '@coldtrace/protocol';
import { type CommitStatus } from './commitstatus';
import { EndorsementError, ValidationError } from './coldtraceerror';
import { newReadingIngestion } from './readingingestion';
import type { PendingTransaction, TransactionSubmitter } from './transactionsubmitter';

interface SentBatch {
  shipmentId: string;
  batchId: string;
  firstTimestamp: string;
}

type Verdict = 'VALID' | 'MVCC_READ_CONFLICT' | 'ENDORSEMENT_POLICY_FAILURE' | 'UNAVAILABLE';

/** A fake ledger: records submissions, tracks concurrency, commits with scripted verdicts. */
class FakeLedger implements TransactionSubmitter {
  readonly sent: SentBatch[] = [];
  readonly verdicts: Verdict[] = [];
  inFlight = 0;
  maxInFlight = 0;
  #counter = 0;

  evaluate(): Promise<Uint8Array> {
    return Promise.reject(new Error('not used'));
  }

  async submit(transactionName: string, args: readonly string[]): Promise<PendingTransaction> {
    expect(transactionName).toBe('SubmitReadings');
    const [shipmentId, json] = args as [string, string];
    const batch = JSON.parse(json) as { batchId: string; readings: SensorReadingInput[] };
    const verdict = this.verdicts.shift() ?? 'VALID';
    await Promise.resolve();
    if (verdict === 'UNAVAILABLE') {
      throw new EndorsementError({ message: 'peer down', retryable: true, grpcCode: 14 });
    }
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.sent.push({
      shipmentId,
      batchId: batch.batchId,
      firstTimestamp: batch.readings[0]!.timestamp,
    });
    const transactionId = `tx${++this.#counter}`;
    const code = { VALID: 0, MVCC_READ_CONFLICT: 11, ENDORSEMENT_POLICY_FAILURE: 10 }[verdict];
    const receipt = {
      shipmentId,
      batchId: batch.batchId,
      stored: batch.readings.length,
      duplicates: 0,
      conflicts: [],
      oldReadings: 0,
      earliestOldReadingMs: null,
      alerts: [],
      alertCounts: { raised: 0, changed: 0, withdrawn: 0 },
      shipmentStatus: 'IN_TRANSIT',
      readingCount: batch.readings.length,
    };
    return {
      transactionId,
      result: Buffer.from(JSON.stringify(receipt)),
      getStatus: async (): Promise<CommitStatus> => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        this.inFlight--;
        return {
          transactionId,
          blockNumber: 5n,
          code,
          codeName: verdict,
          successful: code === 0,
        };
      },
    };
  }
}

function readings(count: number, startMinute = 0): SensorReadingInput[] {
  return Array.from({ length: count }, (_, i) => ({
    sensorId: 'S-1',
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, startMinute + i)).toISOString(),
    value: 5,
    unit: 'CEL' as const,
  }));
}

const noWait = (): Promise<void> => Promise.resolve();
const fast = { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 1 };

describe('ReadingIngestion', () => {
  it('commits every batch and reports transaction id and VALID status', async () => {
    const ledger = new FakeLedger();
    const ingestion = newReadingIngestion(ledger, { maxBatchSize: 2, sleep: noWait });
    const results = await ingestion.enqueue('SHP-1', readings(5));
    expect(results.map((r) => r.outcome)).toEqual(['committed', 'committed', 'committed']);
    expect(results.map((r) => r.transactionId)).toEqual(['tx1', 'tx2', 'tx3']);
    expect(results.every((r) => r.commitStatus?.codeName === 'VALID')).toBe(true);
    expect(results[0]?.receipt?.stored).toBe(2);
  });

  it('sends one shipment in order while bounding transactions in flight', async () => {
    const ledger = new FakeLedger();
    const ingestion = newReadingIngestion(ledger, { maxBatchSize: 1, maxInFlight: 2 });
    const summary = await ingestion.ingest([
      { shipmentId: 'A', readings: readings(4) },
      { shipmentId: 'B', readings: readings(4) },
      { shipmentId: 'C', readings: readings(4) },
    ]);
    expect(summary.committedBatches).toBe(12);
    expect(summary.committedReadings).toBe(12);
    expect(summary.shipments.map((s) => [s.shipmentId, s.receipts, s.stored])).toEqual([
      ['A', 4, 4],
      ['B', 4, 4],
      ['C', 4, 4],
    ]);
    expect(ledger.maxInFlight).toBe(2);
    for (const shipment of ['A', 'B', 'C']) {
      const times = ledger.sent
        .filter((s) => s.shipmentId === shipment)
        .map((s) => s.firstTimestamp);
      expect(times).toEqual([...times].sort());
      expect(times).toHaveLength(4);
    }
  });

  it('runs shipments concurrently rather than one after another', async () => {
    const ledger = new FakeLedger();
    const ingestion = newReadingIngestion(ledger, { maxBatchSize: 1, maxInFlight: 3 });
    await ingestion.ingest([
      { shipmentId: 'A', readings: readings(2) },
      { shipmentId: 'B', readings: readings(2) },
      { shipmentId: 'C', readings: readings(2) },
    ]);
    expect(ledger.maxInFlight).toBe(3);
  });

  it('retries MVCC conflicts and unavailable peers with the same batch id', async () => {
    const ledger = new FakeLedger();
    ledger.verdicts.push('MVCC_READ_CONFLICT', 'UNAVAILABLE');
    const retries: number[] = [];
    const ingestion = newReadingIngestion(ledger, {
      backoff: fast,
      sleep: noWait,
      onRetry: (_batch, _err, delayMs) => retries.push(delayMs),
    });
    const [result] = await ingestion.enqueue('SHP-1', readings(3));
    expect(result?.outcome).toBe('committed');
    expect(result?.attempts).toBe(3);
    expect(retries).toHaveLength(2);
    expect(new Set(ledger.sent.map((s) => s.batchId)).size).toBe(1);
    expect(result?.transactionId).toBe('tx2');
  });

  it('never reports success for an invalid commit and skips later batches of that shipment', async () => {
    const ledger = new FakeLedger();
    ledger.verdicts.push('ENDORSEMENT_POLICY_FAILURE');
    const settled: string[] = [];
    const ingestion = newReadingIngestion(ledger, {
      maxBatchSize: 1,
      sleep: noWait,
      onBatchSettled: (r) => settled.push(r.outcome),
    });
    const results = await ingestion.enqueue('SHP-1', readings(3));
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'skipped', 'skipped']);
    expect(results[0]?.error?.code).toBe('COMMIT_FAILED');
    expect(results[0]?.transactionId).toBe('tx1');
    expect(results[0]?.commitStatus?.codeName).toBe('ENDORSEMENT_POLICY_FAILURE');
    expect(settled).toEqual(['failed', 'skipped', 'skipped']);
    expect(ledger.sent).toHaveLength(1);
  });

  it('gives up after the last attempt and reports the error', async () => {
    const ledger = new FakeLedger();
    ledger.verdicts.push('UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE');
    const ingestion = newReadingIngestion(ledger, { backoff: fast, sleep: noWait });
    const [result] = await ingestion.enqueue('SHP-1', readings(1));
    expect(result?.outcome).toBe('failed');
    expect(result?.attempts).toBe(4);
    expect(result?.error?.retryable).toBe(true);
    expect(result?.transactionId).toBeUndefined();
  });

  it('does not retry a chaincode validation failure', async () => {
    let calls = 0;
    const submitter: TransactionSubmitter = {
      evaluate: () => Promise.reject(new Error('unused')),
      submit: () => {
        calls++;
        return Promise.reject(new ValidationError({ message: 'bad', field: 'x', rule: 'y' }));
      },
    };
    const ingestion = newReadingIngestion(submitter, { sleep: noWait });
    const [result] = await ingestion.enqueue('SHP-1', readings(1));
    expect(result?.error).toBeInstanceOf(ValidationError);
    expect(calls).toBe(1);
  });

  it('rejects an empty reading list with ValidationError, as documented', () => {
    const ledger = new FakeLedger();
    const ingestion = newReadingIngestion(ledger);
    expect(() => ingestion.enqueue('SHP-1', [])).toThrow(ValidationError);
    expect(ledger.sent).toHaveLength(0);
  });

  it('keeps order across separate enqueue calls for the same shipment', async () => {
    const ledger = new FakeLedger();
    const ingestion = newReadingIngestion(ledger, { maxInFlight: 4 });
    const later = ingestion.enqueue('SHP-1', readings(1, 10));
    const earlier = ingestion.enqueue('SHP-1', readings(1, 20));
    await Promise.all([later, earlier]);
    await ingestion.drain();
    expect(ledger.sent.map((s) => s.firstTimestamp)).toEqual([
      readings(1, 10)[0]!.timestamp,
      readings(1, 20)[0]!.timestamp,
    ]);
  });
});
