import { EndorsementReplay, missingKeyEndorsers } from './endorsementreplay';
import type { LedgerTransaction } from './ledgerblock';
import { shipmentKey } from './statekey';
import {
  manifest,
  newRecordedLedger,
  readingsBlockNumber,
  recordedBlock,
  recordedTransactions,
} from './testing/recordedledger';
import { WrittenState } from './writtenstate';

const readingsBlock = recordedBlock(readingsBlockNumber!);

async function replayAll(replay: EndorsementReplay, tampered = false) {
  const written = new WrittenState();
  const results = [];
  for (const { block, index } of recordedTransactions(tampered)) {
    const replayed = await replay.replay(block, index, written);
    written.add(block.number, replayed.transaction, manifest.chaincode);
    results.push(replayed);
  }
  return results;
}

describe('EndorsementReplay over the recorded blocks', () => {
  const newReplay = (required?: number) =>
    new EndorsementReplay(newRecordedLedger(), {
      chaincode: manifest.chaincode,
      ...(required !== undefined ? { requiredEndorsingOrganisations: required } : {}),
    });

  it('reads the three application organisations from the recorded configuration block', async () => {
    const organisations = await newReplay().organisations(readingsBlock);
    expect([...organisations.keys()].sort()).toEqual(['AuditorMSP', 'LogisticsMSP', 'PharmaMSP']);
  });

  it('finds every recorded transaction validly endorsed under both policies', async () => {
    const replay = newReplay();
    const results = await replayAll(replay);
    expect(results.flatMap((r) => r.discrepancies)).toEqual([]);
    expect(replay.required).toBe(2);
    const readings = results.find(
      (r) => r.transaction.transactionId === manifest.transactions.submitReadings,
    )!;
    expect(readings.evidence).toMatchObject({
      blockNumber: readingsBlockNumber,
      creatorMspId: 'LogisticsMSP',
      validationCode: 'VALID',
    });
    expect(readings.evidence.endorsements.map((e) => e.mspId).sort()).toEqual([
      'LogisticsMSP',
      'PharmaMSP',
    ]);
    expect(
      readings.evidence.endorsements.every((e) => e.signatureValid && e.certificateTrusted),
    ).toBe(true);
  });

  it('finds the signatures broken on the tampered block', async () => {
    const results = await replayAll(newReplay(), true);
    const problems = results.flatMap((r) => r.discrepancies);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.transactionId === manifest.transactions.submitReadings)).toBe(
      true,
    );
    expect(problems.map((p) => p.kind)).toContain('ENDORSEMENT_INVALID');
  });

  it('applies a stricter chaincode-level policy when asked', async () => {
    const results = await replayAll(newReplay(3));
    expect(results.flatMap((r) => r.discrepancies).map((d) => d.kind)).toContain(
      'ENDORSEMENT_POLICY',
    );
  });

  it('reports a committed transaction the peers marked invalid as NOT_VALID', async () => {
    const filter = Uint8Array.from(readingsBlock.transactionFilter);
    filter[0] = 11; // MVCC_READ_CONFLICT
    const replayed = await newReplay().replay(
      { ...readingsBlock, transactionFilter: filter },
      0,
      new WrittenState(),
    );
    expect(replayed.discrepancies).toEqual([
      expect.objectContaining({ kind: 'NOT_VALID', blockNumber: readingsBlockNumber }),
    ]);
  });
});

describe('missingKeyEndorsers', () => {
  const shipmentWrite = (tx: LedgerTransaction) =>
    tx.actions.flatMap((a) => a.writes).some((w) => w.key === shipmentKey(manifest.shipmentId));
  const transactions = recordedTransactions().map((r) => r.transaction);
  const accept = transactions.find((t) => t.transactionId === manifest.transactions.acceptCustody)!;

  it("requires the organisations of the shipment's previous version", () => {
    const written = new WrittenState();
    const before = transactions.filter((t) => shipmentWrite(t) && t !== accept);
    before.slice(0, 2).forEach((t, i) => {
      written.add(BigInt(i), t, manifest.chaincode);
    });
    expect(missingKeyEndorsers(accept, new Set(['PharmaMSP', 'AuditorMSP']), written)).toEqual([]);
    expect(missingKeyEndorsers(accept, new Set(['PharmaMSP', 'LogisticsMSP']), written)).toEqual([
      'AuditorMSP',
    ]);
  });

  it('requires nothing of a shipment written for the first time', () => {
    expect(missingKeyEndorsers(accept, new Set(), new WrittenState())).toEqual([]);
  });
});
