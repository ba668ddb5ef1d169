import { EndorsementError } from './coldtraceerror';
import type { LedgerReader } from './ledgerreader';
import { maxListedDiscrepancies } from './provenancereport';
import { type ProvenanceOptions, newProvenanceVerifier } from './provenanceverifier';
import { collectingSink } from './testing/collectingsink';
import {
  type QueryOverride,
  manifest,
  newRecordedLedger,
  newRecordedSubmitter,
  readingsBlockNumber,
  recordedAnswer,
} from './testing/recordedledger';

function verifier(
  ledger: LedgerReader = newRecordedLedger(),
  override?: QueryOverride,
  options: ProvenanceOptions = {},
) {
  return newProvenanceVerifier(
    {
      submitter: newRecordedSubmitter(override),
      ledger,
      channel: manifest.channel,
      chaincode: manifest.chaincode,
      mspId: manifest.mspId,
    },
    { now: () => 1, ...options },
  );
}

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
const recordedReading = (recordedAnswer('GetReadings') as { items: Record<string, unknown>[] })
  .items[0]!;

describe('ProvenanceVerifier over blocks recorded from the live network', () => {
  it('verifies the recorded shipment, passing every verified item to the sink', async () => {
    const { sink, shipments, transactions } = collectingSink();
    const report = await verifier().verifyShipment(manifest.shipmentId, { sink });
    expect(report.discrepancies).toEqual([]);
    expect(report).toMatchObject({
      schema: 'coldtrace.provenance/v2',
      verdict: 'VERIFIED',
      requiredEndorsingOrganisations: 2,
      shipmentCount: 1,
      transactionCount: 5,
      discrepancyCount: 0,
    });
    expect(report.ledger).toEqual({
      height: manifest.chainInfo.height,
      tipHash: manifest.chainInfo.currentBlockHash,
      firstBlockChecked: manifest.blocks[1],
      blocksChecked: manifest.blocks.length - 1,
    });
    const [shipment] = shipments;
    expect(shipment?.history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(shipment?.readingsDays).toEqual([
      expect.objectContaining({ count: 4, outOfRange: 1, matchedOnLedger: 4 }),
    ]);
    expect(shipment?.alerts.map((a) => a.alertId)).toEqual([manifest.alertId]);
    expect(shipment?.summary).toMatchObject({
      events: 5,
      readings: { count: 4, days: 1, matchedOnLedger: 4 },
      alerts: { count: 1, acknowledged: 1, bySeverity: { WARNING: 1, CRITICAL: 0 } },
      dispositionCount: 0,
    });
    expect(shipment?.custodyChain).toHaveLength(1);
    expect(transactions.map((t) => t.transactionId)).toEqual(
      expect.arrayContaining(Object.values(manifest.transactions).slice(1)),
    );
  });

  it('verifies the recorded lot, from its registration on', async () => {
    const report = await verifier().verifyLot(manifest.lotId);
    expect(report.discrepancies).toEqual([]);
    expect(report.lot?.lotId).toBe(manifest.lotId);
    expect(report.ledger.firstBlockChecked).toBe(manifest.blocks[0]);
    expect(report.transactionCount).toBe(manifest.blocks.length);
    expect(report.shipmentCount).toBe(1);
  });

  it('names the transaction whose stored reading was altered', async () => {
    const report = await verifier(newRecordedLedger({ tampered: true })).verifyShipment(
      manifest.shipmentId,
    );
    expect(report.verdict).toBe('DISCREPANCIES');
    const tampered = manifest.transactions.submitReadings;
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ENDORSEMENT_INVALID', transactionId: tampered }),
        expect.objectContaining({ kind: 'DATA_HASH', blockNumber: readingsBlockNumber }),
        expect.objectContaining({
          kind: 'VALUE_MISMATCH',
          message: expect.stringContaining('ledger has 6000') as unknown,
        }),
      ]),
    );
  });

  it('reports a transaction the peer does not have as TRANSACTION_MISSING', async () => {
    const recorded = newRecordedLedger();
    const offered = manifest.transactions.offerCustody;
    const ledger: LedgerReader = {
      ...recorded,
      blockByTransactionId: (id) =>
        recorded.blockByTransactionId(id === offered ? 'not-on-this-ledger' : id),
    };
    const report = await verifier(ledger).verifyShipment(manifest.shipmentId);
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'TRANSACTION_MISSING', transactionId: offered }),
      ]),
    );
  });

  it('throws when the peer cannot be asked, instead of calling its transactions missing', async () => {
    const unavailable = new EndorsementError({ message: 'peer unavailable', retryable: true });
    const ledger: LedgerReader = {
      ...newRecordedLedger(),
      blockByTransactionId: () => Promise.reject(unavailable),
    };
    await expect(verifier(ledger).verifyShipment(manifest.shipmentId)).rejects.toBe(unavailable);
  });

  it('reads each located block from the peer once, by transaction id', async () => {
    const recorded = newRecordedLedger();
    const byNumber: number[] = [];
    const ledger: LedgerReader = {
      ...recorded,
      blockByNumber: (n) => {
        byNumber.push(Number(n));
        return recorded.blockByNumber(n);
      },
    };
    const report = await verifier(ledger).verifyLot(manifest.lotId);
    expect(report.discrepancies).toEqual([]);
    // Only the configuration block is read by number: the replay and the hash-chain walk take
    // the transactions' blocks from the cache the locator filled.
    expect(byNumber).toEqual([manifest.configBlock]);
  });

  it('does not replay a transaction from a copy of its block that no longer holds it there', async () => {
    const recorded = newRecordedLedger();
    const target = BigInt(readingsBlockNumber!);
    const other = await recorded.blockByNumber(BigInt(manifest.blocks[0]!));
    const ledger: LedgerReader = {
      ...recorded,
      // By number, the peer serves another block's transactions under the readings block's number.
      blockByNumber: (n) =>
        n === target ? Promise.resolve({ ...other, number: target }) : recorded.blockByNumber(n),
    };
    const { sink, transactions } = collectingSink();
    const report = await verifier(ledger, undefined, { blockCacheBytes: 1 }).verifyShipment(
      manifest.shipmentId,
      { sink },
    );
    expect(transactions.map((t) => t.transactionId)).not.toContain(
      manifest.transactions.submitReadings,
    );
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'BLOCK_CHANGED', blockNumber: readingsBlockNumber }),
      ]),
    );
    expect(report.transactionCount).toBe(4);
  });

  it('verifies with a block cache of one block, and notices a block served differently', async () => {
    const small = await verifier(newRecordedLedger(), undefined, {
      blockCacheBytes: 1,
    }).verifyShipment(manifest.shipmentId);
    expect(small.discrepancies).toEqual([]);

    // The peer serves the readings block honestly once, then its tampered copy.
    const recorded = newRecordedLedger();
    const tampered = newRecordedLedger({ tampered: true });
    let reads = 0;
    const ledger: LedgerReader = {
      ...recorded,
      blockByNumber: (n) =>
        n === BigInt(readingsBlockNumber!) && reads++ > 0
          ? tampered.blockByNumber(n)
          : recorded.blockByNumber(n),
    };
    const report = await verifier(ledger, undefined, { blockCacheBytes: 1 }).verifyShipment(
      manifest.shipmentId,
    );
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'BLOCK_CHANGED', blockNumber: readingsBlockNumber }),
      ]),
    );
  });

  it('streams 250 000 readings page by page into sensor-day summaries', async () => {
    const total = 250_000;
    const pageSize = 1000;
    let pagesServed = 0;
    const override: QueryOverride = (name, args) => {
      if (name !== 'GetReadings') return undefined;
      const start = args[4] === '' ? 0 : Number(args[4]);
      pagesServed++;
      const items = Array.from({ length: Math.min(pageSize, total - start) }, (_, i) => ({
        ...recordedReading,
        // A sensor of its own: its days have no write among the verified transactions, so each
        // of its four days is one discrepancy (invented readings), however many readings it has.
        sensorId: 'BULK',
        timestampMs: 1_700_000_000_000 + (start + i) * 1000,
        milliC: 3000 + ((start + i) % 1000),
      }));
      const next = start + items.length;
      return json({ items, bookmark: next < total ? String(next) : '' });
    };
    const { sink, shipments } = collectingSink();
    const report = await verifier(newRecordedLedger(), override).verifyShipment(
      manifest.shipmentId,
      { sink },
    );
    expect(pagesServed).toBe(total / pageSize);
    expect(report.discrepancies.map((d) => d.message)).toEqual(
      ['2023-11-14', '2023-11-15', '2023-11-16', '2023-11-17'].map(
        (day) => expect.stringContaining(`readings BULK on ${day}: the query reports`) as unknown,
      ),
    );
    const days = shipments[0]?.readingsDays ?? [];
    expect(days.map((d) => d.day)).toEqual([
      '2023-11-14',
      '2023-11-15',
      '2023-11-16',
      '2023-11-17',
    ]);
    expect(shipments[0]?.summary?.readings).toMatchObject({
      count: total,
      days: 4,
      minMilliC: 3000,
      maxMilliC: 3999,
      matchedOnLedger: 0,
    });
  });

  it('lists the first discrepancies and counts them all', async () => {
    // 3000 readings the query reports on the recorded day, which the ledger does not hold.
    const override: QueryOverride = (name) =>
      name === 'GetReadings'
        ? json({
            items: Array.from({ length: 3000 }, (_, i) => ({
              ...recordedReading,
              timestampMs: (recordedReading.timestampMs as number) + 1 + i,
            })),
            bookmark: '',
          })
        : undefined;
    const report = await verifier(newRecordedLedger(), override).verifyShipment(
      manifest.shipmentId,
    );
    expect(report.discrepancies).toHaveLength(maxListedDiscrepancies);
    expect(report.discrepancyCount).toBeGreaterThan(3000);
    expect(report.verdict).toBe('DISCREPANCIES');
  });

  it('checks the history as the first pass saw it, not events written since', async () => {
    const { items } = recordedAnswer('GetShipmentHistory') as {
      items: Record<string, unknown>[];
    };
    let calls = 0;
    const override: QueryOverride = (name) => {
      if (name !== 'GetShipmentHistory') return undefined;
      calls++;
      const later = { ...items.at(-1)!, seq: items.length + 1, txId: 'f00d' };
      return json({ items: calls === 1 ? items : [...items, later], bookmark: '' });
    };
    const { sink, shipments } = collectingSink();
    const report = await verifier(newRecordedLedger(), override).verifyShipment(
      manifest.shipmentId,
      { sink },
    );
    expect(calls).toBe(2);
    expect(shipments[0]?.history).toHaveLength(items.length);
    expect(report.discrepancies).toEqual([]);
  });
});
