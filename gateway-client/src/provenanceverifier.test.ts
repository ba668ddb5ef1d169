import { EndorsementError } from './coldtraceerror';
import type { LedgerReader } from './ledgerreader';
import { newProvenanceVerifier } from './provenanceverifier';
import {
  type QueryOverride,
  manifest,
  newRecordedLedger,
  newRecordedSubmitter,
  readingsBlockNumber,
  recordedAnswer,
} from './testing/recordedledger';

function verifier(ledger: LedgerReader = newRecordedLedger(), override?: QueryOverride) {
  return newProvenanceVerifier(
    {
      submitter: newRecordedSubmitter(override),
      ledger,
      channel: manifest.channel,
      chaincode: manifest.chaincode,
      mspId: manifest.mspId,
    },
    { now: () => 1 },
  );
}

describe('ProvenanceVerifier over blocks recorded from the live network', () => {
  it('verifies the recorded shipment: every transaction located, endorsed and matched', async () => {
    const report = await verifier().verifyShipment(manifest.shipmentId);
    expect(report.discrepancies).toEqual([]);
    expect(report.verdict).toBe('VERIFIED');
    expect(report.requiredEndorsingOrganisations).toBe(2);
    expect(report.ledger).toEqual({
      height: manifest.chainInfo.height,
      tipHash: manifest.chainInfo.currentBlockHash,
      firstBlockChecked: manifest.blocks[1],
      blocksChecked: manifest.blocks.length - 1,
    });
    const provenance = report.shipments[0]!;
    expect(provenance.readings).toMatchObject({ count: 4, outOfRange: 1, matchedOnLedger: 4 });
    expect(provenance.acknowledgements.map((a) => a.alertId)).toEqual([manifest.alertId]);
    expect(report.transactions.map((t) => t.transactionId)).toEqual(
      expect.arrayContaining(Object.values(manifest.transactions).slice(1)),
    );
  });

  it('verifies the recorded lot, from its registration on', async () => {
    const report = await verifier().verifyLot(manifest.lotId);
    expect(report.discrepancies).toEqual([]);
    expect(report.lot?.lotId).toBe(manifest.lotId);
    expect(report.ledger.firstBlockChecked).toBe(manifest.blocks[0]);
    expect(report.transactions).toHaveLength(manifest.blocks.length);
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

  it('summarises 250 000 readings (spreading them into Math.min throws RangeError)', async () => {
    const page = recordedAnswer('GetReadings') as { items: Record<string, unknown>[] };
    const first = page.items[0]!;
    const items = Array.from({ length: 250_000 }, (_, n) => ({
      ...first,
      timestampMs: (first.timestampMs as number) + n,
      milliC: 3000 + (n % 1000),
    }));
    const answer = Buffer.from(JSON.stringify({ items, bookmark: '' }));
    const report = await verifier(newRecordedLedger(), (name) =>
      name === 'GetReadings' ? answer : undefined,
    ).verifyShipment(manifest.shipmentId);
    expect(report.shipments[0]!.readings).toMatchObject({
      count: 250_000,
      firstMs: first.timestampMs,
      lastMs: (first.timestampMs as number) + 249_999,
      minMilliC: 3000,
      maxMilliC: 3999,
    });
  });
});
